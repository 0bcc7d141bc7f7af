"""Downloads of a person's data: everything for the owner, only shared things for the coach."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from interplay.core.instrument import pulse_items
from interplay.web.assessments.actions import (
    do_finish_assessment,
    do_record_pulse,
    do_save_answers,
    do_set_assessment_sharing,
    do_start_assessment,
)
from interplay.web.coaching.actions import do_leave_coach
from interplay.web.demo import maya_answers
from interplay.web.exports.actions import COACH_EXPORT
from interplay.web.journal.actions import do_save_entry, do_set_entry_sharing
from interplay.web.kernel.models import WEB, AuditEvent, AuditKind
from interplay.web.practice.actions import do_save_experiment, do_save_statement_draft
from interplay.web.practice.rehearsal import do_role_play_reply, do_start_role_play
from interplay.web.relationships.actions import do_save_person, do_take_snapshot
from interplay.web.safety.actions import do_save_safety_plan
from interplay.web.values.actions import do_add_value, do_save_belief
from tests.web.base import is_refused, signed_in
from tests.web.practice.pages import PERSON, PLAN

PRIVATE = "A private worry about my brother that stays mine."
SHARED = "I asked my friend for help and it went well."


@pytest.fixture
def story(practice):
    """The client's data: one shared and one private of each kind that can be shared."""
    client = practice.client
    shared_assessment = do_start_assessment(actor=client)
    do_save_answers(shared_assessment, maya_answers(), actor=shared_assessment.user)
    do_finish_assessment(shared_assessment, actor=shared_assessment.user)
    private_assessment = do_start_assessment(actor=client)
    do_save_answers(private_assessment, maya_answers(), actor=private_assessment.user)
    do_finish_assessment(private_assessment, actor=private_assessment.user)
    do_set_assessment_sharing(private_assessment, False, actor=private_assessment.user)
    pulse = do_record_pulse({item.id: 3 for item in pulse_items()}, actor=client)
    private_entry = do_save_entry("Kept to myself", PRIVATE, actor=client)
    shared_entry = do_save_entry("Shared one", SHARED, actor=client)
    do_set_entry_sharing(shared_entry, True, actor=shared_entry.owner)
    value = do_add_value(own_words="Being there for my sister", actor=client)
    belief = do_save_belief(
        {"belief": "Needing people is weak", "alternative": "Asking is ok"}, actor=client
    )
    person = do_save_person(PERSON, actor=client)
    do_take_snapshot(actor=client)
    experiment = do_save_experiment(PLAN, actor=client)
    do_save_statement_draft("I need a quiet evening this week.", actor=client)
    role_play = do_start_role_play("s:s-ask-for-a-lift", actor=client)
    do_role_play_reply(role_play, "Could you give me a lift on Friday?", actor=role_play.owner)
    do_save_safety_plan({"what_helps": "A walk by the river."}, actor=client)
    return {
        "experiment": experiment,
        "shared_assessment": shared_assessment,
        "private_assessment": private_assessment,
        "pulse": pulse,
        "private_entry": private_entry,
        "shared_entry": shared_entry,
        "value": value,
        "belief": belief,
        "person": person,
    }


def _coach_export(browser, client_id):
    return browser.post(reverse("exports:client_export", args=[client_id]))


def test_client_downloads_everything_they_own_with_private_text_readable(practice, story):
    response = signed_in(practice.client).post(reverse("exports:my_data"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["person"]["email"] == practice.client.email
    assert {a["id"] for a in data["assessments"]} == {
        story["shared_assessment"].pk,
        story["private_assessment"].pk,
    }
    assert data["assessments"][0]["answers"] == maya_answers()
    assert data["assessments"][0]["profile"]["balance"]["pattern"]
    assert [c["id"] for c in data["check_ins"]] == [story["pulse"].pk]
    bodies = {e["id"]: (e["body"], e["shared_with_coach"]) for e in data["journal_entries"]}
    assert bodies[story["private_entry"].pk] == (PRIVATE, False)
    assert bodies[story["shared_entry"].pk] == (SHARED, True)
    assert all("themes" in entry for entry in data["journal_entries"])
    assert data["values"][0]["own_words"] == "Being there for my sister"
    assert data["beliefs"][0]["belief"] == "Needing people is weak"
    assert data["relationship_map"]["people"][0]["note"] == PERSON["note"]
    assert data["relationship_map"]["snapshots"][0]["people"]
    assert [(x["id"], x["what"]) for x in data["experiments"]] == [
        (story["experiment"].pk, PLAN["what"])
    ]
    assert data["statement_drafts"][0]["text"] == "I need a quiet evening this week."
    replies = data["role_plays"][0]["replies"]
    assert replies[0]["text"] == "Could you give me a lift on Friday?"
    assert replies[0]["analysis"]
    assert data["safety_plan"]["what_helps"] == "A walk by the river."


def test_client_download_carries_reminder_choices_and_schedule(practice, story):
    from interplay.web.reminders.actions import do_save_reminder_settings
    from interplay.web.schedule.actions import do_set_reassess_weeks

    browser = signed_in(practice.client)
    before = json.loads(browser.post(reverse("exports:my_data")).content)
    assert before["reminder_settings"] is None and before["reassessment_schedule"] is None
    choices = {"check_in": "on", "weekday": "2", "hour": "19", "time_zone": "Europe/Dublin"}
    do_save_reminder_settings(practice.client, choices, actor=practice.client)
    do_set_reassess_weeks(practice.client, 8, actor=practice.coach)
    data = json.loads(browser.post(reverse("exports:my_data")).content)
    settings = data["reminder_settings"]
    assert (settings["check_in"], settings["reassessment"], settings["follow_up"]) == (
        True,
        False,
        False,
    )
    assert (settings["weekday"], settings["hour"], settings["time_zone"]) == (
        2,
        19,
        "Europe/Dublin",
    )
    assert data["reassessment_schedule"]["reassess_weeks"] == 8
    assert "planned_for" in data["experiments"][0]


def test_client_download_is_recorded(practice, story):
    signed_in(practice.client).post(reverse("exports:my_data"))
    event = AuditEvent.objects.get(kind=AuditKind.OWN_EXPORT)
    assert (event.client, event.actor, event.what) == (practice.client, practice.client, WEB)


def test_account_page_lists_the_owners_downloads_and_no_one_elses(practice, story):
    browser = signed_in(practice.client)
    assert b"Your latest downloads" not in browser.get(reverse("accounts:settings")).content
    browser.post(reverse("exports:my_data"))
    signed_in(practice.other_client).post(reverse("exports:my_data"))
    page = browser.get(reverse("accounts:settings")).content.decode()
    assert "Your latest downloads" in page
    assert page.count("(web)") == 1  # the other client's download is not listed here


def test_client_download_refuses_get_and_needs_csrf(practice, story):
    assert signed_in(practice.client).get(reverse("exports:my_data")).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(practice.client)
    assert strict.post(reverse("exports:my_data")).status_code == 403
    assert not AuditEvent.objects.filter(kind=AuditKind.OWN_EXPORT).exists()


def test_client_download_holds_nobody_elses_data(practice, story):
    do_save_entry("Omar's", "Omar's own words about his week.", actor=practice.other_client)
    response = signed_in(practice.other_client).post(reverse("exports:my_data"))
    assert PRIVATE.encode() not in response.content
    assert SHARED.encode() not in response.content
    assert b"Omar's own words" in response.content


@pytest.mark.parametrize("who", ["coach", "anonymous"])
def test_own_download_is_refused_to_coaches_and_visitors(practice, story, who):
    browser = Client() if who == "anonymous" else signed_in(practice.coach)
    assert is_refused(browser.post(reverse("exports:my_data")))


def test_account_page_offers_the_download(practice):
    page = signed_in(practice.client).get(reverse("accounts:settings"))
    assert reverse("exports:my_data").encode() in page.content
    assert b"Download my data" in page.content


def test_coach_export_holds_only_shared_data(practice, story):
    response = _coach_export(signed_in(practice.coach), practice.client.pk)
    assert response.status_code == 200
    data = json.loads(response.content)
    ids = [e["id"] for e in data["journal_entries"]]
    assert ids == [story["shared_entry"].pk]
    assert story["private_entry"].pk not in ids
    assert data["journal_entries"][0]["body"] == SHARED
    assert PRIVATE.encode() not in response.content
    assert b"Kept to myself" not in response.content
    assert [a["id"] for a in data["assessments"]] == [story["shared_assessment"].pk]
    assert [c["id"] for c in data["check_ins"]] == [story["pulse"].pk]
    # The value, belief, experiment and map are private here: the export carries none of them.
    assert data["values"] == [] and data["beliefs"] == [] and data["experiments"] == []
    assert data["relationship_map"] is None
    assert PERSON["note"].encode() not in response.content
    assert b"A walk by the river." not in response.content
    assert PLAN["what"].encode() not in response.content


def test_coach_export_carries_themes_of_shared_entries(practice, story):
    data = json.loads(_coach_export(signed_in(practice.coach), practice.client.pk).content)
    entry = data["journal_entries"][0]
    assert entry["themes"] == list(story["shared_entry"].analysis.themes)


def test_coach_export_is_audited_as_a_coach_read(practice, story):
    _coach_export(signed_in(practice.coach), practice.client.pk)
    event = AuditEvent.objects.get(what=COACH_EXPORT)
    assert (event.actor, event.client) == (practice.coach, practice.client)
    page = signed_in(practice.client).get(reverse("accounts:settings"))
    assert b"a download of everything you share" in page.content


@pytest.mark.parametrize("who", ["other_coach", "client", "other_client", "anonymous"])
def test_coach_export_is_refused_to_anyone_else(practice, story, who):
    browser = Client() if who == "anonymous" else signed_in(getattr(practice, who))
    response = _coach_export(browser, practice.client.pk)
    assert is_refused(response)
    assert SHARED.encode() not in response.content
    assert not AuditEvent.objects.filter(what=COACH_EXPORT).exists()


def test_coach_export_of_someone_elses_client_is_refused(practice, story):
    response = _coach_export(signed_in(practice.coach), practice.other_client.pk)
    assert response.status_code == 404


def test_coach_export_is_refused_after_the_client_leaves(practice, story):
    coach = signed_in(practice.coach)
    assert _coach_export(coach, practice.client.pk).status_code == 200
    do_leave_coach(actor=practice.client)
    response = _coach_export(coach, practice.client.pk)
    assert response.status_code == 404
    assert SHARED.encode() not in response.content


def test_coach_export_refuses_get(practice, story):
    response = signed_in(practice.coach).get(
        reverse("exports:client_export", args=[practice.client.pk])
    )
    assert response.status_code == 405
    assert not AuditEvent.objects.filter(what=COACH_EXPORT).exists()


def test_coach_client_page_offers_the_export(practice):
    page = signed_in(practice.coach).get(reverse("coaching:client", args=[practice.client.pk]))
    assert reverse("exports:client_export", args=[practice.client.pk]).encode() in page.content


def test_coach_without_two_factor_gets_no_export(practice, story):
    browser = signed_in(practice.coach, verified=False)
    response = _coach_export(browser, practice.client.pk)
    assert response.status_code == 302
    assert SHARED.encode() not in response.content
    assert not AuditEvent.objects.filter(what=COACH_EXPORT).exists()


def test_coach_export_holds_what_the_coach_pages_show_once_shared(practice, story):
    from interplay.web.practice.actions import do_set_experiment_sharing
    from interplay.web.relationships.actions import do_set_map_sharing
    from interplay.web.values.actions import do_set_belief_sharing, do_set_value_sharing

    do_set_value_sharing(story["value"], True, actor=practice.client)
    do_set_belief_sharing(story["belief"], True, actor=practice.client)
    do_set_experiment_sharing(story["experiment"], True, actor=practice.client)
    do_set_map_sharing(True, actor=practice.client)
    coach = signed_in(practice.coach)
    page = coach.get(reverse("coaching:practice", args=[practice.client.pk])).content
    data = json.loads(_coach_export(coach, practice.client.pk).content)
    assert [v["id"] for v in data["values"]] == [story["value"].pk]
    assert [b["id"] for b in data["beliefs"]] == [story["belief"].pk]
    assert [e["id"] for e in data["experiments"]] == [story["experiment"].pk]
    assert [p["id"] for p in data["relationship_map"]["people"]] == [story["person"].pk]
    for shown in ("Being there for my sister", "Needing people is weak", PLAN["title"]):
        assert shown.encode() in page
        assert shown in json.dumps(data, ensure_ascii=False)


def test_coach_export_has_a_key_for_every_read_of_the_client_view():
    from interplay.web.coaching.client_view import ClientView
    from interplay.web.exports.serialise import COACH_EXPORT_READS

    # Reads that return a part of another read: the export holds the whole.
    parts = {
        "entries",
        "entry_rows",  # the same shared entries, for the API's cursor pages
        "latest_entries",
        "entry",
        "assessment",
        "assessments_among",
        "profiles_among",  # the same assessments without their answers (the history)
        "journal_page",  # a page of the shared entries (the coach's shared journal)
        "check_in_scores",  # the shared check-ins' balance columns: in `pulses`
        "pending_suggestions",  # `suggestions`, its SQL compiled once
        "latest_assessment",
        "latest_assessment_key",  # the latest shared assessment's id and time: in `assessments`
        "headlines",
        "check_ins",
        "recent_check_ins",
        "latest_check_in_at",  # the latest check-in's date: in `pulses`
        "latest_assessment_at",  # the latest shared assessment's date: in `assessments`
        "reassess_weeks",  # the coach's own setting, read with the access check: not shared
        "review",
        "shares_all",  # yes or no over the reads above (a prepared report's check): no data
    }
    reads = {
        name
        for name, member in vars(ClientView).items()
        if callable(member) and not name.startswith("_")
    }
    assert reads - parts == set(COACH_EXPORT_READS.values())
