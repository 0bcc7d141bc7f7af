"""Scoring the self-assessment: validated answers in, scale scores with their evidence out.

Pure functions over an instrument (a sequence of `Item`s, the shipped one by default), so tests
can score small instruments of their own. The rules are documented in docs/instrument.md:
reverse keying, the 75% rule, the band cut points and the acquiescence index.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import compress
from operator import attrgetter, getitem

from interplay.core.frozen import quick_init
from interplay.core.instrument import ANSWER_MAX, ANSWER_MIN, Item, instrument_items
from interplay.core.reasons import Reason, reason
from interplay.core.vocabulary import CORE_SCALES, Level, Scale

# A scale is scored only when at least this share of its items is answered: fewer answers make
# one item too heavy a part of the mean for the score to say much.
MIN_ANSWERED_SHARE = 0.75

# Band cut points on the 1-5 mean. The midpoint 3 is "neither agree nor disagree"; a mean beyond
# half a point from it, on either side, leans clearly one way. No norms exist yet, so these are
# fixed anchors on the answer scale, not percentiles of a population.
LOW_BELOW = 2.5  # mean < 2.5 is low
HIGH_ABOVE = 3.5  # mean > 3.5 is high; 2.5 to 3.5 inclusive is moderate

# Acquiescence: on balanced scales (with items keyed both ways) a consistent person's raw
# agreement averages near 3 whatever their trait level. An index at or above this means they
# tend to agree with statements and with their opposites alike.
ACQUIESCENCE_FLAG_AT = 3.75
ACQUIESCENCE_MIN_SCALES = 3  # balanced scales needed before the index is worth reporting


class AnswerError(ValueError):
    """Answers that cannot be scored. The message names the item at fault."""

    def __init__(self, item_id: str | None, problem: str) -> None:
        self.item_id = item_id
        self.problem = problem
        super().__init__(f"item {item_id!r}: {problem}" if item_id is not None else problem)


@quick_init
@dataclass(frozen=True)
class ItemAnswer:
    """One answer as evidence: what was asked, what the person said and how it counted."""

    item_id: str
    text: str
    answer: int
    keyed: int
    reverse: bool


@quick_init
@dataclass(frozen=True)
class ScaleScore:
    scale: Scale
    score: float  # mean of keyed answers, 1..5
    level: Level
    answered: int
    total: int
    answers: tuple[ItemAnswer, ...]


@quick_init
@dataclass(frozen=True)
class Unscored:
    scale: Scale
    answered: int
    total: int
    needed: int
    reason: Reason


@quick_init
@dataclass(frozen=True)
class Acquiescence:
    # Mean raw agreement (1..5) over balanced scales, each scale weighing its forward and its
    # reverse-keyed items equally; None when too few balanced scales were answered.
    index: float | None
    balanced_scales: int
    mean_agreement: float  # plain mean raw answer over every answered item
    flagged: bool
    note: Reason


@quick_init
@dataclass(frozen=True)
class ScoreSheet:
    answers: Mapping[str, int]
    scored: Mapping[Scale, ScaleScore]
    unscored: Mapping[Scale, Unscored]
    acquiescence: Acquiescence


def needed_answers(total: int) -> int:
    return math.ceil(total * MIN_ANSWERED_SHARE)


def band(score: float) -> Level:
    if score < LOW_BELOW:
        return Level.LOW
    if score > HIGH_ABOVE:
        return Level.HIGH
    return Level.MODERATE


@cache
def _means_of(count: int) -> tuple[tuple[float, Level], ...]:
    """Every mean `count` whole answers can have, indexed by their sum: the score as stored
    (three places) and its band, worked out once per count with the very expressions scoring
    used (`round(total / count, 3)`, `band(total / count)`), so a scale's mean is one look-up
    instead of a division, a `round` (thousands of instructions in CPython) and a call."""
    return tuple(
        (round(total / count, 3), band(total / count)) for total in range(ANSWER_MAX * count + 1)
    )


def _valid_answer(item_id: str, value: object) -> int:
    # bool is an int in Python, and 4.0 or "4" are easy mistakes from a web form: refuse them
    # all by name rather than guess what was meant.
    if isinstance(value, bool) or not isinstance(value, int):
        shown = type(value).__name__
        raise AnswerError(
            item_id,
            f"answer must be a whole number from {ANSWER_MIN} to {ANSWER_MAX}, "
            f"got {value!r} ({shown})",
        )
    if not ANSWER_MIN <= value <= ANSWER_MAX:
        raise AnswerError(item_id, f"answer must be from {ANSWER_MIN} to {ANSWER_MAX}, got {value}")
    return value


@dataclass(frozen=True)
class _Plan:
    """An instrument laid out once for scoring: its items by scale, and every possible answer
    to every item already made into its evidence (five per item), so scoring a person builds
    no `ItemAnswer` and walks no list it has walked before."""

    known: frozenset[str]
    by_scale: tuple[tuple[Scale, tuple[Item, ...]], ...]
    evidence: Mapping[str, tuple[ItemAnswer, ...]]  # item id -> index answer - ANSWER_MIN
    # per scale: its items' ids with their evidence, its item count and the answers it needs,
    # so scoring a scale is one walk over its ids with nothing worked out again
    scales: tuple[tuple[Scale, tuple[tuple[str, tuple[ItemAnswer, ...]], ...], int, int], ...]
    # per core scale: the ids of its forward and of its reverse-keyed items
    balanced: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    # For a person who answered every item (three in four do): the item ids scale by scale
    # (`by_scale`'s order), so their answers are one tuple read in C; then per scale the
    # stretch of that tuple it holds, each item's evidence indexed by the answer itself, which
    # of its items are forward and which reverse-keyed (masks for `compress`), what the
    # reverse-keyed items' flips add up to (a flipped answer is ANSWER_MIN + ANSWER_MAX -
    # answer), its item count, its means by keyed sum (`_means_of`), and, for one of
    # `balanced`'s scales (in their order), its counts of forward and of reverse-keyed items.
    order: tuple[str, ...]
    complete: tuple[
        tuple[
            Scale,
            int,
            int,
            tuple[tuple[ItemAnswer, ...], ...],
            tuple[bool, ...],
            tuple[bool, ...],
            int,
            int,
            tuple[tuple[float, Level], ...],
            tuple[int, int] | None,
        ],
        ...,
    ]
    # per scale with too few answers, by how many it has: its `Unscored` (the same for anyone)
    short: Mapping[Scale, tuple[Unscored, ...]]
    # the means of as many whole answers as the instrument has items (`_means_of`)
    all_means: tuple[tuple[float, Level], ...]


_PLANS: dict[int, tuple[Sequence[Item], _Plan]] = {}


def _plan(items: Sequence[Item]) -> _Plan:
    cached = _PLANS.get(id(items))
    if cached is not None and cached[0] is items:
        return cached[1]
    by_scale = tuple(
        (scale, scale_items)
        for scale in Scale
        if (scale_items := tuple(item for item in items if item.scale == scale))
    )
    evidence = {
        item.id: tuple(
            ItemAnswer(item.id, item.text, value, item.keyed(value), item.reverse)
            for value in range(ANSWER_MIN, ANSWER_MAX + 1)
        )
        for item in items
    }
    balanced = tuple(
        (
            tuple(i.id for i in items if i.scale == scale and not i.reverse),
            tuple(i.id for i in items if i.scale == scale and i.reverse),
        )
        for scale in CORE_SCALES
    )
    scales = tuple(
        (
            scale,
            tuple((item.id, evidence[item.id]) for item in scale_items),
            len(scale_items),
            needed_answers(len(scale_items)),
        )
        for scale, scale_items in by_scale
    )
    balanced_scales = [
        scale
        for scale, (forward_ids, reverse_ids) in zip(CORE_SCALES, balanced, strict=True)
        if forward_ids and reverse_ids
    ]
    order = tuple(item.id for _, scale_items in by_scale for item in scale_items)
    complete = []
    start = 0
    for scale, scale_items in by_scale:
        stop = start + len(scale_items)
        reverse_count = sum(1 for item in scale_items if item.reverse)
        complete.append(
            (
                scale,
                start,
                stop,
                # indexed by the answer itself; below ANSWER_MIN (never read) repeats the first
                tuple(
                    tuple(
                        evidence[item.id][max(0, value - ANSWER_MIN)]
                        for value in range(ANSWER_MAX + 1)
                    )
                    for item in scale_items
                ),
                tuple(not item.reverse for item in scale_items),
                tuple(item.reverse for item in scale_items),
                (ANSWER_MIN + ANSWER_MAX) * reverse_count,
                len(scale_items),
                _means_of(len(scale_items)),
                (
                    (sum(1 for item in scale_items if not item.reverse), reverse_count)
                    if scale in balanced_scales
                    else None
                ),
            )
        )
        start = stop
    # The index adds the balanced scales' means in `balanced`'s order (the vocabulary's core
    # scales): scoring walks `by_scale` (the vocabulary's order of all scales), the same one.
    if [row[0] for row in complete if row[-1] is not None] != balanced_scales:
        raise ValueError("the core scales must come in the vocabulary's order of all scales")
    short = {
        scale: tuple(
            Unscored(
                scale,
                count,
                total,
                needed,
                reason("unscored.too_few_answers", answered=count, total=total, needed=needed),
            )
            for count in range(needed)
        )
        for scale, _, total, needed in scales
    }
    all_means = _means_of(len(evidence))
    plan = _Plan(
        frozenset(evidence),
        by_scale,
        evidence,
        scales,
        balanced,
        order,
        tuple(complete),
        short,
        all_means,
    )
    if len(_PLANS) > 32:  # instruments made on the fly (tests, the pulse): keep a few only
        _PLANS.clear()
    _PLANS[id(items)] = (items, plan)
    return plan


def validate_answers(
    answers: Mapping[str, object], items: Sequence[Item] | None = None
) -> dict[str, int]:
    """Check every answer against the instrument; raise `AnswerError` naming the first bad one."""
    items = instrument_items() if items is None else items
    return _validate(answers, _plan(items).known)


_INT_ONLY = {int}
_ANSWER_RANGE = frozenset(range(ANSWER_MIN, ANSWER_MAX + 1))


def _validate(answers: Mapping[str, object], known: frozenset[str]) -> dict[str, int]:
    # (a plain dict is asked first: the ABC's isinstance costs a Python call)
    if type(answers) is not dict and not isinstance(answers, Mapping):
        raise AnswerError(None, "answers must map item ids to whole numbers from 1 to 5")
    if not answers:
        raise AnswerError(None, "no answers given: answer at least one item")
    # The common case, every id known and every answer a whole number in range, is checked
    # in C over the whole set at once; anything else takes the loop that names the fault.
    # (The types are checked first: True and 4.0 would pass the range test as 1 and 4.)
    values = answers.values()
    if (
        known.issuperset(answers)
        and set(map(type, values)) == _INT_ONLY
        and _ANSWER_RANGE.issuperset(values)
    ):
        return dict(answers)  # type: ignore[arg-type]  # every value was just checked an int
    valid: dict[str, int] = {}
    for item_id, value in answers.items():
        if not isinstance(item_id, str) or item_id not in known:
            raise AnswerError(str(item_id), "unknown item id")
        # The common case (a whole number in range) is checked with one test; anything else
        # goes to the checks that say what was wrong.
        if type(value) is int and ANSWER_MIN <= value <= ANSWER_MAX:
            valid[item_id] = value
        else:
            valid[item_id] = _valid_answer(item_id, value)
    return valid


_KEYED = attrgetter("keyed")


def _score_scale(
    scale: Scale,
    layout: tuple[tuple[str, tuple[ItemAnswer, ...]], ...],
    total: int,
    needed: int,
    answers: Mapping[str, int],
    short: tuple[Unscored, ...],
) -> ScaleScore | Unscored:
    given = [
        choices[answers[item_id] - ANSWER_MIN] for item_id, choices in layout if item_id in answers
    ]
    count = len(given)
    if count < needed:
        return short[count]
    score, level = _means_of(count)[sum(map(_KEYED, given))]
    return ScaleScore(scale, score, level, count, total, tuple(given))


def _acquiescence(plan: _Plan, answers: Mapping[str, int]) -> Acquiescence:
    per_scale: list[float] = []
    for forward_ids, reverse_ids in plan.balanced:
        forward = [answers[i] for i in forward_ids if i in answers]
        reverse = [answers[i] for i in reverse_ids if i in answers]
        if forward and reverse:
            per_scale.append((sum(forward) / len(forward) + sum(reverse) / len(reverse)) / 2)
    mean_agreement = round(sum(answers.values()) / len(answers), 3) if answers else 0.0
    return _acquiescence_of(per_scale, mean_agreement)


def _acquiescence_of(per_scale: list[float], mean_agreement: float) -> Acquiescence:
    if len(per_scale) < ACQUIESCENCE_MIN_SCALES:
        note = reason(
            "acquiescence.not_estimated", needed=ACQUIESCENCE_MIN_SCALES, has=len(per_scale)
        )
        return Acquiescence(None, len(per_scale), mean_agreement, False, note)
    index = round(sum(per_scale) / len(per_scale), 3)
    flagged = index >= ACQUIESCENCE_FLAG_AT
    note = reason("acquiescence.flagged" if flagged else "acquiescence.consistent")
    return Acquiescence(index, len(per_scale), mean_agreement, flagged, note)


def _score_complete(plan: _Plan, answers: dict[str, int]) -> ScoreSheet:
    """`score_answers` when every item is answered: no scale is short of answers, so each is
    a few sums over a stretch of the answers without asking which were given. The same
    numbers: the keyed sums are the same whole numbers, divided by the same counts, and the
    acquiescence index adds the same means in the same order."""
    # answers given in the plan's order (as the instrument lists its items) are read in C
    if tuple(answers) == plan.order:
        values = tuple(answers.values())
    else:
        values = tuple(map(answers.__getitem__, plan.order))
    scored: dict[Scale, ScaleScore] = {}
    per_scale: list[float] = []
    for (
        scale,
        start,
        stop,
        choices,
        forward,
        reverse,
        flipped,
        count,
        means,
        balanced,
    ) in plan.complete:
        given = values[start:stop]
        forward_sum = sum(compress(given, forward))
        reverse_sum = sum(compress(given, reverse)) if flipped else 0
        score, level = means[forward_sum + flipped - reverse_sum]
        evidence = tuple(map(getitem, choices, given))
        scored[scale] = ScaleScore(scale, score, level, count, count, evidence)
        if balanced is not None:
            forward_count, reverse_count = balanced
            per_scale.append((forward_sum / forward_count + reverse_sum / reverse_count) / 2)
    # every item answered: the plain mean of len(answers) whole answers, looked up
    mean_agreement = plan.all_means[sum(values)][0]
    return ScoreSheet(answers, scored, {}, _acquiescence_of(per_scale, mean_agreement))


def score_answers(answers: Mapping[str, object], items: Sequence[Item] | None = None) -> ScoreSheet:
    """Validate and score: every scale either scored (with its evidence) or unscored (with why),
    each mapping in the vocabulary's order of the scales (the profile's lists keep it)."""
    items = instrument_items() if items is None else items
    plan = _plan(items)
    valid = _validate(answers, plan.known)
    if len(valid) == len(plan.known):  # its ids are all known, so every item is answered
        return _score_complete(plan, valid)
    scored: dict[Scale, ScaleScore] = {}
    unscored: dict[Scale, Unscored] = {}
    for scale, layout, total, needed in plan.scales:
        result = _score_scale(scale, layout, total, needed, valid, plan.short[scale])
        if isinstance(result, ScaleScore):
            scored[scale] = result
        else:
            unscored[scale] = result
    return ScoreSheet(valid, scored, unscored, _acquiescence(plan, valid))
