"""Stored experiments as the core's records, so the ladder, the history and belief outcomes
are computed by the same pure functions the CLI uses."""

from __future__ import annotations

from collections.abc import Iterable

from interplay.core.practice import ExperimentPlan, ExperimentRecord, ExperimentReflection
from interplay.core.values import Belief as CoreBelief
from interplay.core.vocabulary import Direction, ExperimentStatus, Outcome, Stakes, Technique
from interplay.web.practice.models import Experiment
from interplay.web.values.models import Belief


def plan_of(experiment: Experiment) -> ExperimentPlan:
    return ExperimentPlan(
        title=experiment.title,
        technique=Technique(experiment.technique),
        direction=Direction(experiment.direction),
        stakes=Stakes(experiment.stakes),
        what=experiment.what,
        who_with=experiment.who_with,
        when=experiment.when,
        feared_outcome=experiment.feared_outcome,
        anxiety_predicted=experiment.anxiety_predicted,
        statement_draft=experiment.statement_draft,
        value_id=str(experiment.value_id) if experiment.value_id else None,
        belief_id=str(experiment.belief_id) if experiment.belief_id else None,
        experiment_id=experiment.library_id or None,
    )


def record_of(experiment: Experiment) -> ExperimentRecord:
    status = ExperimentStatus(experiment.status)
    reflection = None
    if status is ExperimentStatus.DONE and experiment.anxiety_during is not None:
        reflection = ExperimentReflection(
            what_happened=experiment.what_happened or "-",
            anxiety_during=experiment.anxiety_during,
            feared_outcome_happened=Outcome(experiment.feared_outcome_happened),
            how_it_felt=experiment.how_it_felt,
            what_worked=experiment.what_worked,
            what_to_change=experiment.what_to_change,
        )
    return ExperimentRecord(
        plan=plan_of(experiment),
        status=status,
        reflection=reflection,
        note=experiment.note,
        planned_on=experiment.created_at.date(),
        finished_on=experiment.finished_at.date() if experiment.finished_at else None,
    )


def records_of(experiments: Iterable[Experiment]) -> list[ExperimentRecord]:
    """Accepted experiments only: a coach's suggestion counts once the client takes it up."""
    return [record_of(e) for e in experiments if e.accepted]


def core_belief(belief: Belief) -> CoreBelief:
    return CoreBelief(
        id=str(belief.pk),
        belief=belief.belief,
        origin=belief.origin,
        cost=belief.cost,
        protects=belief.protects,
        alternative=belief.alternative,
        shared=belief.shared_with_coach,
    )
