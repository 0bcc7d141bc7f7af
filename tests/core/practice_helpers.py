"""Small builders for experiment records, shared by the practice tests."""

from interplay.core.practice import ExperimentPlan, ExperimentRecord, ExperimentReflection
from interplay.core.vocabulary import Direction, ExperimentStatus, Outcome, Stakes, Technique


def plan(
    direction=Direction.TOWARD_AUTONOMY,
    stakes=Stakes.LOW,
    experiment_id=None,
    anxiety=6,
    belief_id=None,
    title="A small no",
):
    return ExperimentPlan(
        title=title,
        technique=Technique.START_SMALL,
        direction=direction,
        stakes=stakes,
        what="Turn down one small request",
        anxiety_predicted=anxiety,
        experiment_id=experiment_id,
        belief_id=belief_id,
    )


def done(plan_, during=3, happened=Outcome.NO):
    return ExperimentRecord(
        plan=plan_,
        status=ExperimentStatus.DONE,
        reflection=ExperimentReflection(
            what_happened="It went fine", anxiety_during=during, feared_outcome_happened=happened
        ),
    )


def success(direction=Direction.TOWARD_AUTONOMY, stakes=Stakes.LOW, **kwargs):
    return done(plan(direction, stakes, **kwargs), during=3, happened=Outcome.NO)


def not_yet(direction=Direction.TOWARD_AUTONOMY, stakes=Stakes.LOW, **kwargs):
    """Done and reflected, but the fear came true and anxiety ran higher than predicted."""
    return done(plan(direction, stakes, anxiety=2, **kwargs), during=8, happened=Outcome.YES)


def with_status(status, direction=Direction.TOWARD_AUTONOMY, stakes=Stakes.LOW, **kwargs):
    return ExperimentRecord(plan=plan(direction, stakes, **kwargs), status=status)
