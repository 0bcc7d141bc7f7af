"""The dashboard: every current client at a glance, sortable, paginated, with a query count
that does not grow with the number of clients."""

from __future__ import annotations

import pytest
from django.urls import reverse

from interplay.web.accounts.models import CoachingRelationship, Role, User
from interplay.web.coaching.actions import do_add_note, do_save_plan
from interplay.web.coaching.dashboard import PAGE_SIZE
from tests.core.personas import DEPENDENT, INTERDEPENDENT, MAYA
from tests.web.base import PASSWORD, signed_in
from tests.web.coaching.helpers import assess, days_ago, pulse, pulse_answers, write

pytestmark = pytest.mark.django_db


def _client_of(coach, name, answers=None, shared=True):
    client = User.objects.create_user(
        f"{name.lower().replace(' ', '.')}@client.test", PASSWORD, name=name, role=Role.CLIENT
    )
    CoachingRelationship.objects.create(coach=coach, client=client)
    if answers is not None:
        assess(client, answers, shared=shared)
    return client


def _names(response):
    return [row["client_name"] for row in response.context["rows"]]


def test_dashboard_lists_only_the_coachs_current_clients(practice):
    html = signed_in(practice.coach).get(reverse("coaching:dashboard")).content.decode()
    assert practice.client.name in html
    assert practice.other_client.name not in html


def test_dashboard_shows_stage_boundaries_and_focus_from_the_shared_profile(practice):
    assess(practice.client, MAYA)
    html = signed_in(practice.coach).get(reverse("coaching:dashboard")).content.decode()
    assert "Self-sufficiency" in html
    assert "Mixed" in html
    assert "Letting people in" in html


def test_unshared_profile_and_private_entries_do_not_move_the_dashboard(practice):
    assess(practice.client, MAYA, shared=False)
    write(practice.client, "Mine", "just for me", shared=False)
    browser = signed_in(practice.coach)
    row = browser.get(reverse("coaching:dashboard")).context["rows"][0]
    assert row["stage"] == "No shared assessment" and row["focus"] == "–"
    assert row["activity"] == "Nothing shared yet" and row["activity_iso"] == ""
    write(practice.client, "Yours", "for Ana", shared=True)
    row = browser.get(reverse("coaching:dashboard")).context["rows"][0]
    assert row["activity_iso"] and row["activity"] != "Nothing shared yet"


def test_dashboard_says_what_is_due(practice):
    browser = signed_in(practice.coach)
    due = browser.get(reverse("coaching:dashboard")).context["rows"][0]["due"]
    # Before any assessment only the assessment is due: the weekly check-in starts after it.
    assert "First assessment" in due and "Weekly check-in" not in due
    assess(practice.client, MAYA)
    due = browser.get(reverse("coaching:dashboard")).context["rows"][0]["due"]
    assert due == []
    pulse(practice.client, pulse_answers())
    do_add_note(practice.client, "Good session.", "Ask about the letter", actor=practice.coach)
    due = browser.get(reverse("coaching:dashboard")).context["rows"][0]["due"]
    assert due == ["1 open follow-up"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", ["Anna", "Bea", "Cal", "Maya Client"]),
        ("-name", ["Maya Client", "Cal", "Bea", "Anna"]),
        # The journey's order: dependence, self-sufficiency, interdependence, then unknown.
        ("stage", ["Bea", "Anna", "Cal", "Maya Client"]),
        ("focus", ["Bea", "Anna", "Cal", "Maya Client"]),
        # The vocabulary's order: rigid, porous, balanced, mixed.
        ("boundaries", ["Bea", "Cal", "Anna", "Maya Client"]),
        # Nothing shared counts as the oldest activity.
        ("activity", ["Maya Client", "Cal", "Bea", "Anna"]),
        ("-activity", ["Anna", "Bea", "Cal", "Maya Client"]),
        # Due: Bea nothing (assessed 5 days ago); Anna a follow-up (and the next session);
        # Cal a check-in (assessed 20 days ago); Maya her first assessment.
        ("due", ["Bea", "Anna", "Cal", "Maya Client"]),
        ("-due", ["Anna", "Cal", "Maya Client", "Bea"]),
    ],
)
def test_dashboard_sorts_by_each_column(practice, sort, expected):
    anna = _client_of(practice.coach, "Anna", MAYA)
    bea = _client_of(practice.coach, "Bea", DEPENDENT)
    cal = _client_of(practice.coach, "Cal", INTERDEPENDENT)
    from interplay.web.assessments.models import Assessment

    for client, age in ((anna, 1), (bea, 5), (cal, 20)):
        Assessment.objects.filter(user=client).update(completed_at=days_ago(age))
    do_add_note(anna, "n", "follow this up", actor=practice.coach)
    response = signed_in(practice.coach).get(reverse("coaching:dashboard"), {"sort": sort})
    assert _names(response) == expected


def test_unknown_sort_falls_back_to_name(practice):
    response = signed_in(practice.coach).get(reverse("coaching:dashboard"), {"sort": "drop"})
    assert response.status_code == 200 and response.context["sort_param"] == "name"


def test_dashboard_paginates(practice):
    for number in range(PAGE_SIZE + 3):
        _client_of(practice.coach, f"Client {number:03d}")
    browser = signed_in(practice.coach)
    first = browser.get(reverse("coaching:dashboard"))
    second = browser.get(reverse("coaching:dashboard"), {"page": 2})
    assert len(first.context["rows"]) == PAGE_SIZE
    assert len(second.context["rows"]) == 4  # the practice's own client is the 4th
    assert not set(_names(first)) & set(_names(second))


def test_the_pager_links_keep_the_sort_and_the_caption_says_the_page(practice):
    """The page's content is written in Python (coaching/dashboard_html.py): the pager, the
    caption and the invitation link as the template wrote them."""
    for number in range(PAGE_SIZE + 3):
        _client_of(practice.coach, f"Client {number:03d}")
    browser = signed_in(practice.coach)
    second = browser.get(reverse("coaching:dashboard"), {"page": 2, "sort": "-due"})
    html = second.content.decode()
    assert "<caption>29 clients, page 2 of 2</caption>" in html
    assert '<a href="?sort=-due&amp;page=1">Previous page</a>' in html
    assert "<span>Page 2 of 2</span>" in html and "Next page" not in html
    first = browser.get(reverse("coaching:dashboard")).content.decode()
    assert '<a href="?sort=name&amp;page=2">Next page</a>' in first
    assert "Previous page" not in first


def test_a_coach_without_clients_is_asked_to_invite_and_sees_the_link_once(practice, outbox):
    CoachingRelationship.objects.filter(coach=practice.coach).delete()
    browser = signed_in(practice.coach)
    html = browser.get(reverse("coaching:dashboard")).content.decode()
    assert "No clients yet." in html and "<table" not in html
    sent = browser.post(reverse("coaching:dashboard"), {"email": "leo@client.test"})
    link = outbox[0].body.split("/invitation/")[1].split()[0]
    page = sent.content.decode()
    assert 'role="status"' in page and f"/invitation/{link}</code>" in page
    assert 'name="email"' in page and "leo@client.test" not in page  # a blank form again
    refused = browser.post(reverse("coaching:dashboard"), {"email": "not an email"})
    assert 'role="status"' not in refused.content.decode()
    assert 'value="not an email"' in refused.content.decode()  # the bound form, kept


@pytest.mark.parametrize("extra", [0, 1])
def test_the_first_page_counts_right_at_the_page_boundary(practice, extra):
    """The first page is read with one row more than it shows: exactly a page of clients, and
    one more, must both give the right count and the right pages."""
    for number in range(PAGE_SIZE - 1 + extra):  # the practice's own client makes the page
        _client_of(practice.coach, f"Client {number:03d}")
    response = signed_in(practice.coach).get(reverse("coaching:dashboard"))
    html = response.content.decode()
    assert len(response.context["rows"]) == PAGE_SIZE
    assert f"{PAGE_SIZE + extra} clients" in html
    assert ("page 1 of 2" in html) == bool(extra)


def _fill(coach, count, batch):
    for number in range(count):
        client = _client_of(coach, f"Person {batch}-{number:03d}", MAYA)
        pulse(client, pulse_answers())
        write(client, "shared", "text", shared=True)
        write(client, "private", "text", shared=False)
        do_add_note(client, "note", "follow-up", actor=coach)
        do_save_plan(client, "agenda", days_ago(-3).date(), actor=coach)


@pytest.mark.parametrize("which", ["dashboard", "client"])
def test_query_count_does_not_grow_with_the_data(practice, which, django_assert_max_num_queries):
    counts = []
    for size in (2, 12):
        _fill(practice.coach, size, batch=size)
        for _ in range(size):
            write(practice.client, "s", "shared words", shared=True)
            assess(practice.client, MAYA)
            pulse(practice.client, pulse_answers())
            do_add_note(practice.client, "n", "f", actor=practice.coach)
        browser = signed_in(practice.coach)
        url = (
            reverse("coaching:dashboard")
            if which == "dashboard"
            else reverse("coaching:client", args=[practice.client.pk])
        )
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert browser.get(url).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1], counts
    with django_assert_max_num_queries(15):
        browser.get(url)


def test_dashboard_planner_and_home_agree_a_check_in_is_due_at_exactly_a_week(practice):
    """One rule (core/schedule.py): a week to the minute counts as due, everywhere."""
    from datetime import timedelta

    from django.utils import timezone

    from interplay.core.schedule import CHECK_IN_EVERY
    from interplay.web.assessments.models import Assessment

    assess(practice.client, MAYA)
    Assessment.objects.filter(user=practice.client).update(
        completed_at=timezone.now() - CHECK_IN_EVERY - timedelta(days=2)
    )
    pulse(practice.client, pulse_answers(), timezone.now() - CHECK_IN_EVERY - timedelta(seconds=5))
    coach = signed_in(practice.coach)
    dashboard = coach.get(reverse("coaching:dashboard")).content.decode()
    planner = coach.get(reverse("coaching:new_plan", args=[practice.client.pk])).content.decode()
    home = signed_in(practice.client).get("/").content.decode()
    assert "Weekly check-in" in dashboard
    assert "No check-in shared this week" in planner
    assert "/check-in/" in home
