"""Choosing coaching questions and starter experiments for a profile.

Pure functions: they take what the profile found (`Needs`) and a bank or library (the shipped
one by default), and return picks that each say why they were chosen. The scoring of a pick is
deliberately plain so a coach can check it (docs/instrument.md, "Recommendations").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter

from interplay.core.experiments import Experiment, experiment_library
from interplay.core.frozen import quick_init
from interplay.core.questions import Question, question_bank
from interplay.core.reasons import Reason, reason
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


@quick_init
@dataclass(frozen=True)
class Needs:
    """What a recommendation can be matched against."""

    focus: Focus | None
    stage: Stage | None
    levels: Mapping[Scale, Level]  # every scored scale's band
    barriers: tuple[Barrier, ...]  # strongest first, moderate or high only


@quick_init
@dataclass(frozen=True)
class QuestionPick:
    id: str
    text: str
    reasons: tuple[Reason, ...]


@quick_init
@dataclass(frozen=True)
class ExperimentPick:
    id: str
    title: str
    text: str
    direction: Direction
    stakes: Stakes
    reasons: tuple[Reason, ...]


# Reasons with one tag as their parameter, made once per code and tag: a profile asks for the
# same few dozens again and again, and a dictionary look-up is cheaper than `reason`'s.
_TAGGED: dict[tuple[str, str], Reason] = {}


def _tagged(code: str, name: str, tag: str) -> Reason:
    made = _TAGGED.get((code, tag))
    if made is None:
        made = _TAGGED[(code, tag)] = reason(code, **{name: tag})
    return made


_BY_POINTS = itemgetter(0)  # rows are made in bank or library order, so ties keep that order


def _question_match(question: Question, needs: Needs) -> tuple[int, list[Reason]]:
    """The points a question scores for these needs, and the reasons for each point."""
    points = 0
    reasons: list[Reason] = []
    if needs.focus is not None and needs.focus in question.focus:
        points += 3
        reasons.append(_tagged("question.fits_focus", "focus", needs.focus))
    if needs.stage is not None and needs.stage in question.stages:
        points += 2
        reasons.append(_tagged("question.fits_stage", "stage", needs.stage))
    leading = needs.barriers[:TOP_BARRIERS]
    # A leading barrier tagged both as a scale and as a barrier counts once, below (a
    # barrier's id is its scale's id).
    counted_below = {barrier for barrier in leading if barrier in question.barriers}
    for scale in question.scales:
        if scale in counted_below:  # type: ignore[comparison-overlap]  # StrEnums: same ids
            continue
        if needs.levels.get(scale) is Level.HIGH:
            points += 2
            reasons.append(_tagged("question.high_scale", "scale", scale))
    for barrier in question.barriers:
        if barrier in leading:
            points += 2
            reasons.append(_tagged("question.leading_barrier", "barrier", barrier))
    if points and question.from_article:
        points += 1
        reasons.append(reason("question.from_method"))
    return points, reasons


@dataclass(frozen=True)
class _BankIndex:
    """A bank by tag, so ranking touches only the questions a person's needs name (a profile
    has a focus, a stage, a few high scales and two leading barriers; the bank has 84
    questions). Points are `_question_match`'s; a test holds the two together."""

    size: int
    by_focus: Mapping[Focus, tuple[int, ...]]
    by_stage: Mapping[Stage, tuple[int, ...]]
    by_scale: Mapping[Scale, tuple[int, ...]]
    by_barrier: Mapping[Barrier, tuple[int, ...]]
    # questions tagged with a scale and with the barrier of the same id: the scale's points
    # are not counted when that barrier leads (the barrier's are)
    scale_and_barrier: Mapping[Scale, frozenset[int]]
    from_article: tuple[bool, ...]


def _index(bank: Sequence[Question]) -> _BankIndex:
    by_focus: dict[Focus, list[int]] = {}
    by_stage: dict[Stage, list[int]] = {}
    by_scale: dict[Scale, list[int]] = {}
    by_barrier: dict[Barrier, list[int]] = {}
    both: dict[Scale, set[int]] = {}
    for position, question in enumerate(bank):
        for focus in dict.fromkeys(question.focus):
            by_focus.setdefault(focus, []).append(position)
        for stage in dict.fromkeys(question.stages):
            by_stage.setdefault(stage, []).append(position)
        for scale in question.scales:
            by_scale.setdefault(scale, []).append(position)
            if scale.value in {barrier.value for barrier in question.barriers}:
                both.setdefault(scale, set()).add(position)
        for barrier in question.barriers:
            by_barrier.setdefault(barrier, []).append(position)
    return _BankIndex(
        len(bank),
        {key: tuple(value) for key, value in by_focus.items()},
        {key: tuple(value) for key, value in by_stage.items()},
        {key: tuple(value) for key, value in by_scale.items()},
        {key: tuple(value) for key, value in by_barrier.items()},
        {key: frozenset(value) for key, value in both.items()},
        tuple(question.from_article for question in bank),
    )


_INDEXES: dict[int, tuple[Sequence[Question], _BankIndex]] = {}


def _bank_index(bank: Sequence[Question]) -> _BankIndex:
    cached = _INDEXES.get(id(bank))
    if cached is not None and cached[0] is bank:
        return cached[1]
    index = _index(bank)
    if len(_INDEXES) > 64:  # banks made on the fly (the session planner's phases): a few only
        _INDEXES.clear()
    _INDEXES[id(bank)] = (bank, index)
    return index


def _bank_points(index: _BankIndex, needs: Needs) -> list[int]:
    """Each question's points for these needs, in bank order."""
    points = [0] * index.size
    if needs.focus is not None:
        for position in index.by_focus.get(needs.focus, ()):
            points[position] += 3
    if needs.stage is not None:
        for position in index.by_stage.get(needs.stage, ()):
            points[position] += 2
    leading = needs.barriers[:TOP_BARRIERS]
    no_positions: frozenset[int] = frozenset()
    for scale, level in needs.levels.items():
        if level is not Level.HIGH:
            continue
        # StrEnums compare as their ids, so a scale meets the barrier of the same id here
        counted_below = (
            index.scale_and_barrier.get(scale, no_positions)
            if scale in leading  # type: ignore[comparison-overlap]
            else no_positions
        )
        for position in index.by_scale.get(scale, ()):
            if position not in counted_below:
                points[position] += 2
    for barrier in leading:
        for position in index.by_barrier.get(barrier, ()):
            points[position] += 2
    from_article = index.from_article
    return [
        point + 1 if point and from_article[position] else point
        for position, point in enumerate(points)
    ]


def _is_general(question: Question) -> bool:
    return not (question.scales or question.stages or question.barriers or question.focus)


_PHASES = tuple(SessionPhase)
_GENERAL = (reason("question.general"),)


def recommend_questions(
    needs: Needs, bank: Sequence[Question] | None = None, limit: int = QUESTION_LIMIT
) -> tuple[QuestionPick, ...]:
    """Matching questions laid out along a session: the best match for each phase in turn
    (opening, exploring, emotional roots, experimenting, integrating, then round again), so a
    coach gets an arc rather than six variations on one theme; topped up with general
    questions when too few match. Within a phase the strongest match wins, ties keep the
    bank's order."""
    bank = question_bank() if bank is None else bank
    ranked = [
        (-points, position, bank[position])
        for position, points in enumerate(_bank_points(_bank_index(bank), needs))
        if points >= 2
    ]
    ranked.sort(key=_BY_POINTS)
    chosen: list[Question] = []
    taken: set[str] = set()
    while len(chosen) < limit and len(taken) < len(ranked):
        for phase in _PHASES:
            if len(chosen) >= limit:
                break
            for _, _, question in ranked:
                if question.id not in taken and phase in question.phases:
                    taken.add(question.id)
                    chosen.append(question)
                    break
    picks = [
        QuestionPick(question.id, question.text, tuple(_question_match(question, needs)[1]))
        for question in chosen
    ]
    for question in bank:
        if len(picks) >= limit:
            break
        if _is_general(question):
            picks.append(QuestionPick(question.id, question.text, _GENERAL))
    return tuple(picks)


_DIRECTION_REASONS: dict[tuple[str, str], Reason] = {}  # one per direction and focus


def _experiment_match(experiment: Experiment, needs: Needs) -> tuple[int, list[Reason]]:
    points = 0
    key = (experiment.direction, needs.focus or "")
    direction = _DIRECTION_REASONS.get(key)
    if direction is None:
        direction = _DIRECTION_REASONS[key] = reason(
            "experiment.direction", direction=key[0], focus=key[1]
        )
    reasons = [direction]
    for scale in experiment.scales:
        level = needs.levels.get(scale)
        if level is Level.HIGH:
            points += 2
            reasons.append(_tagged("experiment.high_scale", "scale", scale))
        elif level is Level.MODERATE:
            points += 1
            reasons.append(_tagged("experiment.moderate_scale", "scale", scale))
    return points, reasons


def _experiment_points(experiment: Experiment, levels: Mapping[Scale, Level]) -> int:
    """`_experiment_match`'s points without its reasons, for ranking the library."""
    points = 0
    for scale in experiment.scales:
        level = levels.get(scale)
        if level is Level.HIGH:
            points += 2
        elif level is Level.MODERATE:
            points += 1
    return points


_CANDIDATES: dict[int, tuple[Sequence[Experiment], Mapping[Direction, tuple[Experiment, ...]]]] = {}


def _low_stakes(library: Sequence[Experiment]) -> Mapping[Direction, tuple[Experiment, ...]]:
    """A library's low-stakes experiments by direction, in library order, sorted out once."""
    cached = _CANDIDATES.get(id(library))
    if cached is not None and cached[0] is library:
        return cached[1]
    by_direction: dict[Direction, list[Experiment]] = {}
    for experiment in library:
        if experiment.stakes is Stakes.LOW:
            by_direction.setdefault(experiment.direction, []).append(experiment)
    found = {direction: tuple(rows) for direction, rows in by_direction.items()}
    if len(_CANDIDATES) > 64:  # libraries made on the fly (tests): a few only
        _CANDIDATES.clear()
    _CANDIDATES[id(library)] = (library, found)
    return found


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
    candidates = _low_stakes(library)
    levels = needs.levels
    queues: dict[Direction, list[Experiment]] = {}
    for direction in directions:
        ranked = [
            (-_experiment_points(experiment, levels), experiment)
            for experiment in candidates.get(direction, ())
        ]
        ranked.sort(key=_BY_POINTS)
        queues[direction] = [experiment for _, experiment in ranked]
    chosen: list[Experiment] = []
    while len(chosen) < limit and any(queues.values()):
        for direction in directions:
            if queues[direction] and len(chosen) < limit:
                chosen.append(queues[direction].pop(0))
    return tuple(
        ExperimentPick(
            experiment.id,
            experiment.title,
            experiment.text,
            experiment.direction,
            experiment.stakes,
            tuple(_experiment_match(experiment, needs)[1]),
        )
        for experiment in chosen
    )
