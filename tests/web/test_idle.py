"""Idle timeout and absolute lifetime (kernel/idle.py), on a frozen clock: coaches 30 minutes
idle and 12 hours at most, clients two weeks idle and 30 days at most; a calm message on the
sign-in page, and nothing written lost."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from allauth.usersessions.models import UserSession
from django.test import Client

from interplay.web.coaching.models import SessionNote
from interplay.web.journal.models import Draft
from tests.web.base import post_sign_in, signed_in

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def _coach_page(practice) -> str:  # type: ignore[no-untyped-def]
    return f"/coach/client/{practice.client.pk}/"


def test_a_coach_idle_for_30_minutes_is_signed_out_with_a_calm_message(practice, clock):
    browser = signed_in(practice.coach)
    clock.shift(timedelta(minutes=29))
    assert browser.get(_coach_page(practice)).status_code == 200
    clock.shift(timedelta(minutes=31))
    response = browser.get(_coach_page(practice))
    assert response.status_code == 302
    assert (
        response["Location"] == f"/accounts/login/?next=%2Fcoach%2Fclient%2F{practice.client.pk}%2F"
    )
    assert "Clear-Site-Data" in response
    page = browser.get(response["Location"]).content.decode()
    assert "signed out after 30 minutes without activity" in page
    assert browser.get("/account/").status_code == 302  # the session is gone, not just hidden


def test_a_coach_who_keeps_working_stays_in_until_the_absolute_lifetime(practice, clock):
    browser = signed_in(practice.coach)
    for _ in range(12 * 6):  # every ten minutes for twelve hours
        clock.shift(timedelta(minutes=10))
        assert browser.get(_coach_page(practice)).status_code == 200
    clock.shift(timedelta(minutes=10))
    response = browser.get(_coach_page(practice))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert "every sign-in ends after a while" in browser.get("/accounts/login/").content.decode()


def test_a_client_stays_signed_in_for_two_weeks_idle_and_not_longer(practice, clock):
    browser = signed_in(practice.client)
    clock.shift(timedelta(days=13, hours=23))
    assert browser.get("/journal/").status_code == 200
    clock.shift(timedelta(days=14, minutes=1))
    response = browser.get("/journal/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert "after a long time away" in browser.get("/accounts/login/").content.decode()


def test_a_client_active_every_week_is_signed_out_after_30_days(practice, clock):
    browser = signed_in(practice.client)
    for _ in range(4):
        clock.shift(timedelta(days=7))
        assert browser.get("/journal/").status_code == 200
    clock.shift(timedelta(days=2, minutes=1))
    assert browser.get("/journal/").status_code == 302


def test_the_limits_are_settings(practice, clock, settings):
    settings.COACH_IDLE_SECONDS = 10 * 60
    browser = signed_in(practice.coach)
    clock.shift(timedelta(minutes=11))
    assert browser.get(_coach_page(practice)).status_code == 302
    assert "after 10 minutes" in browser.get("/accounts/login/").content.decode()


def test_activity_is_noted_at_most_once_a_minute(practice, clock):
    browser = Client(REMOTE_ADDR="127.0.0.2")
    post_sign_in(browser, "maya@client.test")
    row = UserSession.objects.get(user=practice.client)
    first_seen = row.last_seen_at
    clock.shift(timedelta(seconds=30))
    browser.get("/journal/")
    row.refresh_from_db()
    assert row.last_seen_at == first_seen  # a read within the minute writes nothing
    clock.shift(timedelta(minutes=5))
    browser.get("/journal/", REMOTE_ADDR="127.0.0.3")
    row.refresh_from_db()
    assert row.last_seen_at == START + timedelta(minutes=5, seconds=30)
    assert row.ip == "127.0.0.3"
    page = browser.get("/accounts/sessions/").content.decode()
    assert "2 March 2026" in page


def test_a_coach_s_note_sent_after_the_timeout_is_shown_back_not_lost(practice, clock):
    browser = signed_in(practice.coach)
    clock.shift(timedelta(minutes=45))
    response = browser.post(
        f"/coach/client/{practice.client.pk}/notes/",
        {"body": "She named the pattern herself today.", "follow_up": "Ask about the call"},
    )
    assert response.status_code == 401
    page = response.content.decode()
    assert "You were signed out" in page
    assert "She named the pattern herself today." in page and "Ask about the call" in page
    assert "csrfmiddlewaretoken" not in page
    assert not SessionNote.objects.exists()


def test_journal_text_autosaved_before_the_timeout_is_there_after_signing_in(practice, clock):
    browser = signed_in(practice.client)
    browser.post("/journal/draft/", {"body": "Half a thought"}, HTTP_HX_REQUEST="true")
    clock.shift(timedelta(days=15))
    late = browser.post("/journal/draft/", {"body": "Half a thought, more"}, HTTP_HX_REQUEST="true")
    assert late.status_code == 401 and "signed out" in late.content.decode()
    assert Draft.objects.get(owner=practice.client).body == "Half a thought"
    again = signed_in(practice.client)
    assert "Half a thought" in again.get("/journal/new/").content.decode()
