"""Scoring the self-assessment: validated answers in, scale scores with their evidence out.

Pure functions over an instrument (a sequence of `Item`s, the shipped one by default), so tests
can score small instruments of their own. The rules are documented in docs/instrument.md:
reverse keying, the 75% rule, the band cut points and the acquiescence index.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from interplay.core.instrument import ANSWER_MAX, ANSWER_MIN, Item, instrument_items
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


@dataclass(frozen=True)
class ItemAnswer:
    """One answer as evidence: what was asked, what the person said and how it counted."""

    item_id: str
    text: str
    answer: int
    keyed: int
    reverse: bool


@dataclass(frozen=True)
class ScaleScore:
    scale: Scale
    score: float  # mean of keyed answers, 1..5
    level: Level
    answered: int
    total: int
    answers: tuple[ItemAnswer, ...]


@dataclass(frozen=True)
class Unscored:
    scale: Scale
    answered: int
    total: int
    needed: int
    reason: str


@dataclass(frozen=True)
class Acquiescence:
    # Mean raw agreement (1..5) over balanced scales, each scale weighing its forward and its
    # reverse-keyed items equally; None when too few balanced scales were answered.
    index: float | None
    balanced_scales: int
    mean_agreement: float  # plain mean raw answer over every answered item
    flagged: bool
    note: str


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


def validate_answers(
    answers: Mapping[str, object], items: Sequence[Item] | None = None
) -> dict[str, int]:
    """Check every answer against the instrument; raise `AnswerError` naming the first bad one."""
    items = instrument_items() if items is None else items
    if not isinstance(answers, Mapping):
        raise AnswerError(None, "answers must map item ids to whole numbers from 1 to 5")
    if not answers:
        raise AnswerError(None, "no answers given: answer at least one item")
    known = {item.id for item in items}
    valid: dict[str, int] = {}
    for item_id, value in answers.items():
        if not isinstance(item_id, str) or item_id not in known:
            raise AnswerError(str(item_id), "unknown item id")
        valid[item_id] = _valid_answer(item_id, value)
    return valid


def _score_scale(
    scale: Scale, scale_items: Sequence[Item], answers: Mapping[str, int]
) -> ScaleScore | Unscored:
    given = [
        ItemAnswer(item.id, item.text, answers[item.id], item.keyed(answers[item.id]), item.reverse)
        for item in scale_items
        if item.id in answers
    ]
    total = len(scale_items)
    needed = needed_answers(total)
    if len(given) < needed:
        reason = f"{len(given)} of {total} items answered; needs {needed}"
        return Unscored(scale, len(given), total, needed, reason)
    mean = sum(answer.keyed for answer in given) / len(given)
    return ScaleScore(scale, round(mean, 3), band(mean), len(given), total, tuple(given))


def _acquiescence(items: Sequence[Item], answers: Mapping[str, int]) -> Acquiescence:
    per_scale: list[float] = []
    for scale in CORE_SCALES:
        answered = [i for i in items if i.scale == scale and i.id in answers]
        forward = [answers[i.id] for i in answered if not i.reverse]
        reverse = [answers[i.id] for i in answered if i.reverse]
        if forward and reverse:
            per_scale.append((sum(forward) / len(forward) + sum(reverse) / len(reverse)) / 2)
    mean_agreement = round(sum(answers.values()) / len(answers), 3) if answers else 0.0
    if len(per_scale) < ACQUIESCENCE_MIN_SCALES:
        note = (
            f"not estimated: needs answers on items keyed both ways in at least "
            f"{ACQUIESCENCE_MIN_SCALES} scales, has {len(per_scale)}"
        )
        return Acquiescence(None, len(per_scale), mean_agreement, False, note)
    index = round(sum(per_scale) / len(per_scale), 3)
    flagged = index >= ACQUIESCENCE_FLAG_AT
    if flagged:
        note = (
            "agreed with statements and with their opposites alike; the scores may say more "
            "about a habit of agreeing than about the balance itself"
        )
    else:
        note = "answers to statements and to their opposites hang together"
    return Acquiescence(index, len(per_scale), mean_agreement, flagged, note)


def score_answers(answers: Mapping[str, object], items: Sequence[Item] | None = None) -> ScoreSheet:
    """Validate and score: every scale either scored (with its evidence) or unscored (with why)."""
    items = instrument_items() if items is None else items
    valid = validate_answers(answers, items)
    scored: dict[Scale, ScaleScore] = {}
    unscored: dict[Scale, Unscored] = {}
    for scale in Scale:
        scale_items = [item for item in items if item.scale == scale]
        if not scale_items:
            continue
        result = _score_scale(scale, scale_items, valid)
        if isinstance(result, ScaleScore):
            scored[scale] = result
        else:
            unscored[scale] = result
    return ScoreSheet(valid, scored, unscored, _acquiescence(items, valid))
