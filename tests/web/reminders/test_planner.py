"""Planning reminders: what is claimed, when, once; what the email says and holds."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from interplay.web.reminders.access import settings_for
from interplay.web.reminders.actions import do_save_reminder_settings
from interplay.web.reminders.models import ReminderKind, SentReminder
from interplay.web.reminders.planner import plan_reminders, reminders_for
from interplay.web.schedule.access import own_schedule
from tests.web.reminders.helpers import PRIVATE_WORDS, check_in_due, reminder_emails

pytestmark = pytest.mark.django_db
CHOICE = {"check_in": "1", "reassessment": "1", "follow_up": "1", "weekday": "0", "hour": "9",
          "time_zone": "Europe/London"}  # fmt: skip


def _plan(django_capture_on_commit_callbacks, now=None):  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        return plan_reminders(now)


def test_a_due_check_in_is_claimed_once_and_emailed_once(
    practice, django_capture_on_commit_callbacks
):
    check_in_due(practice.client)
    assert _plan(django_capture_on_commit_callbacks) == 1
    assert _plan(django_capture_on_commit_callbacks) == 0  # the claim is taken
    (email,) = reminder_emails()
    assert email.to == [practice.client.email]
    assert email.subject == "A check-in is waiting for you"
    assert SentReminder.objects.get().kind == ReminderKind.CHECK_IN
    assert SentReminder.objects.get().sent_at is not None


def test_the_email_says_nothing_private_and_carries_the_one_click_unsubscribe(
    practice, django_capture_on_commit_callbacks
):
    check_in_due(practice.client)
    _plan(django_capture_on_commit_callbacks)
    (email,) = reminder_emails()
    text = email.subject + email.body
    assert not any(word in text for word in PRIVATE_WORDS)
    assert practice.client.name not in text and practice.coach.name not in text
    assert not re.search(r"\d+(\.\d+)? ?(%|points?)", text)  # no scores
    assert "/check-in/" in email.body
    unsubscribe = re.search(r"https?://\S+/reminders/unsubscribe/\S+/", email.body).group(0)
    assert email.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_nothing_is_sent_before_the_chosen_slot_and_it_goes_at_the_slot(
    practice, django_capture_on_commit_callbacks
):
    client = practice.client
    check_in_due(client)
    do_save_reminder_settings(client, CHOICE, actor=client)
    (planned,) = [
        p for p in reminders_for(own_schedule(client), settings_for(client))
        if p.kind == ReminderKind.CHECK_IN
    ]  # fmt: skip
    local = planned.send_at.astimezone(settings_for(client).zone_info)
    assert (local.weekday(), local.hour, local.minute) == (0, 9, 0)  # Monday, 09:00 London
    assert _plan(django_capture_on_commit_callbacks, planned.send_at - timedelta(seconds=1)) == 0
    assert _plan(django_capture_on_commit_callbacks, planned.send_at) == 1


def test_a_person_who_chose_none_gets_nothing(practice, django_capture_on_commit_callbacks):
    client = practice.client
    check_in_due(client)
    do_save_reminder_settings(client, {**CHOICE, "check_in": "", "reassessment": "",
                                       "follow_up": ""}, actor=client)  # fmt: skip
    assert _plan(django_capture_on_commit_callbacks) == 0
    assert reminder_emails() == []


def test_a_check_in_after_the_reminder_moves_the_next_due_moment(
    practice, django_capture_on_commit_callbacks
):
    from tests.web.coaching.helpers import pulse, pulse_answers

    client = practice.client
    check_in_due(client)
    _plan(django_capture_on_commit_callbacks)
    pulse(client, pulse_answers())
    assert _plan(django_capture_on_commit_callbacks) == 0  # next one a week from now
    later = timezone.now() + timedelta(days=15)  # due in a week, then the next chosen slot
    assert _plan(django_capture_on_commit_callbacks, later) >= 1
    assert SentReminder.objects.filter(kind=ReminderKind.CHECK_IN).count() == 2


def test_coaches_and_people_with_nothing_yet_get_no_reminders(
    practice, django_capture_on_commit_callbacks
):
    assert _plan(django_capture_on_commit_callbacks, datetime(2030, 1, 1, tzinfo=UTC)) == 0


def test_the_planners_bulk_read_agrees_with_each_clients_own_schedule(practice):
    """The planner reads every client in one query; Home and the settings page read one
    client at a time. Both must find the same reminders."""
    from interplay.web.practice.actions import do_save_experiment
    from interplay.web.reminders.planner import _come
    from interplay.web.schedule.actions import do_set_reassess_weeks
    from tests.core.personas import MAYA
    from tests.web.coaching.helpers import assess, pulse, pulse_answers

    now = timezone.now()
    check_in_due(practice.client)
    do_set_reassess_weeks(practice.client, 2, actor=practice.coach)
    assess(practice.other_client, MAYA, when=now - timedelta(weeks=30))
    pulse(practice.other_client, pulse_answers(), now - timedelta(days=20))
    do_save_experiment(
        {"title": "Say no", "technique": "start_small", "direction": "toward_autonomy",
         "stakes": "low", "what": "Say no once.",
         "planned_for": (now - timedelta(days=3)).date().isoformat()},
        actor=practice.other_client,
    )  # fmt: skip
    do_save_reminder_settings(practice.other_client, {**CHOICE, "time_zone": "Pacific/Auckland"},
                              actor=practice.other_client)  # fmt: skip
    expected = set()
    for person in (practice.client, practice.other_client):
        choice = settings_for(person)
        today = now.astimezone(choice.zone_info).date()
        for planned in reminders_for(own_schedule(person, now, today), choice):
            if planned.send_at <= now:
                expected.add((person.pk, planned))
    found = {(person.pk, planned) for person, planned in _come(now)}
    assert found == expected
    assert {p.kind for _, p in found} == {"check_in", "reassessment", "follow_up"}
