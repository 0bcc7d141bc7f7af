"""What reveals a person is stored encrypted: the raw database holds none of the markers the
test writes through the ordinary actions, while the pages and the ORM read them back."""

from __future__ import annotations

from django.db import connection

from interplay.core.instrument import pulse_items
from interplay.core.vocabulary import SafetyRisk
from interplay.web.assessments.actions import (
    do_finish_assessment,
    do_record_pulse,
    do_save_answers,
    do_start_assessment,
)
from interplay.web.assessments.models import Assessment, PulseCheck
from interplay.web.demo import maya_answers
from interplay.web.journal.actions import do_save_entry
from interplay.web.journal.models import EntryAnalysis
from interplay.web.kernel.models import AuditEvent
from interplay.web.practice.rehearsal import (
    do_save_coach_scenario,
    do_set_scenario_offered,
    do_start_role_play,
)
from interplay.web.safety.actions import do_raise_safety_flag, do_set_safety_consent
from interplay.web.safety.models import SafetyFlag
from tests.web.insights.texts import POROUS
from tests.web.practice.pages import SCENARIO

MARKERS = {
    "an answer (item id as a JSON key)": '"dep01":',
    "a pulse answer (item id as a JSON key)": '"oi01":',
    "the profile's evidence": '"evidence"',
    "a theme label": "porous_boundaries",
    "a safety flag's kind": "self_harm",
    "a safety step in the audit log": "flag_raised",
    "consent in the audit log": "consent_on",
    "a coach's scenario": "drops round without warning",
}


def raw_database_text() -> str:
    """Every value of every table, as the database file or a dump would hold it."""
    parts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608 - names from the database
            parts.extend(str(value) for row in cursor.fetchall() for value in row)
    return "\n".join(parts)


def write_everything(practice):  # type: ignore[no-untyped-def]
    client, coach = practice.client, practice.coach
    assessment = do_start_assessment(actor=client)
    do_save_answers(assessment, maya_answers(), actor=client)
    do_finish_assessment(assessment, actor=client)
    do_record_pulse({item.id: 3 for item in pulse_items()}, actor=client)
    do_save_entry("", POROUS, actor=client)
    do_set_safety_consent(True, actor=client)
    do_raise_safety_flag(client, SafetyRisk.SELF_HARM)
    scenario = do_save_coach_scenario({**SCENARIO, "id": "s-marker"}, actor=coach)
    do_set_scenario_offered(scenario, True, actor=coach)
    do_start_role_play(f"c:{scenario.pk}", actor=client)


def test_the_raw_database_holds_none_of_the_markers(practice):
    write_everything(practice)
    raw = raw_database_text()
    found = [what for what, marker in MARKERS.items() if marker in raw]
    assert found == []


def test_the_markers_are_there_when_read_through_the_keys(practice):
    """The test above could pass by writing nothing: here the same rows read back whole."""
    write_everything(practice)
    assessment = Assessment.objects.get(completed_at__isnull=False)
    assert assessment.answers["dep01"] == maya_answers()["dep01"]
    assert "evidence" in str(assessment.profile)
    assert "oi01" in PulseCheck.objects.get().answers
    assert "porous_boundaries" in str(EntryAnalysis.objects.get().themes)
    assert SafetyFlag.objects.get().kind == "self_harm"
    steps = {event.step for event in AuditEvent.objects.all()}
    assert {"flag_raised", "consent_on"} <= steps
    assert "drops round without warning" in str(
        practice.coach.own_scenarios.get(scenario_id="s-marker").data
    )
    assert "drops round without warning" in str(practice.client.role_plays.get().scenario_data)


def test_sortable_summary_columns_stay_plain(practice):
    write_everything(practice)
    with connection.cursor() as cursor:
        cursor.execute("SELECT stage, boundary_style, focus FROM assessments_assessment")
        stage, style, focus = cursor.fetchone()
    assert stage and style and focus and not stage.startswith("gAAAAA")
