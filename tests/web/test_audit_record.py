"""`kernel.audit.record()` writes its rows with one INSERT of its own (not `bulk_create`): what
it stores must read back exactly as the ORM would have stored it."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from interplay.web.kernel.audit import CHUNK, Audit, record
from interplay.web.kernel.models import AuditEvent, AuditKind

pytestmark = pytest.mark.django_db


def test_rows_read_back_as_written_in_one_insert(practice):
    coach, client = practice.coach, practice.client
    rows = [
        Audit(AuditKind.COACH_READ, client_id=client.pk, actor_id=coach.pk, what="dashboard"),
        Audit(AuditKind.FLAG_SEEN, client_id=client.pk, actor_id=coach.pk, object_id=7),
        Audit(AuditKind.FLAG_SEEN, client_id=client.pk, actor_id=coach.pk, object_id=8),
        Audit(AuditKind.COACH_READ, client_id=client.pk, actor_id=None, what="overview"),
    ]
    with CaptureQueriesContext(connection) as queries:
        record(*rows)
    assert len(queries.captured_queries) == 1
    events = list(AuditEvent.objects.order_by("id"))
    assert [(e.step, e.client_id, e.actor_id, e.what, e.object_id) for e in events] == [
        (r.kind, r.client_id, r.actor_id, r.what, r.object_id) for r in rows
    ]
    assert len({e.at for e in events}) == 1 and events[0].at.tzinfo is not None
    assert [e.kind for e in events] == ["coach_read", "safety", "safety", "coach_read"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT sealed_kind FROM kernel_auditevent WHERE kind = 'safety'")
        sealed = [value for (value,) in cursor.fetchall()]
    assert len(set(sealed)) == 2 and not any("flag" in value for value in sealed)


def test_a_long_list_goes_in_chunks(practice):
    rows = [Audit(AuditKind.COACH_READ, client_id=practice.client.pk, what="dashboard")] * (
        CHUNK + 5
    )
    record(*rows)
    assert AuditEvent.objects.count() == CHUNK + 5
    record()  # nothing to write: no query
    assert AuditEvent.objects.count() == CHUNK + 5
