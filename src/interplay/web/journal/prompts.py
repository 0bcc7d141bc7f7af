"""Choosing a journal prompt for a person from the question bank.

The stored profile already carries the questions the core recommends for this person, each with
the rules that chose it. A prompt is taken from those (journal prompts only), rotating day by
day so the page does not show the same question for ever; with no profile yet, any journal
prompt from the bank rotates instead. The reasons travel with the prompt, so the person can see
why it was chosen for them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from interplay.core.questions import Question, question_bank
from interplay.web.reasons import render_all


@dataclass(frozen=True)
class ChosenPrompt:
    question: Question
    reason: str
    rules: tuple[str, ...]


def _recommended(profile: Mapping[str, object] | None) -> list[tuple[str, tuple[str, ...]]]:
    rows = profile.get("questions") if profile else None
    if not isinstance(rows, Sequence):
        return []
    picked = []
    for row in rows:
        if isinstance(row, Mapping) and isinstance(row.get("id"), str):
            reasons = row.get("reasons")
            rules = tuple(render_all(reasons))
            picked.append((str(row["id"]), rules))
    return picked


def choose_prompt(
    profile: Mapping[str, object] | None, today: date, skip: frozenset[str] = frozenset()
) -> ChosenPrompt | None:
    prompts = {q.id: q for q in question_bank() if q.journal_prompt and q.id not in skip}
    if not prompts:
        return None
    chosen_for_you = [
        (prompts[qid], rules) for qid, rules in _recommended(profile) if qid in prompts
    ]
    if chosen_for_you:
        question, rules = chosen_for_you[today.toordinal() % len(chosen_for_you)]
        return ChosenPrompt(question, _("Chosen for you from your latest profile."), rules)
    pool = list(prompts.values())
    question = pool[today.toordinal() % len(pool)]
    return ChosenPrompt(
        question, _("A question for anyone exploring this balance (no profile yet)."), ()
    )
