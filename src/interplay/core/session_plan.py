"""Questions for each phase of a coaching session, chosen for one person's profile.

A session moves through five phases (opening, exploring, emotional roots, experimenting,
integrating). For each phase the planner takes the bank's questions tagged with that phase and
ranks them with the same plain matching the profile's recommendations use (focus, stage, high
scales, leading barriers), so every pick carries the reasons it was chosen. A question is used
in one phase only, so the agenda never asks the same thing twice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from interplay.core.questions import Question, question_bank
from interplay.core.reasons import reason
from interplay.core.recommend import Needs, QuestionPick, recommend_questions
from interplay.core.vocabulary import Barrier, Focus, Level, Scale, SessionPhase, Stage

PER_PHASE = 2


@dataclass(frozen=True)
class PhaseQuestions:
    phase: SessionPhase
    questions: tuple[QuestionPick, ...]


def _member(kind: Any, value: object) -> Any:
    try:
        return kind(value) if isinstance(value, str) else None
    except ValueError:
        return None


def needs_from_profile(profile: Mapping[str, Any] | None) -> Needs:
    """What a stored profile (the JSON of `Profile.to_dict()`) says the person needs.

    Missing or unknown parts are left out rather than guessed, so an old or partial profile
    still plans a session (with more general questions)."""
    profile = profile or {}
    focus_part = profile.get("focus")
    focus: Focus | None = _member(
        Focus, focus_part.get("focus") if isinstance(focus_part, Mapping) else None
    )
    stage_part = profile.get("stage")
    stage: Stage | None = None
    if isinstance(stage_part, Mapping) and not stage_part.get("mixed"):
        stage = _member(Stage, stage_part.get("primary"))
    levels: dict[Scale, Level] = {}
    for row in profile.get("scales") or ():
        if isinstance(row, Mapping):
            scale, level = _member(Scale, row.get("scale")), _member(Level, row.get("level"))
            if scale is not None and level is not None:
                levels[scale] = level
    barriers: list[Barrier] = []
    rows = [row for row in profile.get("barriers") or () if isinstance(row, Mapping)]
    for row in sorted(rows, key=lambda r: r.get("rank", 99)):
        barrier = _member(Barrier, row.get("barrier"))
        if barrier is not None and row.get("level") != Level.LOW.value:
            barriers.append(barrier)
    return Needs(focus=focus, stage=stage, levels=levels, barriers=tuple(barriers))


def questions_by_phase(
    needs: Needs,
    bank: Sequence[Question] | None = None,
    per_phase: int = PER_PHASE,
    skip: frozenset[str] = frozenset(),
) -> tuple[PhaseQuestions, ...]:
    """`per_phase` questions for every session phase, best match first; `skip` holds ids
    already used recently (for instance in the last plan) so sessions do not repeat."""
    bank = question_bank() if bank is None else bank
    used: set[str] = set(skip)
    result: list[PhaseQuestions] = []
    for phase in SessionPhase:
        candidates = [q for q in bank if phase in q.phases and q.id not in used]
        if len(candidates) < per_phase:
            # Too few fresh questions: allow recent ones again rather than leave a gap.
            candidates = [q for q in bank if phase in q.phases and q.id not in used - skip]
        picks = recommend_questions(needs, candidates, limit=per_phase)
        if len(picks) < per_phase:
            chosen = {pick.id for pick in picks}
            extra = [
                QuestionPick(q.id, q.text, (reason("question.session_phase"),))
                for q in candidates
                if q.id not in chosen
            ]
            picks = (*picks, *extra[: per_phase - len(picks)])
        used.update(pick.id for pick in picks)
        result.append(PhaseQuestions(phase, tuple(picks)))
    return tuple(result)
