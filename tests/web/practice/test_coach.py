"""The coach's side: a client's shared practice, suggesting an experiment, the planner's lines
and the link from the client page. Every coach read is audited."""

from django.urls import reverse

from interplay.core.vocabulary import SessionPhase
from interplay.web.coaching.client_view import ClientView
from interplay.web.coaching.practice import planner_lines
from interplay.web.kernel.models import AuditEvent
from interplay.web.practice.actions import (
    do_reflect,
    do_save_experiment,
    do_set_experiment_sharing,
)
from interplay.web.practice.models import Experiment
from interplay.web.relationships.actions import do_save_person, do_set_map_sharing
from interplay.web.values.actions import (
    do_add_value,
    do_save_belief,
    do_set_belief_sharing,
    do_set_value_sharing,
)
from tests.web.practice.pages import PERSON, PLAN


def test_coach_suggests_an_experiment_the_client_then_sees(practice, coach_browser):
    response = coach_browser.post(
        reverse("coaching:practice", args=[practice.client.pk]),
        {k: PLAN[k] for k in ("title", "technique", "direction", "stakes", "what")},
    )
    suggestion = Experiment.objects.get()
    assert response.status_code == 302
    assert suggestion.owner == practice.client and suggestion.suggested_by == practice.coach
    assert not suggestion.accepted
    page = coach_browser.get(reverse("coaching:practice", args=[practice.client.pk]))
    assert "Waiting for your client:" in page.content.decode()


def test_a_bad_suggestion_keeps_the_coachs_text(practice, coach_browser):
    response = coach_browser.post(
        reverse("coaching:practice", args=[practice.client.pk]),
        {
            "title": "Half done",
            "what": "",
            "technique": "start_small",
            "direction": "",
            "stakes": "low",
        },
    )
    assert response.status_code == 422 and "Half done" in response.content.decode()
    assert not Experiment.objects.exists()


def test_coach_reads_are_audited(practice, coach_browser):
    coach_browser.get(reverse("coaching:practice", args=[practice.client.pk]))
    assert AuditEvent.objects.filter(actor=practice.coach, what="practice").exists()


def test_client_overview_links_to_the_practice_page(practice, coach_browser):
    html = coach_browser.get(
        reverse("coaching:client_overview", args=[practice.client.pk]), follow=True
    )
    assert reverse("coaching:practice", args=[practice.client.pk]) in html.content.decode()


def test_planner_lines_come_only_from_what_was_shared(practice):
    client = practice.client
    value = do_add_value(own_words="Rest", actor=client)
    belief = do_save_belief(
        {"belief": "Asking is weak", "alternative": "Asking is ok"}, actor=client
    )
    done = do_save_experiment({**PLAN, "belief": str(belief.pk)}, actor=client)
    do_reflect(
        done,
        {"what_happened": "Fine", "anxiety_during": "2", "feared_outcome_happened": "no"},
        actor=done.owner,
    )
    do_save_experiment({**PLAN, "title": "Unshared plan"}, actor=client)
    do_save_person(PERSON, actor=client)
    assert planner_lines(ClientView(practice.coach, client)) == []
    do_set_value_sharing(value, True, actor=value.owner)
    do_set_belief_sharing(belief, True, actor=belief.owner)
    do_set_experiment_sharing(done, True, actor=done.owner)
    do_set_map_sharing(True, actor=client)
    lines = planner_lines(ClientView(practice.coach, client))
    text = "\n".join(f"{line.phase}: {line.text} ({line.why})" for line in lines)
    assert "Rest" in text and "Asking is weak" in text and "Tested once" in text
    assert "Ask Sam for a lift" in text and "Unshared plan" not in text
    assert "Consider firming up: Sam" in text
    assert {line.phase for line in lines} >= {SessionPhase.EXPLORING, SessionPhase.EMOTIONAL_ROOTS}


def test_shared_experiments_appear_on_the_practice_section_of_the_client_page(
    practice, coach_browser
):
    shared = do_save_experiment(PLAN, actor=practice.client)
    do_set_experiment_sharing(shared, True, actor=shared.owner)
    do_save_experiment({**PLAN, "title": "Kept to myself"}, actor=practice.client)
    practice_url = reverse("coaching:practice", args=[practice.client.pk])
    overview = coach_browser.get(reverse("coaching:client", args=[practice.client.pk]))
    assert practice_url in overview.content.decode()  # the section's tab
    html = coach_browser.get(practice_url).content.decode()
    assert "Ask Sam for a lift" in html and "Kept to myself" not in html
    assert 'aria-current="page"' in html


def test_session_planner_proposes_lines_from_shared_practice(practice, coach_browser):
    belief = do_save_belief({"belief": "Needing help is weak"}, actor=practice.client)
    do_set_belief_sharing(belief, True, actor=belief.owner)
    do_save_belief({"belief": "A belief kept private"}, actor=practice.client)
    html = coach_browser.get(reverse("coaching:new_plan", args=[practice.client.pk]))
    text = html.content.decode()
    assert "Explore the belief “Needing help is weak”" in text
    assert "A belief kept private" not in text


def test_add_to_agenda_puts_each_line_under_its_phase(practice):
    from interplay.web.coaching.planner import PHASE_NAMES, Agenda, Section
    from interplay.web.coaching.practice import add_to_agenda

    belief = do_save_belief({"belief": "Asking is weak"}, actor=practice.client)
    do_set_belief_sharing(belief, True, actor=belief.owner)
    agenda = Agenda([Section(str(PHASE_NAMES[SessionPhase.OPENING]))])
    add_to_agenda(agenda, ClientView(practice.coach, practice.client))
    titles = [section.title for section in agenda.sections]
    assert titles == [
        str(PHASE_NAMES[SessionPhase.OPENING]),
        str(PHASE_NAMES[SessionPhase.EMOTIONAL_ROOTS]),
    ]
    assert "Asking is weak" in agenda.sections[1].lines[0].text


def test_demo_gives_maya_a_practice_with_something_shared_and_something_private(db, settings):
    from interplay.web import demo
    from interplay.web.accounts.models import User
    from interplay.web.coaching.practice import coach_practice_view

    (settings.DATA_DIR / demo.DEMO_MARKER).unlink(missing_ok=True)
    demo.seed_demo()
    (settings.DATA_DIR / demo.DEMO_MARKER).unlink(missing_ok=True)
    maya = User.objects.get(email=demo.CLIENTS[0].email)
    coach = User.objects.get(email=demo.DEMO_COACH_EMAIL)
    view = coach_practice_view(ClientView(coach, maya))
    assert len(view["experiments"]) == 3 and view["map"] is not None
    assert maya.experiments.filter(shared_with_coach=False, accepted=True).exists()
    stats = view["stats"]
    assert (stats.reflected, stats.feared_happened) == (2, 0)
    assert "of 2 experiments" in stats.sentence()
    assert maya.role_plays.count() == 0 and maya.statement_drafts.count() == 1
    page = signed_in_client_page(maya)
    assert "Suggested by your coach" in page and "Turning down a second project" not in page


def signed_in_client_page(user):
    from tests.web.base import signed_in

    return signed_in(user).get(reverse("practice:home")).content.decode()


def test_the_client_sees_in_plain_words_that_the_coach_opened_their_practice(
    practice, coach_browser
):
    coach_browser.get(reverse("coaching:practice", args=[practice.client.pk]))
    event = AuditEvent.objects.get(what="practice")
    assert event.get_what_display().startswith("your shared practice")


def test_waiting_suggestions_are_read_only_when_the_access_row_says_there_are_some(
    practice, coach_browser
):
    """The access row says whether this coach has a suggestion waiting: without one the page
    runs no query for them; with one it lists it, and once the client takes it up it is
    theirs, not waiting, and the query is not run again."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from interplay.web.practice.actions import do_accept_suggestion, do_suggest_experiment

    url = reverse("coaching:practice", args=[practice.client.pk])

    def page() -> tuple[str, int]:
        with CaptureQueriesContext(connection) as queries:
            html = coach_browser.get(url).content.decode()
        return html, len(queries)

    html, none_waiting = page()
    assert "Waiting for your client:" not in html
    suggestion = do_suggest_experiment(
        practice.client, {**PLAN, "title": "Try the lift"}, actor=practice.coach
    )
    html, one_waiting = page()
    assert "Waiting for your client: Try the lift" in html and one_waiting == none_waiting + 1
    do_accept_suggestion(suggestion, actor=practice.client)
    html, taken_up = page()
    assert "Waiting for your client:" not in html and taken_up == none_waiting
