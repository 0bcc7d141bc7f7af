"""Experiments: where they start, planning, reflecting, setting aside, sharing, suggestions
from the coach, and the history with its chart."""

import re

from django.urls import reverse

from interplay.core.experiments import experiment_library
from interplay.core.vocabulary import Direction, Stakes
from interplay.web.assessments.actions import (
    do_finish_assessment,
    do_save_answers,
    do_start_assessment,
)
from interplay.web.demo import maya_answers
from interplay.web.practice.actions import (
    do_accept_suggestion,
    do_reflect,
    do_save_experiment,
    do_save_statement_draft,
    do_suggest_experiment,
)
from interplay.web.practice.models import Experiment
from interplay.web.relationships.actions import do_save_person
from tests.web.practice.pages import PERSON, PLAN

REFLECTION = {
    "what_happened": "I asked and Sam was glad to help.",
    "anxiety_during": "3",
    "feared_outcome_happened": "no",
    "what_worked": "Asking early",
}


def _low(direction):
    return next(
        e for e in experiment_library() if (e.direction, e.stakes) == (direction, Stakes.LOW)
    )


def test_plan_from_the_library_is_prefilled(practice, client_browser):
    library = _low(Direction.TOWARD_CONNECTION)
    page = client_browser.get(reverse("practice:new") + f"?library={library.id}").content.decode()
    assert library.title in page and f'value="{library.id}"' in page


def test_home_recommends_from_the_ladder_with_its_reason(practice, client_browser):
    page = client_browser.get(reverse("practice:home")).content.decode()
    assert "On the low rung" in page
    assert "With no profile yet, both directions are suggested." in page


def test_home_follows_the_profile_focus_and_its_recommended_experiments(practice, client_browser):
    assessment = do_start_assessment(actor=practice.client)
    do_save_answers(assessment, maya_answers(), actor=assessment.user)
    do_finish_assessment(assessment, actor=assessment.user)
    profile = assessment.profile
    page = client_browser.get(reverse("practice:home")).content.decode()
    assert "With no profile yet" not in page
    for pick in profile["experiments"][:1]:
        assert pick["title"] in page


def test_saving_a_plan_from_a_recommendation_records_its_library_id(practice, client_browser):
    library = _low(Direction.TOWARD_AUTONOMY)
    response = client_browser.post(
        reverse("practice:new"),
        {
            "title": library.title,
            "what": library.text,
            "technique": library.technique.value,
            "direction": library.direction.value,
            "stakes": "low",
            "library_id": library.id,
            "when": "Friday",
            "anxiety_predicted": "5",
        },
    )
    experiment = Experiment.objects.get()
    assert response.status_code == 302
    assert experiment.library_id == library.id and not experiment.shared_with_coach
    home = client_browser.get(reverse("practice:home")).content.decode()
    assert (
        f"?library={library.id}"
        not in home.split("Suggested next steps")[1].split("Your ladders")[0]
    )


def test_plan_with_a_bad_anxiety_names_the_field_and_keeps_the_text(practice, client_browser):
    response = client_browser.post(reverse("practice:new"), {**PLAN, "anxiety_predicted": "eleven"})
    html = response.content.decode()
    assert response.status_code == 422
    assert "How anxious you expect to be" in html and "0 to 10" in html
    assert "Sam will think I am a burden." in html
    assert not Experiment.objects.exists()


def test_plan_without_a_direction_is_refused_with_the_field_named(practice, client_browser):
    response = client_browser.post(reverse("practice:new"), {**PLAN, "direction": ""})
    assert response.status_code == 422 and "Direction" in response.content.decode()


def test_plan_with_a_person_from_the_map_names_them(practice, client_browser):
    person = do_save_person(PERSON, actor=practice.client)
    client_browser.post(reverse("practice:new"), {**PLAN, "person": str(person.pk)})
    experiment = Experiment.objects.get()
    assert experiment.person == person and experiment.who_with == "Sam"


def test_a_saved_statement_draft_prefills_the_plan(practice, client_browser):
    draft = do_save_statement_draft("I need Saturday to rest.", actor=practice.client)
    page = client_browser.get(reverse("practice:new") + f"?draft={draft.pk}").content.decode()
    assert "I need Saturday to rest." in page


def test_reflection_marks_it_done_and_shows_beside_the_prediction(practice, client_browser):
    experiment = do_save_experiment(PLAN, actor=practice.client)
    response = client_browser.post(reverse("practice:reflect", args=[experiment.pk]), REFLECTION)
    experiment.refresh_from_db()
    assert response.status_code == 302 and experiment.status == "done"
    page = client_browser.get(reverse("practice:experiment", args=[experiment.pk])).content.decode()
    assert "3 / 10" in page and "expected 6" in page and "Asking early" in page


def test_reflection_without_anxiety_is_refused_and_keeps_the_text(practice, client_browser):
    experiment = do_save_experiment(PLAN, actor=practice.client)
    response = client_browser.post(
        reverse("practice:reflect", args=[experiment.pk]), {**REFLECTION, "anxiety_during": ""}
    )
    assert response.status_code == 422
    assert "I asked and Sam was glad to help." in response.content.decode()
    experiment.refresh_from_db()
    assert experiment.status == "planned"


def test_skipping_is_recorded_as_information_and_can_be_picked_up_again(practice, client_browser):
    experiment = do_save_experiment(PLAN, actor=practice.client)
    client_browser.post(
        reverse("practice:set_aside", args=[experiment.pk]),
        {"status": "skipped", "note": "The week was too full."},
    )
    experiment.refresh_from_db()
    assert experiment.status == "skipped" and experiment.note == "The week was too full."
    page = client_browser.get(reverse("practice:experiment", args=[experiment.pk])).content.decode()
    assert "not a failure" in page
    client_browser.post(reverse("practice:reopen", args=[experiment.pk]))
    experiment.refresh_from_db()
    assert experiment.status == "planned"


def test_sharing_and_deleting_an_experiment(practice, client_browser):
    experiment = do_save_experiment(PLAN, actor=practice.client)
    client_browser.post(reverse("practice:share", args=[experiment.pk]), {"shared": "1"})
    experiment.refresh_from_db()
    assert experiment.shared_with_coach
    client_browser.post(reverse("practice:delete", args=[experiment.pk]))
    assert not Experiment.objects.exists()


def test_coach_suggestion_waits_for_the_client_and_counts_once_accepted(practice, client_browser):
    suggestion = do_suggest_experiment(practice.client, PLAN, actor=practice.coach)
    home = client_browser.get(reverse("practice:home")).content.decode()
    assert "Suggested by your coach" in home
    refused = client_browser.post(reverse("practice:reflect", args=[suggestion.pk]), REFLECTION)
    assert refused.status_code == 422
    client_browser.post(reverse("practice:accept", args=[suggestion.pk]))
    suggestion.refresh_from_db()
    assert suggestion.accepted and not suggestion.shared_with_coach


def test_declining_a_suggestion_removes_it(practice, client_browser):
    suggestion = do_suggest_experiment(practice.client, PLAN, actor=practice.coach)
    client_browser.post(reverse("practice:decline", args=[suggestion.pk]))
    assert not Experiment.objects.exists()
    accepted = do_accept_suggestion(
        do_suggest_experiment(practice.client, PLAN, actor=practice.coach),
        actor=practice.client,
    )
    client_browser.post(reverse("practice:decline", args=[accepted.pk]))
    assert Experiment.objects.filter(pk=accepted.pk).exists()


def test_history_draws_predicted_against_actual_with_a_text_alternative(practice, client_browser):
    for during, happened in (("3", "no"), ("7", "yes")):
        experiment = do_save_experiment(PLAN, actor=practice.client)
        do_reflect(
            experiment,
            {**REFLECTION, "anxiety_during": during, "feared_outcome_happened": happened},
            actor=experiment.owner,
        )
    do_save_experiment(PLAN, actor=practice.client)  # planned: not on the chart
    html = client_browser.get(reverse("practice:history")).content.decode()
    assert "The feared outcome happened in 1 of 2 experiments." in html
    assert len(re.findall(r'<rect [^>]*class="during"', html)) == 2
    assert len(re.findall(r'<circle [^>]*class="predicted"', html)) == 2
    assert "anxiety expected 6, during 7; the feared outcome happened." in html


def test_two_reflected_successes_move_the_ladder_up_a_rung(practice, client_browser):
    for _ in range(2):
        do_reflect(
            do_save_experiment(PLAN, actor=practice.client),
            REFLECTION,
            actor=practice.client,
        )
    html = client_browser.get(reverse("practice:history")).content.decode()
    assert "On the medium rung towards connection" in html
    assert "On the low rung towards autonomy" in html


def test_the_home_page_experiment_can_be_planned(practice, client_browser):
    assessment = do_start_assessment(actor=practice.client)
    do_save_answers(assessment, maya_answers(), actor=assessment.user)
    do_finish_assessment(assessment, actor=assessment.user)
    html = client_browser.get(reverse("home")).content.decode()
    ids = [pick["id"] for pick in assessment.profile["experiments"]]
    assert any(f"{reverse('practice:new')}?library={i}" in html for i in ids)


def test_finished_experiments_leave_the_recommendations_on_home_and_practice(
    practice, client_browser
):
    from interplay.core.vocabulary import ExperimentStatus

    assessment = do_start_assessment(actor=practice.client)
    do_save_answers(assessment, maya_answers(), actor=assessment.user)
    do_finish_assessment(assessment, actor=assessment.user)
    picks = [pick["id"] for pick in assessment.profile["experiments"]]
    ladder_first = _low(Direction.TOWARD_CONNECTION).id
    finished = {*picks, ladder_first}
    by_id = {e.id: e for e in experiment_library()}
    for library_id in finished:
        library = by_id[library_id]
        Experiment.objects.create(
            owner=practice.client,
            title=library.title,
            technique=library.technique.value,
            direction=library.direction.value,
            stakes=library.stakes.value,
            what=library.text,
            library_id=library.id,
            status=ExperimentStatus.DONE,
        )
    home = client_browser.get(reverse("home")).content.decode()
    assert not set(re.findall(r"\?library=([\w-]+)", home)) & finished
    # On the practice page, the recommendations (its buttons); the whole library stays listed.
    page = client_browser.get(reverse("practice:home")).content.decode()
    recommended = set(
        re.findall(r'class="button button-quiet" href="[^"]*\?library=([\w-]+)"', page)
    )
    assert recommended and not recommended & finished
    assert f"?library={ladder_first}" in page  # still in the library list
