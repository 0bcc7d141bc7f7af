"""The calendar of due items: the same rule as the pages, at a secret address that rotates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from django.test import Client

from interplay.core.due_calendar import (
    CHECK_IN,
    FIRST_ASSESSMENT,
    FOLLOW_UP,
    REASSESSMENT,
    DueDay,
    calendar_text,
    due_days,
)
from interplay.core.schedule import PlannedExperiment
from interplay.web.api.actions import do_rotate_calendar_feed, do_stop_calendar_feed
from interplay.web.api.models import CalendarFeed
from interplay.web.tokens import hash_token
from tests.web.base import signed_in

TODAY = date(2026, 3, 10)


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def test_before_any_assessment_only_the_first_is_due_today():
    assert due_days(TODAY, None, None) == [DueDay(FIRST_ASSESSMENT, TODAY)]


def test_the_check_in_falls_a_week_after_the_later_of_check_in_and_assessment():
    days = due_days(TODAY, _at(TODAY - timedelta(days=20)), _at(TODAY - timedelta(days=2)))
    assert DueDay(CHECK_IN, TODAY + timedelta(days=5)) in days
    # the default interval: six weeks after the assessment
    assert DueDay(REASSESSMENT, TODAY - timedelta(days=20) + timedelta(weeks=6)) in days


def test_an_overdue_item_is_due_today():
    days = due_days(TODAY, _at(TODAY - timedelta(days=200)), None)
    assert days == [DueDay(CHECK_IN, TODAY), DueDay(REASSESSMENT, TODAY)]


def test_the_text_is_icalendar_with_folded_crlf_lines():
    text = calendar_text(
        [DueDay(CHECK_IN, TODAY)],
        owner_key="feed1",
        stamp=_at(TODAY),
        titles={CHECK_IN: "Weekly check-in, with a comma; " + "long " * 30},
        url="http://127.0.0.1:8000/",
        calendar_name="Due",
    )
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert "DTSTART;VALUE=DATE:20260310" in lines
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "SUMMARY:Weekly check-in\\, with a comma\\; long" in text


def test_the_feed_answers_at_its_secret_address_and_stops_when_rotated(practice):
    secret = do_rotate_calendar_feed(actor=practice.client)
    assert CalendarFeed.objects.get().secret_hash == hash_token(secret)
    answer = Client().get(f"/api/v1/calendar/{secret}.ics")
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/calendar")
    assert b"SUMMARY:Interplay: take your first self-assessment" in answer.content
    newer = do_rotate_calendar_feed(actor=practice.client)
    assert Client().get(f"/api/v1/calendar/{secret}.ics").status_code == 404
    assert Client().get(f"/api/v1/calendar/{newer}.ics").status_code == 200
    do_stop_calendar_feed(actor=practice.client)
    assert Client().get(f"/api/v1/calendar/{newer}.ics").status_code == 404


def test_a_made_up_address_is_a_404(practice):
    do_rotate_calendar_feed(actor=practice.client)
    answer = Client().get("/api/v1/calendar/made-up-secret.ics")
    assert answer.status_code == 404 and answer["Content-Type"] == "application/problem+json"


def test_the_tokens_page_makes_the_address_after_the_password(practice):
    refused = signed_in(practice.client).post("/account/tokens/", {"action": "rotate_calendar"})
    assert refused.status_code == 302 and not CalendarFeed.objects.exists()
    browser = signed_in(practice.client, reauthenticated=True)
    made = browser.post("/account/tokens/", {"action": "rotate_calendar"})
    address = made.context["shown"]
    assert "/api/v1/calendar/" in address
    assert Client().get(address.split("testserver")[1]).status_code == 200


def test_the_calendar_follows_the_clients_interval_and_planned_experiments():
    last = _at(TODAY - timedelta(days=20))
    days = due_days(
        TODAY,
        last,
        None,
        reassess_weeks=4,
        planned=[PlannedExperiment(7, TODAY + timedelta(days=3)), PlannedExperiment(8, None)],
    )
    assert DueDay(REASSESSMENT, (last + timedelta(weeks=4)).date()) in days
    assert DueDay(FOLLOW_UP, TODAY + timedelta(days=3), 7) in days
    assert [d for d in days if d.kind == FOLLOW_UP] == [
        DueDay(FOLLOW_UP, TODAY + timedelta(days=3), 7)
    ]
