"""Choosing coaching questions and starter experiments for a profile.

Pure functions: they take what the profile found (`Needs`) and a bank or library (the shipped
one by default), and return picks that each say why they were chosen. The scoring of a pick is
deliberately plain so a coach can check it (docs/instrument.md, "Recommendations").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from interplay.core.experiments import Experiment, experiment_library
from interplay.core.frozen import quick_init
from interplay.core.question_index import (
    FOCUS_POINTS,
    FROM_ARTICLE_POINTS,
    FROM_METHOD,
    HIGH_SCALE_POINTS,
    LEADING_BARRIER_POINTS,
    STAGE_POINTS,
    bank_index,
    tagged,
)
from interplay.core.questions import Question, question_bank
from interplay.core.reasons import Reason, reason
from interplay.core.vocabulary import (
    Barrier,
    Direction,
    Focus,
    Level,
    Scale,
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


def _question_match(question: Question, needs: Needs) -> tuple[int, list[Reason]]:
    """The points a question scores for these needs, and the reasons for each point: the
    rule written plainly. `recommend_questions` ranks with `core/question_index.py`, which
    the tests hold to this."""
    points = 0
    reasons: list[Reason] = []
    if needs.focus is not None and needs.focus in question.focus:
        points += FOCUS_POINTS
        reasons.append(tagged("question.fits_focus", "focus", needs.focus))
    if needs.stage is not None and needs.stage in question.stages:
        points += STAGE_POINTS
        reasons.append(tagged("question.fits_stage", "stage", needs.stage))
    leading = needs.barriers[:TOP_BARRIERS]
    # A leading barrier tagged both as a scale and as a barrier counts once, below (a
    # barrier's id is its scale's id).
    counted_below = {barrier for barrier in leading if barrier in question.barriers}
    for scale in question.scales:
        if scale in counted_below:  # type: ignore[comparison-overlap]  # StrEnums: same ids
            continue
        if needs.levels.get(scale) is Level.HIGH:
            points += HIGH_SCALE_POINTS
            reasons.append(tagged("question.high_scale", "scale", scale))
    for barrier in question.barriers:
        if barrier in leading:
            points += LEADING_BARRIER_POINTS
            reasons.append(tagged("question.leading_barrier", "barrier", barrier))
    if points and question.from_article:
        points += FROM_ARTICLE_POINTS
        reasons.append(FROM_METHOD)
    return points, reasons


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
    index = bank_index(bank)
    focus, stage, levels = needs.focus, needs.stage, needs.levels
    leading = needs.barriers[:TOP_BARRIERS]
    ranked = index.ranked(index.points(focus, stage, levels, leading))
    # Each phase walks the ranking once, in C, through the questions it has: the questions
    # it passes by were taken by then (here or by another phase), so each phase's next pick
    # is the first untaken one after where it stopped, as if it had walked from the top.
    queues = [filter(positions.__contains__, ranked) for positions in index.phase_positions]
    chosen: list[int] = []
    taken: set[int] = set()
    while len(chosen) < limit and len(taken) < len(ranked):
        before = len(chosen)
        for queue in queues:
            if len(chosen) >= limit:
                break
            for position in queue:
                if position not in taken:
                    taken.add(position)
                    chosen.append(position)
                    break
        if len(chosen) == before:  # only a question with no phase is left: none to place
            break
    picks = [
        QuestionPick(
            bank[position].id,
            bank[position].text,
            index.reasons(position, focus, stage, levels, leading),
        )
        for position in chosen
    ]
    for question in index.general:
        if len(picks) >= limit:
            break
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
            reasons.append(tagged("experiment.high_scale", "scale", scale))
        elif level is Level.MODERATE:
            points += 1
            reasons.append(tagged("experiment.moderate_scale", "scale", scale))
    return points, reasons


# An experiment's points (`_experiment_match`'s: 2 for each high scale it names, 1 for each
# moderate one) are worked out for a whole pool at once, as the question index does
# (core/question_index.py): the experiment at position p of its pool holds its points in byte p
# of one whole number, and each scale has, per pool, the number that adds its points for a high
# and for a moderate band to every experiment naming it (twice for one naming it twice).
_LANE_BITS = 8
_LANE = (1 << _LANE_BITS) - 1
_HIGH_POINTS, _MODERATE_POINTS = 2, 1
_BAND_SLOT = {Level.HIGH: 0, Level.MODERATE: 1}  # a low band adds nothing


@dataclass(frozen=True)
class _Pool:
    """A direction's low-stakes experiments in library order, with each scale's points."""

    experiments: tuple[Experiment, ...]
    scale_points: Mapping[Scale, tuple[int, int]]  # scale -> (when high, when moderate)


_POOLS: dict[int, tuple[Sequence[Experiment], Mapping[Direction, _Pool]]] = {}


def _pool(experiments: list[Experiment]) -> _Pool:
    scale_points: dict[Scale, tuple[int, int]] = {}
    for position, experiment in enumerate(experiments):
        if _HIGH_POINTS * len(experiment.scales) > _LANE:
            raise ValueError(f"experiment {experiment.id!r} names too many scales to rank")
        lane = _LANE_BITS * position
        for scale in experiment.scales:
            high, moderate = scale_points.get(scale, (0, 0))
            scale_points[scale] = (
                high + (_HIGH_POINTS << lane),
                moderate + (_MODERATE_POINTS << lane),
            )
    return _Pool(tuple(experiments), scale_points)


def _low_stakes(library: Sequence[Experiment]) -> Mapping[Direction, _Pool]:
    """A library's low-stakes experiments by direction, in library order, sorted out once."""
    cached = _POOLS.get(id(library))
    if cached is not None and cached[0] is library:
        return cached[1]
    by_direction: dict[Direction, list[Experiment]] = {}
    for experiment in library:
        if experiment.stakes is Stakes.LOW:
            by_direction.setdefault(experiment.direction, []).append(experiment)
    found = {direction: _pool(rows) for direction, rows in by_direction.items()}
    if len(_POOLS) > 64:  # libraries made on the fly (tests): a few only
        _POOLS.clear()
    _POOLS[id(library)] = (library, found)
    return found


def _ranked(pool: _Pool, levels: Mapping[Scale, Level]) -> list[Experiment]:
    """The pool by points for these bands, the most first and ties in library order."""
    points = 0
    scale_points = pool.scale_points
    for scale, level in levels.items():
        slot = _BAND_SLOT.get(level)
        if slot is not None:
            found = scale_points.get(scale)
            if found is not None:
                points += found[slot]
    size = len(pool.experiments)
    lanes = list(points.to_bytes(size, "little"))
    # sorting is stable with reverse=True too, so equal points keep the library's order (a
    # list's `__getitem__` is called directly, a bytes' through a wrapper)
    order = sorted(range(size), key=lanes.__getitem__, reverse=True)
    return list(map(pool.experiments.__getitem__, order))


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
    pools = _low_stakes(library)
    queues: dict[Direction, list[Experiment]] = {
        direction: _ranked(pools[direction], needs.levels) if direction in pools else []
        for direction in directions
    }
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
