"""The reminder settings page and the signed unsubscribe link, from every side."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from interplay.web.reminders.access import settings_for
from interplay.web.reminders.models import ReminderSettings
from interplay.web.reminders.unsubscribe import unsubscribe_token
from tests.web.base import signed_in

pytestmark = pytest.mark.django_db
URL = "/account/reminders/"
CHOICE = {"check_in": "1", "weekday": "4", "hour": "18", "time_zone": "America/New_York"}


def test_the_account_page_links_to_the_reminder_settings(practice):
    html = signed_in(practice.client).get(reverse("accounts:settings")).content.decode()
    assert URL in html


def test_a_client_chooses_which_reminders_which_day_hour_and_zone(practice):
    browser = signed_in(practice.client)
    page = browser.get(URL).content.decode()
    assert 'value="Europe/London" selected' in page  # the practice's zone by default
    assert "every 6 weeks" in page
    response = browser.post(URL, CHOICE, follow=True)
    assert "Your reminder choices are saved." in response.content.decode()
    saved = ReminderSettings.objects.get(person=practice.client)
    assert (saved.check_in, saved.reassessment, saved.follow_up) == (True, False, False)
    assert (saved.weekday, saved.hour, saved.time_zone) == (4, 18, "America/New_York")


def test_ticking_none_means_no_reminders_and_the_page_says_so(practice):
    browser = signed_in(practice.client)
    html = browser.post(URL, {**CHOICE, "check_in": ""}, follow=True).content.decode()
    assert "You get no reminder emails" in html
    assert not settings_for(practice.client).any_chosen


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("time_zone", "Mars/Olympus", "time zone from the list"),
        ("hour", "25", "an hour from the list"),
        ("weekday", "x", "a day of the week"),
    ],
)
def test_a_bad_choice_gets_a_clear_message_and_keeps_the_rest(practice, field, value, message):
    browser = signed_in(practice.client)
    response = browser.post(URL, {**CHOICE, field: value})
    html = response.content.decode()
    assert response.status_code == 422 and message in html
    assert 'value="4" selected' in html or field == "weekday"  # what was sent is shown again
    assert not ReminderSettings.objects.exists()


def test_the_settings_page_is_the_clients_own_and_refused_to_anyone_else(practice):
    for browser in (signed_in(practice.coach), signed_in(practice.other_coach)):
        assert browser.get(URL).status_code == 404
        assert browser.post(URL, CHOICE).status_code == 404
    assert Client().get(URL)["Location"].startswith(reverse("account_login"))
    assert not ReminderSettings.objects.exists()


def _unsubscribe_url(person, token=None):  # type: ignore[no-untyped-def]
    return reverse("reminders:unsubscribe", args=[token or unsubscribe_token(person)])


def test_unsubscribe_needs_no_sign_in_get_asks_and_post_stops_every_reminder(practice):
    visitor = Client(enforce_csrf_checks=True)  # a mail program: no session, no CSRF token
    url = _unsubscribe_url(practice.client)
    page = visitor.get(url)
    assert page.status_code == 200 and "Stop reminder emails" in page.content.decode()
    assert not ReminderSettings.objects.exists()  # the GET changed nothing
    assert practice.client.email not in page.content.decode()  # and shows no one's data
    done = visitor.post(url, {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200 and "no more reminder emails" in done.content.decode()
    assert not settings_for(practice.client).any_chosen
    assert settings_for(practice.other_client).any_chosen  # nobody else's


def test_a_tampered_unsubscribe_link_is_refused_and_changes_nothing(practice):
    token = unsubscribe_token(practice.client)
    other = unsubscribe_token(practice.other_client)
    person, stamp, signature = token.split(":")
    forged = [
        ":".join([other.split(":")[0], stamp, signature]),  # someone else's id, this signature
        token[:-1] + ("A" if token[-1] != "A" else "B"),
        "nonsense",
    ]
    for bad in forged:
        for method in (Client().get, Client().post):
            response = method(_unsubscribe_url(None, bad))
            assert response.status_code == 404
            assert "This link does not work" in response.content.decode()
    assert not ReminderSettings.objects.exists()
