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


def test_reads_of_a_list_go_as_one_row_per_client_in_one_insert(practice):
    """A list page's reads differ in the client alone: one `INSERT ... SELECT` over the ids,
    still one row per client, in order, with the same values the row-by-row statement writes."""
    coach = practice.coach
    ids = [practice.client.pk, practice.other_client.pk, practice.client.pk]
    rows = [
        Audit(AuditKind.COACH_READ, client_id=pk, actor_id=coach.pk, what="dashboard") for pk in ids
    ]
    with CaptureQueriesContext(connection) as queries:
        record(*rows)
    assert len(queries.captured_queries) == 1
    assert "SELECT" in queries.captured_queries[0]["sql"]
    events = list(AuditEvent.objects.order_by("id"))
    assert [(e.step, e.client_id, e.actor_id, e.what, e.object_id) for e in events] == [
        (AuditKind.COACH_READ, pk, coach.pk, "dashboard", None) for pk in ids
    ]
    assert len({e.at for e in events}) == 1 and events[0].at.tzinfo is not None
    assert {e.sealed_kind for e in events} == {""}
    # Rows that differ in more than the client (or carry a sealed step) go row by row.
    mixed = [rows[0], Audit(AuditKind.COACH_READ, client_id=ids[0], actor_id=coach.pk, what="x")]
    with CaptureQueriesContext(connection) as queries:
        record(*mixed)
    assert "VALUES" in queries.captured_queries[0]["sql"]
    assert AuditEvent.objects.count() == len(ids) + 2
