"""The guided path in the web app: each step's "done" read from the person's own data, skipping
and revisiting, the prompt adapted to the profile, follow-ups after an entry on the path."""

from __future__ import annotations

import pytest
from django.urls import reverse

from interplay.core.instrument import pulse_items
from interplay.web.assessments.actions import (
    do_finish_assessment,
    do_record_pulse,
    do_save_answers,
    do_start_assessment,
)
from interplay.web.demo import maya_answers
from interplay.web.journal.actions import do_save_entry
from interplay.web.kernel.errors import ActionError
from interplay.web.path.actions import (
    do_begin_path,
    do_revisit_step,
    do_skip_step,
    do_walk_again,
)
from interplay.web.path.models import PathProgress, StepProgress
from interplay.web.path.progress import StepStatus, path_state, person_of
from interplay.web.practice.actions import do_reflect, do_save_experiment, do_save_statement_draft
from interplay.web.practice.rehearsal import do_start_role_play, do_stop_role_play
from interplay.web.relationships.actions import do_save_person
from interplay.web.values.actions import do_add_value, do_save_belief
from tests.web.base import make_user, signed_in
from tests.web.practice.pages import PERSON, PLAN

REFLECTION = {
    "what_happened": "I asked and Sam was glad to help.",
    "anxiety_during": "3",
    "feared_outcome_happened": "no",
}


def _assess(user):  # type: ignore[no-untyped-def]
    assessment = do_start_assessment(actor=user)
    do_save_answers(assessment, maya_answers(), actor=user)
    return do_finish_assessment(assessment, actor=user)


def _status(user, step_id):  # type: ignore[no-untyped-def]
    return path_state(user).state(step_id).status


def test_a_new_person_is_offered_the_first_step_and_nothing_is_done(practice):
    state = path_state(practice.client)
    assert not state.on_path and state.done_count == 0
    assert state.next is not None and state.next.step.id == "stand"


def test_each_step_is_done_by_what_the_app_can_see_in_order(practice):
    user = practice.client
    done_by = [
        ("stand", lambda: _assess(user)),
        (
            "bounds",
            lambda: do_save_entry("", "I carry Sam's worries.", "p:bounds:balancing", actor=user),
        ),
        (
            "meaning",
            lambda: do_save_entry("", "It means pride.", "p:meaning:balancing", actor=user),
        ),
        (
            "roots",
            lambda: do_save_belief(
                {"belief": "Asking is weak", "alternative": "Asking is honest"}, actor=user
            ),
        ),
        ("values", lambda: do_add_value("v-rest", actor=user)),
        ("small", lambda: do_save_experiment(PLAN, actor=user)),
        ("say-it", lambda: do_save_statement_draft("I need a lift on Friday.", actor=user)),
        (
            "rehearse",
            lambda: do_stop_role_play(
                do_start_role_play("s:s-ask-for-a-lift", actor=user), actor=user
            ),
        ),
        (
            "reflect",
            lambda: do_reflect(do_save_experiment(PLAN, actor=user), REFLECTION, actor=user),
        ),
        ("flex", lambda: do_save_person(PERSON, actor=user)),
        ("review", lambda: do_record_pulse({i.id: 3 for i in pulse_items()}, actor=user)),
    ]
    for step_id, make in done_by:
        assert path_state(user).next.step.id == step_id
        assert _status(user, step_id) is StepStatus.NOT_STARTED
        make()
        assert _status(user, step_id) is StepStatus.DONE, step_id
    assert path_state(user).next is None


def test_a_belief_without_an_alternative_or_an_entry_on_another_prompt_is_not_done(practice):
    user = practice.client
    do_save_belief({"belief": "Asking is weak"}, actor=user)
    do_save_entry("", "Free writing.", "q-open-why-now", actor=user)
    do_save_entry("", "Free writing.", actor=user)
    assert _status(user, "roots") is StepStatus.NOT_STARTED
    assert _status(user, "bounds") is StepStatus.NOT_STARTED
    plan = {**PLAN, "feared_outcome": "", "anxiety_predicted": ""}
    do_save_experiment(plan, actor=user)
    assert _status(user, "small") is StepStatus.NOT_STARTED  # no prediction


def test_skipping_offers_the_next_step_and_revisiting_brings_it_back(practice):
    user = practice.client
    do_skip_step(user, "stand", actor=user)
    state = path_state(user)
    assert state.on_path and state.state("stand").status is StepStatus.SKIPPED
    assert state.next.step.id == "bounds"
    do_revisit_step(user, "stand", actor=user)
    state = path_state(user)
    assert state.next.step.id == "stand"
    assert state.state("stand").revisited_at is not None


def test_walking_again_counts_only_what_is_done_from_the_new_start(practice):
    user = practice.client
    _assess(user)
    do_skip_step(user, "bounds", actor=user)
    do_walk_again(user, actor=user)
    state = path_state(user)
    assert state.progress.walk == 2
    assert state.state("stand").status is StepStatus.NOT_STARTED
    assert not StepProgress.objects.filter(owner=user).exists()
    _assess(user)
    assert _status(user, "stand") is StepStatus.DONE


def test_actions_refuse_anyone_but_the_person(practice):
    with pytest.raises(ActionError):
        do_skip_step(practice.client, "stand", actor=practice.other_client)
    with pytest.raises(ActionError):
        do_begin_path(practice.client, actor=practice.coach)
    with pytest.raises(ActionError):
        do_skip_step(practice.client, "nowhere", actor=practice.client)
    assert not StepProgress.objects.exists()


def test_the_step_page_adapts_its_prompt_to_the_profile_and_says_why(practice):
    user = practice.client
    _assess(user)
    person = person_of(user)
    html = signed_in(user).get(reverse("path:step", args=["roots"])).content.decode()
    assert "Roots" in html and "Record a belief and its alternative" in html
    if person.barriers:
        assert "Chosen because your profile shows this barrier" in html
    else:
        assert "Chosen for your focus" in html


def test_without_a_profile_the_step_page_says_the_prompt_is_for_anyone(practice):
    html = signed_in(practice.client).get(reverse("path:step", args=["small"])).content.decode()
    assert "take the self-assessment to have one chosen for you" in html


def test_unknown_step_is_a_404(practice):
    assert signed_in(practice.client).get("/path/nowhere/").status_code == 404


def test_go_notes_the_start_and_opens_the_exercise_on_the_steps_prompt(practice):
    browser = signed_in(practice.client)
    response = browser.post(reverse("path:go", args=["bounds"]))
    assert response.status_code == 302
    assert response["Location"] == reverse("journal:new") + "?prompt=p:bounds:balancing"
    assert _status(practice.client, "bounds") is StepStatus.STARTED
    editor = browser.get(response["Location"]).content.decode()
    assert 'value="p:bounds:balancing"' in editor


def test_an_entry_written_on_the_path_offers_optional_follow_ups(practice):
    user = practice.client
    browser = signed_in(user)
    response = browser.post(
        reverse("journal:new"),
        {
            "title": "",
            "body": "I always handle everything myself; asking for help feels weak.",
            "prompt_id": "p:meaning:balancing",
        },
    )
    assert response.status_code == 302
    entry_page = browser.get(response["Location"]).content.decode()
    assert "To go a little deeper (if you like)" in entry_page
    assert "Back to the step" in entry_page
    step_page = browser.get(reverse("path:step", args=["meaning"])).content.decode()
    assert "To go a little deeper (if you like)" in step_page
    assert _status(user, "meaning") is StepStatus.DONE


def test_overview_shows_the_next_step_and_the_share_switch_only_with_a_coach(practice):
    do_begin_path(practice.client, actor=practice.client)
    html = signed_in(practice.client).get(reverse("path:overview")).content.decode()
    assert "Your next step" in html and "Step 1: Where I stand" in html
    assert "Share my progress with my coach" in html
    solo = make_user("solo@client.test", "Sol")
    do_begin_path(solo, actor=solo)
    html = signed_in(solo).get(reverse("path:overview")).content.decode()
    assert "Your next step" in html and "Share my progress" not in html


def test_sharing_is_off_by_default_and_switches(practice):
    browser = signed_in(practice.client)
    browser.post(reverse("path:begin"))
    assert PathProgress.objects.get(owner=practice.client).shared_with_coach is False
    browser.post(reverse("path:sharing"), {"shared": "1"})
    assert PathProgress.objects.get(owner=practice.client).shared_with_coach is True


def test_home_leads_with_the_next_step_for_someone_on_the_path(practice):
    user = practice.client
    browser = signed_in(user)
    before = browser.get(reverse("home")).content.decode()
    assert "Your next step on the path" not in before and "See the path" in before
    do_begin_path(user, actor=user)
    _assess(user)
    html = browser.get(reverse("home")).content.decode()
    assert "Your next step on the path" in html and "Step 2: My boundaries now" in html
    assert html.index("Your next step on the path") < html.index("Something to write about")
    assert "1 of 11 steps done." in html


def test_home_offers_the_coachs_suggested_step_until_it_is_done(practice):
    from interplay.web.path.actions import do_set_path_sharing, do_suggest_step

    user = practice.client
    do_set_path_sharing(user, True, actor=user)
    do_suggest_step(user, "values", actor=practice.coach)
    html = signed_in(user).get(reverse("home")).content.decode()
    assert "Step 5: What I stand for" in html and "(suggested by your coach)" in html
    do_add_value("v-rest", actor=user)
    html = signed_in(user).get(reverse("home")).content.decode()
    assert "Step 1: Where I stand" in html and "suggested by your coach" not in html


def test_start_small_opens_a_low_stakes_experiment_in_the_direction_of_the_focus(practice):
    from interplay.core.experiments import experiment_by_id
    from interplay.core.path import FOCUS_DIRECTION
    from interplay.core.vocabulary import Stakes

    user = practice.client
    _assess(user)
    focus = person_of(user).focus
    response = signed_in(user).post(reverse("path:go", args=["small"]))
    location = response["Location"]
    assert location.startswith(reverse("practice:new") + "?library=")
    experiment = experiment_by_id(location.split("=", 1)[1])
    assert experiment.stakes is Stakes.LOW
    if focus in FOCUS_DIRECTION:
        assert experiment.direction is FOCUS_DIRECTION[focus]
    page = signed_in(user).get(reverse("path:step", args=["small"])).content.decode()
    assert f"For example: “{experiment.title}”" in page


def _practise_once(user, n):  # type: ignore[no-untyped-def]
    do_save_entry("", f"Entry {n} on the path.", "p:bounds:balancing", actor=user)
    do_save_belief({"belief": f"Belief {n}", "alternative": "Another way"}, actor=user)
    do_add_value("", f"Value {n}", actor=user)
    do_reflect(do_save_experiment(PLAN, actor=user), REFLECTION, actor=user)
    do_save_statement_draft(f"I need {n}.", actor=user)
    do_stop_role_play(do_start_role_play("s:s-ask-for-a-lift", actor=user), actor=user)
    do_save_person({**PERSON, "name": f"Person {n}"}, actor=user)
    do_record_pulse({i.id: 3 for i in pulse_items()}, actor=user)


def test_the_path_pages_cost_the_same_queries_however_much_has_been_done(practice):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = practice.client
    browser = signed_in(user)
    _assess(user)
    do_begin_path(user, actor=user)
    counts = []
    for n in range(3):
        _practise_once(user, n)
        with CaptureQueriesContext(connection) as overview:
            browser.get(reverse("path:overview"))
        with CaptureQueriesContext(connection) as step:
            browser.get(reverse("path:step", args=["bounds"]))
        counts.append((len(overview), len(step)))
    assert counts[0] == counts[1] == counts[2], counts
    assert max(counts[0]) <= 20, counts  # one query per kind of record, not per record


def test_another_client_sees_only_their_own_path(practice):
    user = practice.client
    do_skip_step(user, "stand", actor=user)
    do_save_entry("", "Maya's words.", "p:bounds:balancing", actor=user)
    other = signed_in(practice.other_client)
    html = other.get(reverse("path:overview")).content.decode()
    assert "0 of 11 steps done" not in html  # not on the path: nothing of Maya's either
    assert "Skipped for now" not in html and "Done" not in html
    step = other.get(reverse("path:step", args=["bounds"])).content.decode()
    assert "Maya's words" not in step and "To go a little deeper" not in step
    assert not StepProgress.objects.filter(owner=practice.other_client).exists()
