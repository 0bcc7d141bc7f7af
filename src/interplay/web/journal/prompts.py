"""Choosing a journal prompt for a person from the question bank.

A prompt is picked from the questions marked as journal prompts whose tags match the person's
profile (focus first, then their strongest barriers, then their stage), rotating day by day so
the page does not show the same question for ever. The reason travels with the prompt, so the
person can see why it was chosen for them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from interplay.core.questions import Question, question_bank
from interplay.core.vocabulary import Barrier, Focus, Stage


@dataclass(frozen=True)
class ChosenPrompt:
    question: Question
    reason: str


def tags_from_profile(profile: Mapping[str, object] | None) -> tuple[
    Focus | None, tuple[Barrier, ...], Stage | None
]:
    """Read focus, ranked barriers and stage from a stored profile dict (tolerating gaps)."""
    if not profile:
        return None, (), None
    focus = _enum_or_none(Focus, _dig(profile, "focus", "primary") or _dig(profile, "focus"))
    stage = _enum_or_none(Stage, _dig(profile, "stage", "primary"))
    barriers: list[Barrier] = []
    raw_barriers = profile.get("barriers")
    if isinstance(raw_barriers, Sequence):
        for row in raw_barriers:
            name = row.get("barrier") if isinstance(row, Mapping) else row
            barrier = _enum_or_none(Barrier, name)
            flagged = row.get("flagged", True) if isinstance(row, Mapping) else True
            if barrier is not None and flagged:
                barriers.append(barrier)
    return focus, tuple(barriers[:2]), stage


def _dig(data: Mapping[str, object], *keys: str) -> object:
    current: object = data
    for key in keys:
        if not isinstance(current, Mapping):
            return None
        current = current.get(key)
    return current


def _enum_or_none(kind, value):  # type: ignore[no-untyped-def]
    try:
        return kind(value) if isinstance(value, str) else None
    except ValueError:
        return None


def choose_prompt(
    profile: Mapping[str, object] | None, today: date, skip: frozenset[str] = frozenset()
) -> ChosenPrompt | None:
    prompts = [q for q in question_bank() if q.journal_prompt and q.id not in skip]
    if not prompts:
        return None
    focus, barriers, stage = tags_from_profile(profile)
    candidates: list[tuple[list[Question], str]] = []
    if focus is not None:
        candidates.append(
            ([q for q in prompts if focus in q.focus], _("It fits the focus of your profile."))
        )
    for barrier in barriers:
        candidates.append(
            (
                [q for q in prompts if barrier in q.barriers],
                _("It speaks to something that may be holding you back, from your answers."),
            )
        )
    if stage is not None:
        candidates.append(
            ([q for q in prompts if stage in q.stages], _("It suits where you are on the journey."))
        )
    candidates.append((prompts, _("A question for anyone exploring this balance.")))
    pool: list[Question] = []
    reason = ""
    for questions, why in candidates:
        if questions:
            pool, reason = questions, why
            break
    question = pool[today.toordinal() % len(pool)]
    return ChosenPrompt(question=question, reason=reason)
