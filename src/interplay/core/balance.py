"""The Balance Map: autonomy and connection (0-100) from scale scores, and the pattern they make.

The formula is documented in docs/instrument.md and is deliberately simple, so a coach can
follow it by hand from the evidence:

    n(s)       = (mean - 1) / 4            a scale mean put on 0..1
    autonomy   = 100 * weighted mean of  n(over_independence) x1,
                                         1 - n(dependence) x2,
                                         1 - n(confluence) x1
    connection = 100 * weighted mean of  n(interdependence) x2,
                                         1 - n(rigid_boundaries) x1,
                                         1 - n(over_independence) x1

Dependence weighs double on autonomy and interdependence double on connection because each is
the scale that speaks most directly to its axis. Over-independence counts on both sides, as the
article says: pride in managing alone is autonomy, and the same habit keeps people out. An axis
is computed from the scales that were scored, and needs at least two of its three.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from interplay.core.frozen import quick_init
from interplay.core.vocabulary import Pattern, Scale

PATTERN_MIDPOINT = 50.0  # at or above counts as high on that axis
MIN_PARTS_PER_AXIS = 2


@quick_init
@dataclass(frozen=True)
class AxisPart:
    """One scale's share of an axis: its mean, whether it counts as scored or inverted, its
    weight, and the 0..1 value it contributes."""

    scale: Scale
    score: float
    inverted: bool
    weight: int
    value: float


@quick_init
@dataclass(frozen=True)
class Axis:
    score: float | None
    parts: tuple[AxisPart, ...]
    missing: tuple[Scale, ...]


# (scale, inverted, weight)
AUTONOMY_PARTS: tuple[tuple[Scale, bool, int], ...] = (
    (Scale.OVER_INDEPENDENCE, False, 1),
    (Scale.DEPENDENCE, True, 2),
    (Scale.CONFLUENCE, True, 1),
)
CONNECTION_PARTS: tuple[tuple[Scale, bool, int], ...] = (
    (Scale.INTERDEPENDENCE, False, 2),
    (Scale.RIGID_BOUNDARIES, True, 1),
    (Scale.OVER_INDEPENDENCE, True, 1),
)


def unit(score: float) -> float:
    """A 1..5 mean on 0..1."""
    return (score - 1.0) / 4.0


# Every score a scale of up to TABLED_ITEMS items can have (its mean of whole answers to three
# places, as scoring stores it; the shipped scales have four to six items), with what the
# Balance Map and the stage make of it, each worked out once with the very expression used
# otherwise: `round(unit(score), 4)` and `round(1 - unit(score), 4)` (an axis part, forward
# and inverted) and `round(unit(score), 3)` (a stage's affinity). A float `round` costs
# thousands of instructions in CPython and a profile made nine of these; any score not in the
# table (a pulse's unrounded mean) is worked out as before.
TABLED_ITEMS = 12
_UNIT_VALUES: dict[float, tuple[float, float, float]] = {
    score: (round(unit(score), 4), round(1.0 - unit(score), 4), round(unit(score), 3))
    for count in range(1, TABLED_ITEMS + 1)
    for total in range(count, 5 * count + 1)  # answers run from 1 to 5
    for score in (round(total / count, 3),)
}


def is_tabled(score: float) -> bool:
    """Whether `score` is one of the table's (a mean of whole answers, as scoring stores it)."""
    return score in _UNIT_VALUES


def part_value(score: float, inverted: bool) -> float:
    """A scale's value on an axis: `round(1 - unit(score) if inverted else unit(score), 4)`."""
    known = _UNIT_VALUES.get(score)
    if known is None:
        return round(1.0 - unit(score) if inverted else unit(score), 4)
    return known[1] if inverted else known[0]


def unit_to_three(score: float) -> float:
    """`round(unit(score), 3)`: a stage's affinity from its scale's score."""
    known = _UNIT_VALUES.get(score)
    return round(unit(score), 3) if known is None else known[2]


# An axis part is the same for everyone with the same score: for a tabled score (above) it is
# made the first time it is needed and shared after, one per recipe entry and score (at most
# six entries times the table's scores). Keyed by the score alone, so no person's answers are
# kept; any other score (a pulse's unrounded mean, an int) makes its part afresh.
_PARTS: dict[tuple[Scale, bool, int], dict[float, AxisPart]] = {}


def axis(recipe: tuple[tuple[Scale, bool, int], ...], scores: Mapping[Scale, float]) -> Axis:
    parts: list[AxisPart] = []
    missing: list[Scale] = []
    weights: list[int] = []
    weighted: list[float] = []
    for entry in recipe:
        scale, inverted, weight = entry
        if scale not in scores:
            missing.append(scale)
            continue
        score = scores[scale]
        # floats only: an int 3 is an equal key to 3.0 but is written "3"
        tabled = type(score) is float and score in _UNIT_VALUES
        known = _PARTS.setdefault(entry, {})
        part = known.get(score) if tabled else None
        if part is None:
            part = AxisPart(scale, score, inverted, weight, part_value(score, inverted))
            if tabled:
                known[score] = part
        parts.append(part)
        weights.append(weight)
        weighted.append(part.value * weight)
    if len(parts) < MIN_PARTS_PER_AXIS:
        return Axis(None, tuple(parts), tuple(missing))
    # sums of lists in recipe order: the same additions as the formula written out
    score = 100.0 * sum(weighted) / sum(weights)
    return Axis(round(score, 1), tuple(parts), tuple(missing))


def autonomy_axis(scores: Mapping[Scale, float]) -> Axis:
    return axis(AUTONOMY_PARTS, scores)


def connection_axis(scores: Mapping[Scale, float]) -> Axis:
    return axis(CONNECTION_PARTS, scores)


def pattern_of(autonomy: float | None, connection: float | None) -> Pattern | None:
    if autonomy is None or connection is None:
        return None
    high_autonomy = autonomy >= PATTERN_MIDPOINT
    high_connection = connection >= PATTERN_MIDPOINT
    if high_autonomy and high_connection:
        return Pattern.INTERDEPENDENT
    if high_autonomy:
        return Pattern.OVER_INDEPENDENT
    if high_connection:
        return Pattern.DEPENDENT
    return Pattern.WITHDRAWN
