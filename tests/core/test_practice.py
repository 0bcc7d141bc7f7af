"""Experiment plans and reflections: validation naming the field, and what counts as a success."""

import pytest

from interplay.core.practice import (
    ExperimentRecord,
    PracticeError,
    is_success,
    parse_plan,
    parse_reflection,
    plan_gaps,
)
from interplay.core.vocabulary import Direction, ExperimentStatus, Outcome, Stakes, Technique
from tests.core.practice_helpers import done, plan, with_status

VALID_PLAN = {
    "title": "A small no",
    "technique": "start_small",
    "direction": "toward_autonomy",
    "stakes": "low",
    "what": "Say no to the Friday drinks rota",
    "who_with": "Sam",
    "when": "Friday",
    "feared_outcome": "Sam will be cross",
    "anxiety_predicted": 6,
}


def test_parse_plan_reads_every_field_into_the_vocabulary():
    parsed = parse_plan(
        {**VALID_PLAN, "statement_draft": "I can't this week.", "value_id": "v-rest"}
    )
    assert parsed.technique is Technique.START_SMALL
    assert parsed.direction is Direction.TOWARD_AUTONOMY
    assert parsed.stakes is Stakes.LOW
    assert parsed.anxiety_predicted == 6
    assert parsed.value_id == "v-rest"
    assert parsed.belief_id is None
    assert plan_gaps(parsed) == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", ""),
        ("technique", "shouting"),
        ("direction", "sideways"),
        ("stakes", "enormous"),
        ("what", "   "),
        ("anxiety_predicted", 11),
        ("anxiety_predicted", -1),
        ("anxiety_predicted", 4.5),
        ("anxiety_predicted", True),
        ("who_with", 3),
    ],
)
def test_bad_plan_value_raises_error_naming_the_field(field, value):
    with pytest.raises(PracticeError) as caught:
        parse_plan({**VALID_PLAN, field: value})
    assert caught.value.field == field
    assert f"'{field}'" in str(caught.value)


def test_plan_without_prediction_is_a_draft_with_named_gaps():
    draft = parse_plan(
        {k: v for k, v in VALID_PLAN.items() if k not in ("when", "anxiety_predicted")}
    )
    assert plan_gaps(draft) == ["when", "anxiety_predicted"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("what_happened", ""), ("anxiety_during", 12), ("feared_outcome_happened", "maybe")],
)
def test_bad_reflection_value_raises_error_naming_the_field(field, value):
    good = {"what_happened": "I said no", "anxiety_during": 4, "feared_outcome_happened": "partly"}
    with pytest.raises(PracticeError) as caught:
        parse_reflection({**good, field: value})
    assert caught.value.field == field


def test_missing_anxiety_during_is_named():
    with pytest.raises(PracticeError, match="anxiety_during"):
        parse_reflection({"what_happened": "x", "feared_outcome_happened": "no"})


def test_reflection_on_a_skipped_experiment_is_refused():
    reflected = done(plan())
    with pytest.raises(PracticeError, match="reflection"):
        ExperimentRecord(reflected.plan, ExperimentStatus.SKIPPED, reflected.reflection)


def test_success_when_feared_outcome_did_not_happen_even_if_anxiety_ran_high():
    assert is_success(done(plan(anxiety=2), during=9, happened=Outcome.NO))


def test_success_when_anxiety_during_was_no_higher_than_predicted():
    assert is_success(done(plan(anxiety=6), during=6, happened=Outcome.YES))


def test_not_a_success_when_fear_came_true_and_anxiety_exceeded_prediction():
    assert not is_success(done(plan(anxiety=3), during=7, happened=Outcome.PARTLY))


@pytest.mark.parametrize(
    "status", [ExperimentStatus.PLANNED, ExperimentStatus.SKIPPED, ExperimentStatus.ABANDONED]
)
def test_experiments_not_done_are_never_successes(status):
    assert not is_success(with_status(status))


def test_plan_from_library_is_a_draft_linked_to_the_experiment():
    from interplay.core.experiments import experiment_library
    from interplay.core.practice import plan_from_library

    experiment = experiment_library()[0]
    draft = plan_from_library(experiment, belief_id="b1")
    assert (draft.experiment_id, draft.stakes, draft.belief_id) == (
        experiment.id,
        experiment.stakes,
        "b1",
    )
    assert plan_gaps(draft) == ["who_with", "when", "feared_outcome", "anxiety_predicted"]


def test_plan_round_trips_through_plain_data():
    from interplay.core.practice import plan_to_dict

    parsed = parse_plan({**VALID_PLAN, "belief_id": "b1"})
    assert parse_plan(plan_to_dict(parsed)) == parsed
