"""A question bank laid out once for ranking, so a profile's six questions cost little.

The rule a question is scored by is `recommend._question_match`, written plainly: points for
the person's focus (3), stage (2), each high scale (2) and each of the two leading barriers
(2), and one more for a question the article asks when it scored at all. Ranking the whole bank
with that rule for every profile meant walking 84 questions' tags and making reasons for each;
this index holds, per bank:

- each tag's points for every question carrying it, packed one byte a question into one whole
  number, so a person's points for the whole bank are a few additions, and each focus and
  stage pair's already added up (there are at most sixteen such pairs);
- each session phase's questions as a set, for laying the picks along a session;
- each question's reasons, made the first time it is picked, so explaining a pick is a few
  dictionary look-ups.

`tests/core/test_recommend_plain.py` and `tests/core/test_reasons.py` hold the points, the
ranking and the reasons to the plain rule.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import compress

from interplay.core.questions import Question
from interplay.core.reasons import Reason, reason
from interplay.core.vocabulary import Barrier, Focus, Level, Scale, SessionPhase, Stage

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


# Every question's points are one byte of a single whole number: the question at position p
# holds its points in bits 8p to 8p + 7. Adding a tag's points to all the questions carrying it
# is then one addition of whole numbers instead of a loop over them, and the number's bytes
# are the bank's points in bank order, for C to sort.
LANE_BITS = 8
LANE = (1 << LANE_BITS) - 1
# byte value -> 1 for a match (MIN_POINTS or more), else 0: `bytes.translate` marks the matches
_IS_MATCH = bytes(int(value >= MIN_POINTS) for value in range(LANE + 1))


def _packed(points: int, positions: Sequence[int]) -> tuple[int, int]:
    """`points` added once per occurrence of each position (a question tagged twice counts
    twice, as in the plain rule), and a 1 in the lane of each position touched."""
    return (
        sum(points << (LANE_BITS * position) for position in positions),
        sum(1 << (LANE_BITS * position) for position in set(positions)),
    )


def _packed_by(groups: dict[object, list[int]], points: int) -> dict[object, tuple[int, int]]:
    return {key: _packed(points, positions) for key, positions in groups.items()}


class BankIndex:
    """One bank's tags, phases and reasons by position (its order), worked out once."""

    __slots__ = (
        "bank",
        "size",
        "general",
        "phase_positions",
        "_focus",
        "_stage",
        "_scale",
        "_scale_alone",
        "_barrier",
        "_article_ones",
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
            # a question's most points must fit its byte (a bank would need over a hundred
            # tags on one question to reach it)
            most = (
                FOCUS_POINTS
                + STAGE_POINTS
                + HIGH_SCALE_POINTS * len(question.scales)
                + LEADING_BARRIER_POINTS * len(question.barriers)
                + FROM_ARTICLE_POINTS
            )
            if most > LANE:
                raise ValueError(f"question {question.id!r} has too many tags to rank")
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
        self.general = tuple(
            question
            for question in bank
            if not (question.scales or question.stages or question.barriers or question.focus)
        )
        # per session phase (in the vocabulary's order), the positions of its questions
        self.phase_positions = tuple(
            frozenset(p for p, question in enumerate(bank) if phase in question.phases)
            for phase in SessionPhase
        )
        self._focus = _packed_by(by_focus, FOCUS_POINTS)
        self._stage = _packed_by(by_stage, STAGE_POINTS)
        self._scale = _packed_by(by_scale, HIGH_SCALE_POINTS)
        self._scale_alone = _packed_by(by_scale_alone, HIGH_SCALE_POINTS)
        self._barrier = _packed_by(by_barrier, LEADING_BARRIER_POINTS)
        self._article_ones = _packed(
            0, [p for p, question in enumerate(bank) if question.from_article]
        )[1]
        self._base: dict[tuple[Focus | None, Stage | None], tuple[int, int]] = {}
        self._reasons: list[_Reasons | None] = [None] * len(bank)

    def _base_points(self, focus: Focus | None, stage: Stage | None) -> tuple[int, int]:
        """Every question's points for this focus and stage alone, and the lanes touched."""
        found = self._base.get((focus, stage))
        if found is None:
            focus_points, focus_touched = self._focus.get(focus, (0, 0))
            stage_points, stage_touched = self._stage.get(stage, (0, 0))
            found = (focus_points + stage_points, focus_touched | stage_touched)
            self._base[(focus, stage)] = found
        return found

    def points(
        self,
        focus: Focus | None,
        stage: Stage | None,
        levels: Mapping[Scale, Level],
        leading: tuple[Barrier, ...],
    ) -> int:
        """Every question's points for these needs, packed one byte a question (above)."""
        points, touched = self._base_points(focus, stage)
        high = Level.HIGH
        for scale, level in levels.items():
            if level is high:
                # StrEnums compare as their ids, so a scale meets the barrier of the same id
                tagged_with = self._scale_alone if scale in leading else self._scale  # type: ignore[comparison-overlap]
                found = tagged_with.get(scale)
                if found is not None:
                    points += found[0]
                    touched |= found[1]
        for barrier in leading:
            found = self._barrier.get(barrier)
            if found is not None:
                points += found[0]
                touched |= found[1]
        # the article's own questions earn their point only where something else scored
        return points + (touched & self._article_ones) * FROM_ARTICLE_POINTS

    def ranked(self, points: int) -> list[int]:
        """The positions of the questions that match (MIN_POINTS or more) by `points` (as
        `points()` packs them), the most points first and ties in bank order."""
        lanes = points.to_bytes(self.size, "little")
        matches = compress(range(self.size), lanes.translate(_IS_MATCH))
        # sorting is stable with reverse=True too, so equal points keep the bank's order; the
        # key reads a list, whose `__getitem__` C calls directly (a bytes' goes through a
        # wrapper that makes an argument tuple per call)
        return sorted(matches, key=list(lanes).__getitem__, reverse=True)

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
