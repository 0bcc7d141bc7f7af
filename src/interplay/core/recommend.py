"""Choosing coaching questions and starter experiments for a profile.

Pure functions: they take what the profile found (`Needs`) and a bank or library (the shipped
one by default), and return picks that each say why they were chosen. The scoring of a pick is
deliberately plain so a coach can check it (docs/instrument.md, "Recommendations").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from interplay.core.experiments import Experiment, experiment_library
from interplay.core.questions import Question, question_bank
from interplay.core.vocabulary import (
    Barrier,
    Direction,
    Focus,
    Level,
    Scale,
    SessionPhase,
    Stage,
    Stakes,
)

QUESTION_LIMIT = 6
EXPERIMENT_LIMIT = 3
TOP_BARRIERS = 2  # the strongest barriers (moderate or high) that questions speak to

DIRECTIONS_FOR_FOCUS: dict[Focus, tuple[Direction, ...]] = {
    Focus.GAINING_SELF_SUFFICIENCY: (Direction.TOWARD_AUTONOMY,),
    Focus.LOOSENING_OVER_INDEPENDENCE: (Direction.TOWARD_CONNECTION,),
    Focus.BALANCING: (Direction.TOWARD_CONNECTION, Direction.TOWARD_AUTONOMY),
}


@dataclass(frozen=True)
class Needs:
    """What a recommendation can be matched against."""

    focus: Focus | None
    stage: Stage | None
    levels: Mapping[Scale, Level]  # every scored scale's band
    barriers: tuple[Barrier, ...]  # strongest first, moderate or high only


@dataclass(frozen=True)
class QuestionPick:
    id: str
    text: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ExperimentPick:
    id: str
    title: str
    text: str
    direction: Direction
    stakes: Stakes
    reasons: tuple[str, ...]


def _question_match(question: Question, needs: Needs) -> tuple[int, list[str]]:
    points = 0
    reasons: list[str] = []
    if needs.focus is not None and needs.focus in question.focus:
        points += 3
        reasons.append(f"fits the focus: {needs.focus.value}")
    if needs.stage is not None and needs.stage in question.stages:
        points += 2
        reasons.append(f"fits the stage: {needs.stage.value}")
    leading = needs.barriers[:TOP_BARRIERS]
    for scale in question.scales:
        # A leading barrier tagged both as a scale and as a barrier counts once, below.
        if scale.value in {barrier.value for barrier in leading if barrier in question.barriers}:
            continue
        if needs.levels.get(scale) is Level.HIGH:
            points += 2
            reasons.append(f"speaks to a high {scale.value} score")
    for barrier in question.barriers:
        if barrier in leading:
            points += 2
            reasons.append(f"speaks to a leading barrier: {barrier.value}")
    if points and question.from_article:
        points += 1
        reasons.append("one of the method's own questions")
    return points, reasons


def _is_general(question: Question) -> bool:
    return not (question.scales or question.stages or question.barriers or question.focus)


def recommend_questions(
    needs: Needs, bank: Sequence[Question] | None = None, limit: int = QUESTION_LIMIT
) -> tuple[QuestionPick, ...]:
    """Matching questions laid out along a session: the best match for each phase in turn
    (opening, exploring, emotional roots, experimenting, integrating, then round again), so a
    coach gets an arc rather than six variations on one theme; topped up with general
    questions when too few match. Within a phase the strongest match wins, ties keep the
    bank's order."""
    bank = question_bank() if bank is None else bank
    ranked: list[tuple[int, int, Question, tuple[str, ...]]] = []
    for position, question in enumerate(bank):
        points, reasons = _question_match(question, needs)
        if points >= 2:
            ranked.append((-points, position, question, tuple(reasons)))
    ranked.sort(key=lambda row: (row[0], row[1]))
    picks: list[QuestionPick] = []
    taken: set[str] = set()
    while len(picks) < limit and len(taken) < len(ranked):
        for phase in SessionPhase:
            if len(picks) >= limit:
                break
            for _, _, question, why in ranked:
                if question.id not in taken and phase in question.phases:
                    taken.add(question.id)
                    picks.append(QuestionPick(question.id, question.text, why))
                    break
    for question in bank:
        if len(picks) >= limit:
            break
        if _is_general(question):
            picks.append(
                QuestionPick(question.id, question.text, ("a general question for any profile",))
            )
    return tuple(picks)


def _experiment_match(experiment: Experiment, needs: Needs) -> tuple[int, list[str]]:
    points = 0
    reasons = [
        f"low stakes, {experiment.direction.value.replace('_', ' ')}, "
        f"for the focus {needs.focus.value if needs.focus else ''}".rstrip()
    ]
    for scale in experiment.scales:
        level = needs.levels.get(scale)
        if level is Level.HIGH:
            points += 2
            reasons.append(f"works on a high {scale.value} score")
        elif level is Level.MODERATE:
            points += 1
            reasons.append(f"works on a moderate {scale.value} score")
    return points, reasons


def recommend_experiments(
    needs: Needs,
    library: Sequence[Experiment] | None = None,
    limit: int = EXPERIMENT_LIMIT,
) -> tuple[ExperimentPick, ...]:
    """Starter experiments: low stakes only, in the direction the focus calls for (both
    directions, alternating, when balancing), best scale match first."""
    if needs.focus is None:
        return ()
    library = experiment_library() if library is None else library
    directions = DIRECTIONS_FOR_FOCUS[needs.focus]
    queues: dict[Direction, list[ExperimentPick]] = {}
    for direction in directions:
        ranked: list[tuple[int, int, ExperimentPick]] = []
        for position, experiment in enumerate(library):
            if experiment.stakes is not Stakes.LOW or experiment.direction is not direction:
                continue
            points, reasons = _experiment_match(experiment, needs)
            pick = ExperimentPick(
                experiment.id,
                experiment.title,
                experiment.text,
                experiment.direction,
                experiment.stakes,
                tuple(reasons),
            )
            ranked.append((-points, position, pick))
        queues[direction] = [pick for _, _, pick in sorted(ranked, key=lambda r: (r[0], r[1]))]
    picks: list[ExperimentPick] = []
    while len(picks) < limit and any(queues.values()):
        for direction in directions:
            if queues[direction] and len(picks) < limit:
                picks.append(queues[direction].pop(0))
    return tuple(picks)
