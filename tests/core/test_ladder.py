"""The ladder: start low, climb only after reflected successes, per direction, by focus."""

from hypothesis import given
from hypothesis import strategies as st

from interplay.core.experiments import experiment_library
from interplay.core.ladder import SUCCESSES_TO_CLIMB, ladder_state, next_suggestions, rung_index
from interplay.core.practice import is_success
from interplay.core.vocabulary import Direction, ExperimentStatus, Focus, Outcome, Stakes
from tests.core.practice_helpers import done, not_yet, plan, success, with_status

AUTONOMY = Direction.TOWARD_AUTONOMY
CONNECTION = Direction.TOWARD_CONNECTION
LIBRARY = experiment_library()


def test_empty_history_suggests_only_low_stakes():
    suggestions = next_suggestions(Focus.BALANCING, [], LIBRARY, limit=6)
    assert len(suggestions) == 6
    assert {s.experiment.stakes for s in suggestions} == {Stakes.LOW}


def test_one_success_is_not_enough_to_climb():
    assert ladder_state([success()], AUTONOMY).rung is Stakes.LOW
    assert ladder_state([success()], AUTONOMY).successes_to_next == SUCCESSES_TO_CLIMB - 1


def test_two_low_successes_move_up_to_medium_in_that_direction_only():
    history = [success(), success()]
    assert ladder_state(history, AUTONOMY).rung is Stakes.MEDIUM
    assert ladder_state(history, CONNECTION).rung is Stakes.LOW


def test_skipped_abandoned_and_unsuccessful_experiments_never_move_the_ladder():
    history = [
        with_status(ExperimentStatus.SKIPPED),
        with_status(ExperimentStatus.ABANDONED),
        with_status(ExperimentStatus.PLANNED),
        not_yet(),
        not_yet(),
    ]
    assert ladder_state(history, AUTONOMY).rung is Stakes.LOW


def test_medium_successes_climb_to_the_top_rung():
    history = [success(), success(), success(stakes=Stakes.MEDIUM), success(stakes=Stakes.MEDIUM)]
    state = ladder_state(history, AUTONOMY)
    assert state.rung is Stakes.HIGH
    assert state.successes_to_next == 0
    assert "top of the ladder" in state.explain()


def test_focus_on_self_sufficiency_suggests_only_toward_autonomy():
    suggestions = next_suggestions(Focus.GAINING_SELF_SUFFICIENCY, [], LIBRARY, limit=5)
    assert {s.experiment.direction for s in suggestions} == {AUTONOMY}


def test_focus_on_loosening_over_independence_suggests_only_toward_connection():
    suggestions = next_suggestions(Focus.LOOSENING_OVER_INDEPENDENCE, [], LIBRARY, limit=5)
    assert {s.experiment.direction for s in suggestions} == {CONNECTION}


def test_balancing_alternates_directions_starting_with_the_one_with_fewer_successes():
    suggestions = next_suggestions(Focus.BALANCING, [success()], LIBRARY, limit=4)
    assert [s.experiment.direction for s in suggestions] == [
        CONNECTION,
        AUTONOMY,
        CONNECTION,
        AUTONOMY,
    ]


def test_experiment_in_progress_is_never_suggested():
    first = next_suggestions(Focus.GAINING_SELF_SUFFICIENCY, [], LIBRARY, limit=1)[0]
    history = [with_status(ExperimentStatus.PLANNED, experiment_id=first.experiment.id)]
    ids = [
        s.experiment.id
        for s in next_suggestions(Focus.GAINING_SELF_SUFFICIENCY, history, LIBRARY, limit=50)
    ]
    assert first.experiment.id not in ids


def test_after_climbing_current_rung_comes_before_consolidation_below():
    history = [success(), success()]
    suggestions = next_suggestions(Focus.GAINING_SELF_SUFFICIENCY, history, LIBRARY, limit=50)
    stakes = [s.experiment.stakes for s in suggestions]
    assert stakes[0] is Stakes.MEDIUM
    assert Stakes.HIGH not in stakes
    assert stakes.index(Stakes.LOW) > max(i for i, s in enumerate(stakes) if s is Stakes.MEDIUM)
    assert "to consolidate" in suggestions[-1].reason


def test_each_suggestion_carries_the_ladder_evidence():
    suggestion = next_suggestions(Focus.GAINING_SELF_SUFFICIENCY, [success()], LIBRARY, limit=1)[0]
    assert "1 of 2 reflected successes" in suggestion.reason


def test_zero_limit_gives_nothing():
    assert next_suggestions(Focus.BALANCING, [], LIBRARY, limit=0) == []


record_strategy = st.builds(
    lambda kind, direction, stakes: {
        "success": success,
        "not_yet": not_yet,
    }.get(kind, lambda d, s: with_status(ExperimentStatus(kind), d, s))(direction, stakes),
    st.sampled_from(["success", "not_yet", "planned", "skipped", "abandoned"]),
    st.sampled_from(list(Direction)),
    st.sampled_from(list(Stakes)),
)


@given(st.lists(record_strategy, max_size=25), st.sampled_from(list(Focus)))
def test_ladder_never_skips_a_rung_without_successes(history, focus):
    for direction in Direction:
        rung = rung_index(ladder_state(history, direction).rung)
        for below in range(rung):
            # Every rung passed needs enough successes at that level or above.
            won = [
                r
                for r in history
                if r.plan.direction is direction
                and is_success(r)
                and rung_index(r.plan.stakes) >= below
            ]
            assert len(won) >= SUCCESSES_TO_CLIMB
    for suggestion in next_suggestions(focus, history, LIBRARY, limit=10):
        state = ladder_state(history, suggestion.experiment.direction)
        assert rung_index(suggestion.experiment.stakes) <= rung_index(state.rung)


def test_balancing_with_no_history_follows_the_profile_recommendations_order():
    from interplay.core.recommend import DIRECTIONS_FOR_FOCUS

    suggestions = next_suggestions(Focus.BALANCING, [], LIBRARY, limit=2)
    assert (
        tuple(s.experiment.direction for s in suggestions) == DIRECTIONS_FOR_FOCUS[Focus.BALANCING]
    )


def test_ladder_reasons_are_codes_a_page_can_render_in_any_language():
    state = ladder_state([], Direction.TOWARD_AUTONOMY)
    explained = state.explain()
    assert explained.code == "ladder.climbing"
    assert dict(explained.params) == {
        "rung": "low",
        "direction": "toward_autonomy",
        "done": 0,
        "needed": SUCCESSES_TO_CLIMB,
    }
    suggestion = next_suggestions(Focus.GAINING_SELF_SUFFICIENCY, [], LIBRARY, limit=1)[0]
    assert [part.code for part in suggestion.reasons][0] == "ladder.climbing"
    assert suggestion.reason == " ".join(suggestion.reasons)


def test_a_finished_experiment_is_never_suggested_again():
    first = next_suggestions(Focus.GAINING_SELF_SUFFICIENCY, [], LIBRARY, limit=1)[0]
    history = [done(plan(experiment_id=first.experiment.id), happened=Outcome.YES)]
    ids = [
        s.experiment.id
        for s in next_suggestions(Focus.GAINING_SELF_SUFFICIENCY, history, LIBRARY, limit=50)
    ]
    assert ids and first.experiment.id not in ids
