"""The role-play engine, turn by turn: responses by style, one test, 4 to 8 turns, a debrief."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interplay.core.roleplay import (
    Ending,
    ReplyAnalysis,
    ReplyStyle,
    classify,
    debrief,
    reply,
    run,
    start,
)
from interplay.core.scenarios import MIN_TURNS, Response, scenario_by_id, scenario_library
from interplay.core.vocabulary import Direction, Technique

CLEAR = ReplyAnalysis(i_statement=True, need=True)
HEDGED = ReplyAnalysis(i_statement=True, hedge_apology=True)
BLAMING = ReplyAnalysis(blame=True, absolute=True)
REQUEST = ReplyAnalysis(i_statement=True, request=True)
UNCLEAR = ReplyAnalysis()
STYLES = {"clear": CLEAR, "hedged": HEDGED, "blaming": BLAMING, "request": REQUEST}

WEEKEND = scenario_by_id("s-manager-weekend-work")


def responses(state):
    return [t.response for t in state.turns]


def test_blame_outweighs_everything_then_hedging_then_request():
    assert (
        classify(ReplyAnalysis(blame=True, hedge_apology=True, request=True)) is ReplyStyle.BLAMING
    )
    assert (
        classify(ReplyAnalysis(hedge_apology=True, request=True, i_statement=True))
        is ReplyStyle.HEDGED
    )
    assert classify(REQUEST) is ReplyStyle.REQUEST
    assert classify(ReplyAnalysis(feeling=True)) is ReplyStyle.CLEAR
    assert classify(UNCLEAR) is ReplyStyle.UNCLEAR


def test_clear_reply_is_tested_once_then_respected():
    state = run(WEEKEND, [("I need my weekend.", CLEAR)] * 8)
    assert responses(state) == [Response.TEST, Response.RESPECT, Response.RESPECT, Response.RESPECT]
    assert state.ending is Ending.SETTLED


def test_hedged_reply_makes_the_counterpart_push_harder_without_repeating():
    state = run(WEEKEND, [("Sorry, maybe I could not?", HEDGED)] * 8)
    assert set(responses(state)) == {Response.PUSH}
    lines = [t.line for t in state.turns]
    assert lines[:3] == list(WEEKEND.responses[Response.PUSH])
    assert state.ending is Ending.OUT_OF_TURNS and len(state.turns) == WEEKEND.max_turns


def test_blaming_reply_gets_a_defensive_answer():
    state = reply(start(WEEKEND), "You always dump this on me.", BLAMING)
    assert state.turns[0].response is Response.DEFEND
    assert state.turns[0].line == WEEKEND.responses[Response.DEFEND][0]


def test_clear_request_gets_a_concrete_answer_and_unclear_gets_a_question():
    state = reply(start(WEEKEND), "Could Tom take Saturday?", REQUEST)
    state = reply(state, "Hmm.", UNCLEAR)
    assert responses(state) == [Response.ANSWER, Response.NEUTRAL]


def test_run_never_settles_before_the_fourth_turn():
    state = run(WEEKEND, [("Could Tom do it?", REQUEST)] * 3)
    assert state.ending is Ending.STOPPED and len(state.turns) == 3
    state = run(WEEKEND, [("Could Tom do it?", REQUEST)] * 8)
    assert state.ending is Ending.SETTLED and len(state.turns) == MIN_TURNS


def test_replying_after_the_end_is_refused():
    state = run(WEEKEND, [("Could Tom do it?", REQUEST)] * 4)
    with pytest.raises(ValueError, match="already ended"):
        reply(state, "one more", CLEAR)


analysis_strategy = st.builds(ReplyAnalysis, *[st.booleans()] * 7)


@given(st.sampled_from(scenario_library()), st.lists(analysis_strategy, min_size=8, max_size=8))
def test_engine_is_deterministic_and_always_ends_within_four_to_eight_turns(scenario, analyses):
    replies = [(f"reply {i}", a) for i, a in enumerate(analyses)]
    first, second = run(scenario, replies), run(scenario, replies)
    assert first == second
    assert first.ending in (Ending.SETTLED, Ending.OUT_OF_TURNS)
    assert MIN_TURNS <= len(first.turns) <= scenario.max_turns <= 8
    assert sum(t.response is Response.TEST for t in first.turns) <= 1


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("scenario", scenario_library(), ids=lambda s: s.id)
def test_every_shipped_scenario_runs_to_its_debrief(scenario, style):
    state = run(scenario, [(f"{style} reply", STYLES[style])] * 8)
    assert state.finished and state.ending is not Ending.STOPPED
    result = debrief(state)
    assert len(result.turns) >= MIN_TURNS
    assert result.what_worked and result.adjust
    draft = result.experiment_draft
    assert (draft.direction, draft.stakes) == (scenario.direction, scenario.stakes)
    assert draft.feared_outcome == scenario.feared_outcome
    assert all(t.line for t in result.turns)


def test_debrief_names_what_worked_with_turns_and_one_adjustment():
    replies = [
        ("You never listen.", BLAMING),
        ("I need my weekends back.", CLEAR),
        ("I need them, as I said.", CLEAR),
        ("Could Tom cover Saturday?", REQUEST),
    ]
    result = debrief(run(WEEKEND, replies))
    assert "You spoke from yourself, with an 'I', in turns 2, 3 and 4." in result.what_worked
    assert "When they tested you in turn 2, you held steady." in result.what_worked
    assert result.adjust.startswith("In turn 1 the reply pointed at what they do")
    assert result.best_line == "I need my weekends back."
    assert result.experiment_draft.technique is Technique.I_STATEMENT
    assert result.experiment_draft.statement_draft == "I need my weekends back."


def test_hedging_is_the_adjustment_when_there_was_no_blame():
    result = debrief(run(WEEKEND, [("Sorry, maybe not?", HEDGED)] * 8))
    assert "without the sorry" in result.adjust
    assert result.best_line == ""
    assert result.experiment_draft.technique is Technique.ROLE_PLAY


def test_connection_scenario_without_a_request_suggests_asking():
    scenario = next(s for s in scenario_library() if s.direction is Direction.TOWARD_CONNECTION)
    result = debrief(run(scenario, [("I feel stretched.", CLEAR)] * 8))
    assert "clear request" in result.adjust


def test_debrief_serialises_to_plain_data():
    data = debrief(run(WEEKEND, [("Could Tom do it?", REQUEST)] * 4)).to_dict()
    assert data["ending"] == "settled"
    assert data["turns"][0]["analysis"]["request"] is True
    assert data["experiment_draft"]["technique"] in ("role_play", "i_statement")


def test_replay_resumes_a_run_in_progress_exactly():
    from interplay.core.roleplay import replay

    replies = [("I need my weekend.", CLEAR), ("Sorry, maybe?", HEDGED)]
    resumed = reply(replay(WEEKEND, replies), "Could Tom do it?", REQUEST)
    assert not replay(WEEKEND, replies).finished
    assert resumed == replay(WEEKEND, [*replies, ("Could Tom do it?", REQUEST)])


@given(st.lists(analysis_strategy, max_size=12))
def test_replay_ignores_replies_after_the_end(analyses):
    from interplay.core.roleplay import replay

    replies = [(f"r{i}", a) for i, a in enumerate(analyses)]
    state = replay(WEEKEND, replies)
    assert len(state.turns) <= WEEKEND.max_turns
    assert state.finished or len(state.turns) == len(replies)


def test_experiment_draft_from_a_debrief_reads_back_as_a_plan():
    from interplay.core.practice import parse_plan

    result = debrief(run(WEEKEND, [("I need my weekend.", CLEAR)] * 8))
    assert parse_plan(result.to_dict()["experiment_draft"]) == result.experiment_draft
