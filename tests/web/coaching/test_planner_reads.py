"""What the session planner reads with its access check: the latest shared assessment's id and
time and the coach's latest plan, in the access row's one statement rather than queries of
their own, and the same things those queries found."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from interplay.web.assessments import fragments
from interplay.web.coaching.access import access_client_for_coach, access_client_for_planner
from interplay.web.coaching.actions import do_save_plan
from interplay.web.coaching.models import SessionPlan
from tests.core.personas import INTERDEPENDENT, MAYA
from tests.web.base import mark_passed_two_factor, signed_in
from tests.web.coaching.helpers import assess, days_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice(practice):
    """The practice's coaches as the two-factor middleware leaves a verified coach's user."""
    mark_passed_two_factor(practice.coach)
    mark_passed_two_factor(practice.other_coach)
    return practice


def test_the_planner_view_has_the_latest_shared_assessment_as_the_headlines_say(practice):
    assert (
        access_client_for_planner(practice.coach, practice.client.pk)[0].latest_assessment_key()
        is None
    )
    first = assess(practice.client, MAYA, when=days_ago(30))
    assess(practice.client, INTERDEPENDENT, when=days_ago(2), shared=False)  # the client's own
    planner_view = access_client_for_planner(practice.coach, practice.client.pk)[0]
    assert planner_view.latest_assessment_key() == (first.pk, first.completed_at)
    plain = access_client_for_coach(practice.coach, practice.client.pk)
    latest = plain.headlines()[-1]
    assert (
        plain.latest_assessment_key()
        == (latest.pk, latest.completed_at)
        == (
            first.pk,
            first.completed_at,
        )
    )


def test_the_planner_reads_the_coachs_own_latest_plan_only(practice):
    assert access_client_for_planner(practice.coach, practice.client.pk)[1] is None
    do_save_plan(practice.client, "## Opening\n- older", None, actor=practice.coach)
    newer = do_save_plan(practice.client, "## Opening\n- newer", None, actor=practice.coach)
    SessionPlan.objects.filter(pk=newer.pk).update(created_at=newer.created_at + timedelta(1))
    # Another coach's plan about the same client (a former coach's, say) is not this coach's.
    SessionPlan.objects.create(
        coach=practice.other_coach,
        client=practice.client,
        agenda="## Opening\n- someone else's",
        created_at=newer.created_at + timedelta(2),
    )
    assert access_client_for_planner(practice.coach, practice.client.pk)[1] == (
        "## Opening\n- newer"
    )


def test_the_planner_access_check_refuses_whom_the_coach_check_refuses(practice):
    for coach, client in (
        (practice.coach, practice.other_client),
        (practice.other_coach, practice.client),
        (practice.client, practice.client),
    ):
        with pytest.raises(Http404):
            access_client_for_planner(coach, client.pk)


def test_a_planner_visit_reads_no_assessment_or_plan_beside_the_access_row(practice):
    assess(practice.client, MAYA)
    do_save_plan(practice.client, "## Opening\n- a line", None, actor=practice.coach)
    browser = signed_in(practice.coach)
    url = reverse("coaching:new_plan", args=[practice.client.pk])
    fragments.forget_all()
    assert browser.get(url).status_code == 200  # the profile's questions made (and kept)
    with CaptureQueriesContext(connection) as queries:
        response = browser.get(url)
    assert response.status_code == 200
    own = [
        query["sql"]
        for query in queries.captured_queries
        if '"accounts_user"' not in query["sql"]  # the access row names them in subqueries
        and (
            '"assessments_assessment"' in query["sql"] or '"coachdesk_sessionplan"' in query["sql"]
        )
    ]
    assert own == []
    assert "Exploring" in response.content.decode()  # the profile's questions still shown


def test_the_questions_of_a_plan_are_found_wherever_the_coach_left_them():
    from interplay.core.questions import question_bank
    from interplay.web.coaching.planner import question_ids_in

    first, second, third = question_bank()[:3]
    edited = f"## Mine\n- {first.text} (kept)\nand later, in my words: {third.text}!"
    assert question_ids_in(edited) == {first.id, third.id}
    assert question_ids_in(edited) == {first.id, third.id}  # the same when asked again
    assert question_ids_in(edited.replace(third.text, "")) == {first.id}
    assert second.id not in question_ids_in(edited) and question_ids_in("") == frozenset()


def test_the_questions_kept_per_plan_keep_none_of_its_words():
    from interplay.core.questions import question_bank
    from interplay.web.coaching import planner

    agenda = f"Private: my worry about Ana's sister. {question_bank()[0].text}"
    planner.question_ids_in(agenda)
    kept = list(planner._questions_kept)
    assert kept and all(isinstance(key, bytes) and len(key) == 16 for key in kept)
    assert all(b"sister" not in key for key in kept)
    assert all("sister" not in str(value) for value in planner._questions_kept.values())
