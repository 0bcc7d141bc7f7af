"""The client page's history, notes and the session planner."""

from __future__ import annotations

import pytest
from django.urls import reverse

from interplay.core.profile_change import changes_between, smallest_reliable_move
from interplay.core.questions import question_bank
from interplay.core.vocabulary import SessionPhase
from interplay.web.coaching.actions import do_add_note, do_save_plan
from interplay.web.coaching.models import SessionNote, SessionPlan
from interplay.web.coaching.planner import propose_agenda
from tests.core.personas import INTERDEPENDENT, MAYA
from tests.web.base import signed_in
from tests.web.coaching.helpers import assess, days_ago, write

pytestmark = pytest.mark.django_db


def test_coach_adds_a_note_with_a_follow_up_and_marks_it_done(practice):
    browser = signed_in(practice.coach)
    url = reverse("coaching:add_note", args=[practice.client.pk])
    response = browser.post(url, {"body": "Spoke about her brother.", "follow_up": "Ask again"})
    assert response.status_code == 302
    note = SessionNote.objects.get()
    assert note.follow_up_open and note.coach == practice.coach
    assert response["Location"] == reverse("coaching:client_sessions", args=[practice.client.pk])
    page = browser.get(response["Location"]).content.decode()
    assert "Spoke about her brother." in page and "Your open follow-ups" in page
    overview = browser.get(reverse("coaching:client", args=[practice.client.pk])).content.decode()
    assert "Ask again" in overview and "Spoke about her brother." not in overview
    browser.post(reverse("coaching:done", args=[practice.client.pk, note.pk]))
    note.refresh_from_db()
    assert not note.follow_up_open


def test_empty_note_is_refused_with_a_message_and_the_typing_kept(practice):
    browser = signed_in(practice.coach)
    url = reverse("coaching:add_note", args=[practice.client.pk])
    response = browser.post(url, {"body": "   ", "follow_up": "keep me"})
    assert response.status_code == 400
    assert "keep me" in response.content.decode()
    assert not SessionNote.objects.exists()


def test_note_edit_reopens_a_changed_follow_up(practice):
    note = do_add_note(practice.client, "First.", "one", actor=practice.coach)
    browser = signed_in(practice.coach)
    url = reverse("coaching:note", args=[practice.client.pk, note.pk])
    assert "First." in browser.get(url).content.decode()
    browser.post(url, {"body": "First, edited.", "follow_up": "two"})
    note.refresh_from_db()
    assert note.body == "First, edited." and note.follow_up_open


def test_the_client_never_sees_notes(practice):
    do_add_note(practice.client, "A private coach note.", actor=practice.coach)
    browser = signed_in(practice.client)
    for url in ("/", "/journal/", "/profile/"):
        assert "A private coach note." not in browser.get(url, follow=True).content.decode()


def test_planner_proposes_questions_for_every_phase_with_reasons(practice):
    assess(practice.client, MAYA)
    write(practice.client, "The spreadsheet night", "Did it all alone again.", shared=True)
    write(practice.client, "SECRET-TITLE", "private", shared=False)
    do_add_note(practice.client, "n", "Ask how the delegation went", actor=practice.coach)
    response = signed_in(practice.coach).get(
        reverse("coaching:new_plan", args=[practice.client.pk])
    )
    proposal = response.context["proposal"]
    titles = [section.title for section in proposal.sections]
    for name in ("Opening", "Open items", "Exploring", "Emotional roots", "Experimenting"):
        assert name in titles
    text = proposal.as_text()
    assert "The spreadsheet night" in text
    assert "SECRET-TITLE" not in response.content.decode()
    assert "Ask how the delegation went" in text
    assert "fits the focus: letting people in" in text
    assert "speaks to a high “over-independence” score" in text
    bank = {q.text: q for q in question_bank()}
    exploring = next(s for s in proposal.sections if s.title == "Exploring")
    assert all(SessionPhase.EXPLORING in bank[line.text].phases for line in exploring.lines)


def test_coach_edits_and_saves_the_plan_encrypted(practice):
    assess(practice.client, MAYA)
    browser = signed_in(practice.coach)
    url = reverse("coaching:new_plan", args=[practice.client.pk])
    response = browser.post(url, {"agenda": "## Opening\n- My own line", "session_date": ""})
    plan = SessionPlan.objects.get()
    assert response.status_code == 302 and plan.agenda == "## Opening\n- My own line"
    edit = reverse("coaching:plan", args=[practice.client.pk, plan.pk])
    browser.post(edit, {"agenda": "Changed", "session_date": "2030-01-02"})
    plan.refresh_from_db()
    assert plan.agenda == "Changed" and str(plan.session_date) == "2030-01-02"


def test_next_proposal_varies_the_questions_of_the_last_plan(practice):
    assess(practice.client, MAYA)
    first = propose_agenda(practice.client.assessments.first().profile, [], [])
    do_save_plan(practice.client, first.as_text(), None, actor=practice.coach)
    response = signed_in(practice.coach).get(
        reverse("coaching:new_plan", args=[practice.client.pk])
    )
    second = response.context["proposal"].as_text()
    exploring_first = next(s for s in first.sections if s.title == "Exploring").lines[0].text
    assert exploring_first not in second


def test_history_reports_reliable_change_not_raw_moves(practice):
    assess(practice.client, MAYA, when=days_ago(90))
    assess(practice.client, INTERDEPENDENT, when=days_ago(1))
    html = (
        signed_in(practice.coach)
        .get(reverse("coaching:client_history", args=[practice.client.pk]))
        .content.decode()
    )
    assert "reliable change toward balance" in html
    assert "Reliable changes since the assessment before" in html


def test_small_wobble_is_within_measurement_error():
    before = {"scales": [{"scale": "over_independence", "score": 4.6, "level": "high"}]}
    after = {"scales": [{"scale": "over_independence", "score": 4.0, "level": "high"}]}
    (change,) = changes_between(before, after)
    assert change.change == -0.6 and not change.reliable
    far = {"scales": [{"scale": "over_independence", "score": 3.4, "level": "moderate"}]}
    (change,) = changes_between(before, far)
    assert change.reliable and change.classification.value == "reliably_improved"
    assert 0.9 < smallest_reliable_move() < 1.1


def test_a_scale_missing_on_either_side_claims_no_change():
    before = {"scales": [{"scale": "dependence", "score": 2.0, "level": "low"}]}
    assert changes_between(before, {"scales": []}) == []


def test_client_page_sums_up_reliable_change_since_the_first_assessment(practice):
    assess(practice.client, MAYA, when=days_ago(90))
    assess(practice.client, MAYA, when=days_ago(45))
    assess(practice.client, INTERDEPENDENT, when=days_ago(1))
    response = signed_in(practice.coach).get(
        reverse("coaching:client_history", args=[practice.client.pk])
    )
    summary = response.context["since_first"]
    assert summary is not None and summary["reliable"]
    assert all(row["reliable"] for row in summary["reliable"])


def test_a_saved_plan_reads_as_headings_and_lists_not_markup(practice):
    plan = do_save_plan(
        practice.client,
        "## Opening\n- Ask about the week\n## Integrating\n- Look back",
        None,
        actor=practice.coach,
    )
    html = (
        signed_in(practice.coach)
        .get(reverse("coaching:plan", args=[practice.client.pk, plan.pk]))
        .content.decode()
    )
    assert "<h3>Opening</h3>" in html and "<li>Ask about the week</li>" in html


def test_no_page_shows_a_rule_with_internal_names(practice):
    from interplay.web.reasons import render
    from tests.web.coaching.helpers import assess

    # the words a profile of the first form stored read as the code they came from
    assert render("rigid_boundaries high (> 3.5) and interdependence below 3") == (
        "“rigid boundaries” high (above 3.5) and “interdependence” below 3"
    )
    assess(practice.client, MAYA)
    for url in (
        reverse("coaching:client_profile", args=[practice.client.pk]),
        reverse("assessments:profile_latest"),
    ):
        who = practice.coach if "coach" in url else practice.client
        html = signed_in(who).get(url, follow=True).content.decode()
        assert "(> 3.5)" not in html and "rule: " not in html, url
        assert "(above 3.5)" in html, url  # Maya has a flagged risk: its rule reads in words


def test_a_saved_plan_is_escaped_then_formatted_never_raw_markup_or_script(practice):
    agenda = (
        "## Opening <b>now</b>\n- Ask about **the week** and *how it felt*\n"
        "- <script>alert('x')</script> then 2 * 3 * 4\n1. A numbered line"
    )
    plan = do_save_plan(practice.client, agenda, None, actor=practice.coach)
    html = (
        signed_in(practice.coach)
        .get(reverse("coaching:plan", args=[practice.client.pk, plan.pk]))
        .content.decode()
    )
    shown = html[
        html.index('id="agenda-heading"') : html.index("<form", html.index("agenda-heading"))
    ]
    assert "<h3>Opening &lt;b&gt;now&lt;/b&gt;</h3>" in shown
    assert "<li>Ask about <strong>the week</strong> and <em>how it felt</em></li>" in shown
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; then 2 * 3 * 4" in shown
    assert "<li>A numbered line</li>" in shown
    assert "<script" not in shown and "**" not in shown and "##" not in shown


def test_client_history_judges_change_against_the_practice_figures_as_the_progress_page(
    practice, monkeypatch
):
    # The coach's history and the client's progress page read one set of reference values: with
    # a practice whose own figures show a wide spread, the same move is no longer reliable.
    from django.core.cache import cache

    from interplay.core.reference_values import Reference
    from interplay.core.vocabulary import Scale
    from interplay.web.assessments import reference

    assess(practice.client, MAYA, when=days_ago(90))
    assess(practice.client, MAYA, when=days_ago(45))
    assess(practice.client, INTERDEPENDENT, when=days_ago(1))
    url = reverse("coaching:client_history", args=[practice.client.pk])
    provisional = signed_in(practice.coach).get(url)
    assert provisional.context["since_first"]["reliable"]
    assert "provisional figures" in provisional.content.decode()
    wide = {
        scale: Reference(sd=9.0, reliability=0.5, people=40, provisional=False) for scale in Scale
    }
    cache.clear()
    monkeypatch.setattr(reference, "_compute", lambda: wide)
    own = signed_in(practice.coach).get(url)
    assert own.context["since_first"]["reliable"] == []
    assert "first assessments of 40 people in this practice" in own.content.decode()


def test_the_access_row_says_what_there_is_none_of_so_no_query_looks(practice):
    """The planner and the overview ask for the shared values, beliefs and experiments and
    the coach's safety flags; the access check's row says whether there are any, so for a
    client with none no query of its own reads them, and one shared belief is read and shown."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from interplay.web.values.actions import do_save_belief, do_set_belief_sharing

    tables = ("values_personalvalue", "values_belief", "practice_experiment", "safety_safetyflag")
    browser = signed_in(practice.coach)
    urls = [
        reverse(name, args=[practice.client.pk])
        for name in ("coaching:new_plan", "coaching:client")
    ]

    def own_reads() -> list[str]:
        with CaptureQueriesContext(connection) as queries:
            for url in urls:
                assert browser.get(url).status_code == 200
        # The access row names every table in its subqueries: it reads `accounts_user`.
        return [
            table
            for query in queries.captured_queries
            if '"accounts_user"' not in query["sql"]
            for table in tables
            if f'FROM "{table}"' in query["sql"]
        ]

    assert own_reads() == []
    belief = do_save_belief({"belief": "Needing help is weak"}, actor=practice.client)
    do_set_belief_sharing(belief, True, actor=belief.owner)
    assert own_reads() == ["values_belief"]  # the planner's; the overview shows no beliefs
    assert "Needing help is weak" in browser.get(urls[0]).content.decode()
