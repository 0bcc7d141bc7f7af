"""A question bank laid out once for ranking, so a profile's six questions cost little.

The rule a question is scored by is `recommend._question_match`, written plainly: points for
the person's focus (3), stage (2), each high scale (2) and each of the two leading barriers
(2), and one more for a question the article asks when it scored at all. Ranking the whole bank
with that rule for every profile meant walking 84 questions' tags and making reasons for each;
this index holds, per bank:

- the questions by tag, so only the questions a person's needs name are touched, and each
  focus and stage pair's points already added up (there are at most sixteen such pairs);
- each question's phases as a set, for laying the picks along a session;
- each question's reasons, made the first time it is picked, so explaining a pick is a few
  dictionary look-ups.

`tests/core/test_question_index.py` holds the ranking and the reasons to the plain rule.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from interplay.core.questions import Question
from interplay.core.reasons import Reason, reason
from interplay.core.vocabulary import Barrier, Focus, Level, Scale, Stage

FOCUS_POINTS = 3
STAGE_POINTS = 2
HIGH_SCALE_POINTS = 2
LEADING_BARRIER_POINTS = 2
FROM_ARTICLE_POINTS = 1  # only for a question that scored already
MIN_POINTS = 2  # a question with fewer is no match (the article's own earn no place alone)

# Reasons with one tag as their parameter, made once per code and tag: a profile asks for the
# same few dozens again and again, and a dictionary look-up is cheaper than `reason`'s.
_TAGGED: dict[tuple[str, str], Reason] = {}


def tagged(code: str, name: str, tag: str) -> Reason:
    made = _TAGGED.get((code, tag))
    if made is None:
        made = _TAGGED[(code, tag)] = reason(code, **{name: tag})
    return made


FROM_METHOD = reason("question.from_method")

# One question's reasons: by focus, by stage, per scale (with whether a barrier of the same id
# is tagged too, when the barrier's reason is given instead), per barrier, and the article's.
_Reasons = tuple[
    Mapping[Focus, Reason],
    Mapping[Stage, Reason],
    tuple[tuple[Scale, Reason, bool], ...],
    tuple[tuple[Barrier, Reason], ...],
    bool,
]


def _reasons_of(question: Question) -> _Reasons:
    barrier_ids = {barrier.value for barrier in question.barriers}
    return (
        {focus: tagged("question.fits_focus", "focus", focus) for focus in question.focus},
        {stage: tagged("question.fits_stage", "stage", stage) for stage in question.stages},
        tuple(
            (scale, tagged("question.high_scale", "scale", scale), scale.value in barrier_ids)
            for scale in question.scales
        ),
        tuple(
            (barrier, tagged("question.leading_barrier", "barrier", barrier))
            for barrier in question.barriers
        ),
        question.from_article,
    )


def _positions(groups: dict[object, list[int]]) -> dict[object, tuple[int, ...]]:
    return {key: tuple(value) for key, value in groups.items()}


class BankIndex:
    """One bank's tags, phases and reasons by position (its order), worked out once."""

    __slots__ = (
        "bank",
        "size",
        "by_focus",
        "by_stage",
        "by_scale",
        "by_scale_alone",
        "by_barrier",
        "from_article",
        "phases",
        "general",
        "_base",
        "_reasons",
    )

    def __init__(self, bank: Sequence[Question]) -> None:
        by_focus: dict[object, list[int]] = {}
        by_stage: dict[object, list[int]] = {}
        by_scale: dict[object, list[int]] = {}
        # per scale, the questions that do not also carry the barrier of the same id: the
        # scale's points when that barrier leads (the barrier's points are counted instead)
        by_scale_alone: dict[object, list[int]] = {}
        by_barrier: dict[object, list[int]] = {}
        for position, question in enumerate(bank):
            for focus in dict.fromkeys(question.focus):
                by_focus.setdefault(focus, []).append(position)
            for stage in dict.fromkeys(question.stages):
                by_stage.setdefault(stage, []).append(position)
            barrier_ids = {barrier.value for barrier in question.barriers}
            for scale in question.scales:
                by_scale.setdefault(scale, []).append(position)
                alone = by_scale_alone.setdefault(scale, [])
                if scale.value not in barrier_ids:
                    alone.append(position)
            for barrier in question.barriers:
                by_barrier.setdefault(barrier, []).append(position)
        self.bank = bank
        self.size = len(bank)
        self.by_focus: Mapping[object, tuple[int, ...]] = _positions(by_focus)
        self.by_stage: Mapping[object, tuple[int, ...]] = _positions(by_stage)
        self.by_scale: Mapping[object, tuple[int, ...]] = _positions(by_scale)
        self.by_scale_alone: Mapping[object, tuple[int, ...]] = _positions(by_scale_alone)
        self.by_barrier: Mapping[object, tuple[int, ...]] = _positions(by_barrier)
        self.from_article = tuple(p for p, question in enumerate(bank) if question.from_article)
        self.phases = tuple(frozenset(question.phases) for question in bank)
        self.general = tuple(
            question
            for question in bank
            if not (question.scales or question.stages or question.barriers or question.focus)
        )
        self._base: dict[tuple[Focus | None, Stage | None], list[int]] = {}
        self._reasons: list[_Reasons | None] = [None] * len(bank)

    def _base_points(self, focus: Focus | None, stage: Stage | None) -> list[int]:
        """Every question's points for this focus and stage alone, in bank order."""
        points = self._base.get((focus, stage))
        if points is None:
            points = [0] * self.size
            for position in self.by_focus.get(focus, ()) if focus is not None else ():
                points[position] += FOCUS_POINTS
            for position in self.by_stage.get(stage, ()) if stage is not None else ():
                points[position] += STAGE_POINTS
            self._base[(focus, stage)] = points
        return points

    def ranked(
        self,
        focus: Focus | None,
        stage: Stage | None,
        levels: Mapping[Scale, Level],
        leading: tuple[Barrier, ...],
    ) -> list[int]:
        """The positions of the questions that match (MIN_POINTS or more), the most points
        first and ties in bank order."""
        points = self._base_points(focus, stage).copy()
        high = Level.HIGH
        for scale, level in levels.items():
            if level is high:
                # StrEnums compare as their ids, so a scale meets the barrier of the same id
                tagged_with = self.by_scale_alone if scale in leading else self.by_scale  # type: ignore[comparison-overlap]
                for position in tagged_with.get(scale, ()):
                    points[position] += HIGH_SCALE_POINTS
        for barrier in leading:
            for position in self.by_barrier.get(barrier, ()):
                points[position] += LEADING_BARRIER_POINTS
        for position in self.from_article:
            if points[position]:
                points[position] += FROM_ARTICLE_POINTS
        # One whole number per match orders by points, then by bank order (the lower position
        # the larger number), so the sort compares plain ints.
        size = self.size
        last = size - 1
        keys = [
            point * size + last - position
            for position, point in enumerate(points)
            if point >= MIN_POINTS
        ]
        keys.sort(reverse=True)
        return [last - key % size for key in keys]

    def reasons(
        self,
        position: int,
        focus: Focus | None,
        stage: Stage | None,
        levels: Mapping[Scale, Level],
        leading: tuple[Barrier, ...],
    ) -> tuple[Reason, ...]:
        """Why the question at `position` scored, one reason per point `ranked` counted."""
        table = self._reasons[position]
        if table is None:
            table = self._reasons[position] = _reasons_of(self.bank[position])
        by_focus, by_stage, scales, barriers, from_article = table
        found: list[Reason] = []
        if focus is not None and focus in by_focus:
            found.append(by_focus[focus])
        if stage is not None and stage in by_stage:
            found.append(by_stage[stage])
        high = Level.HIGH
        for scale, why, also_a_barrier in scales:
            if also_a_barrier and scale in leading:  # type: ignore[comparison-overlap]
                continue
            if levels.get(scale) is high:
                found.append(why)
        for barrier, why in barriers:
            if barrier in leading:
                found.append(why)
        if found and from_article:
            found.append(FROM_METHOD)
        return tuple(found)


_INDEXES: dict[int, BankIndex] = {}


def bank_index(bank: Sequence[Question]) -> BankIndex:
    """The index of `bank`, made once per bank object (the index holds the bank, so its id
    cannot be reused while it is cached)."""
    index = _INDEXES.get(id(bank))
    if index is not None and index.bank is bank:
        return index
    index = BankIndex(bank)
    if len(_INDEXES) > 64:  # banks made on the fly (the session planner's phases): a few only
        _INDEXES.clear()
    _INDEXES[id(bank)] = index
    return index
