"""A reflected experiment as the growth rules read it (core.growth), and the one calm
sentence said after a reflection when the step is worth acknowledging."""

from __future__ import annotations

from collections.abc import Sequence

from interplay.core.growth import DoneExperiment, experiment_growth
from interplay.core.vocabulary import Outcome, Stakes
from interplay.web.labels.growth import growth_sentence
from interplay.web.practice.models import Experiment


def is_reflected(experiment: Experiment) -> bool:
    return bool(
        experiment.reflected and experiment.finished_at and experiment.feared_outcome_happened
    )


def done_experiment(experiment: Experiment) -> DoneExperiment:
    belief = experiment.belief if experiment.belief_id else None
    assert experiment.finished_at is not None
    return DoneExperiment(
        pk=experiment.pk,
        when=experiment.finished_at,
        title=experiment.title,
        stakes=Stakes(experiment.stakes),
        outcome=Outcome(experiment.feared_outcome_happened),
        tests_reframe=bool(belief and belief.alternative.strip()),
    )


def done_experiments(experiments: Sequence[Experiment]) -> list[DoneExperiment]:
    return [done_experiment(e) for e in experiments if is_reflected(e)]


def acknowledgement(experiment: Experiment, others: Sequence[Experiment]) -> str | None:
    """One sentence for what this reflection shows, or None when it shows nothing to mark
    (the ordinary thank-you is said instead)."""
    if not is_reflected(experiment):
        return None
    earlier = [
        d
        for d in done_experiments([e for e in others if e.pk != experiment.pk])
        if experiment.finished_at and d.when < experiment.finished_at
    ]
    found = experiment_growth(done_experiment(experiment), earlier)
    return " ".join(growth_sentence(g) for g in found) if found else None
