"""The migration that encrypts what reveals a person encrypts the rows already there: plain
values written under the previous schema come out as ciphertext, and read back the same."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from interplay.web.kernel.models import AuditEvent
from interplay.web.safety.models import SafetyFlag
from tests.web.base import make_coach, make_user

BEFORE = [
    ("assessments", "0003_assessment_autonomy_assessment_boundary_style_and_more"),
    ("safety", "0002_delete_safetyauditevent"),
    ("kernel", "0002_copy_the_three_audit_logs"),
]
AFTER = [
    ("assessments", "0004_encrypt_what_reveals_a_person"),
    ("safety", "0003_encrypt_what_reveals_a_person"),
    ("kernel", "0003_encrypt_what_reveals_a_person"),
]


def migrate(targets):  # type: ignore[no-untyped-def]
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def raw(sql: str) -> list[tuple]:  # type: ignore[type-arg]
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()


@pytest.fixture
def back_to_latest():  # type: ignore[no-untyped-def]
    """Going back to BEFORE also unapplies every later app that depends on those migrations
    (progress on assessments, for one), and AFTER brings only the three back: afterwards the
    whole schema is migrated to its latest again, or the tests after this one (the PostgreSQL
    backup test, say) find tables missing."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_existing_plain_rows_are_encrypted_by_the_migration(back_to_latest):
    client = make_user("old@client.test", "Old Client")
    coach = make_coach("old@coach.test", "Old Coach")
    migrate(BEFORE)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO assessments_assessment (user_id, started_at, answers, "
                "instrument_version, shared_with_coach, stage, stage_mixed, boundary_style, "
                "focus, pattern) VALUES (%s, '2026-01-01', %s, '', %s, '', %s, '', '', '')",
                [client.pk, json.dumps({"dep01": 4}), True, False],  # booleans for PostgreSQL
            )
            cursor.execute(
                "INSERT INTO safety_safetyflag (client_id, coach_id, kind, raised_at) "
                "VALUES (%s, %s, 'self_harm', '2026-01-01')",
                [client.pk, coach.pk],
            )
            cursor.execute(
                "INSERT INTO kernel_auditevent (kind, client_id, what, at) "
                "VALUES ('flag_raised', %s, '', '2026-01-01')",
                [client.pk],
            )
    finally:
        migrate(AFTER)
    stored = raw("SELECT answers FROM assessments_assessment")[0][0]
    assert "dep01" not in stored and stored.startswith("gAAAAA")
    assert raw("SELECT kind FROM safety_safetyflag")[0][0].startswith("gAAAAA")
    assert raw("SELECT kind FROM kernel_auditevent") == [("safety",)]
    assert client.assessments.get().answers == {"dep01": 4}
    assert SafetyFlag.objects.get().kind == "self_harm"
    assert AuditEvent.objects.get().step == "flag_raised"
