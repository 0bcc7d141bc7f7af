"""Turning cue matches into weighted findings, the step the theme finder and the safety screen
share: read the passage once, match the lexicon, judge each match in its context, and add up
the evidence per label."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic

from interplay.language.context import WINDOW, context_of
from interplay.language.cues import (
    L,
    Lexicon,
    OnNegation,
    OnPast,
    Person,
    find_matches,
    sentence_has,
)
from interplay.language.journal_text import Passage

# A negated cue that shows the opposite ("I'm not too proud to ask") is weaker evidence than
# the same thing said outright.
NEGATED_LABEL_FACTOR = 0.5
CHANGED_LABEL_FACTOR = 0.85
MAX_EVIDENCE = 25  # spans listed per label; a 100 kB text still gives a readable answer
# After this many accepted matches a label's score is 1.0 to three places and its evidence list
# is full, so further matches of it are not judged (keeps repetitive 100 kB texts quick).
_SATURATED = 4 * MAX_EVIDENCE


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True)
class Tally(Generic[L]):
    label: L
    score: float
    evidence: tuple[Span, ...]
    cues: tuple[str, ...]


def judge(passage: Passage, lexicon: Lexicon[L]) -> list[tuple[L, float, Span, str]]:
    """Each match that survives its context, as (label, weight, span, cue id)."""
    judged: list[tuple[L, float, Span, str]] = []
    tokens = passage.tokens
    reached: dict[int, int] = {}  # cue index -> end of its last accepted match
    accepted: dict[L, int] = {}  # label -> spans accepted so far
    for match in find_matches(passage, lexicon):
        if match.start < reached.get(match.cue_index, -1):
            continue  # two patterns of one cue over the same words count once
        cue = lexicon.cues[match.cue_index]
        if (
            accepted.get(cue.label, 0) >= _SATURATED
            and cue.negated_label is None
            and cue.changed_label is None
        ):
            continue  # the label is certain and its evidence list full: spare the work
        own_words = frozenset().union(
            *(slot.words | {w for phrase in slot.phrases for w in phrase} for slot in match.pattern)
        )
        context = context_of(passage, match.start, match.end, own_words)
        if cue.person == Person.SELF and not context.about_writer:
            continue
        label: L | None = cue.label
        weight = cue.weight
        if cue.negated == OnNegation.ONLY and not context.negated:
            continue
        if cue.negated == OnNegation.DROP and context.negated:
            if cue.changed_label is not None and context.changed:
                label, weight = cue.changed_label, weight * CHANGED_LABEL_FACTOR
            elif cue.negated_label is not None:
                label, weight = cue.negated_label, weight * NEGATED_LABEL_FACTOR
            else:
                label = None
        if label is not None and cue.past == OnPast.DROP and context.habit_past:
            if cue.changed_label is not None and context.changed and label == cue.label:
                label, weight = cue.changed_label, weight * CHANGED_LABEL_FACTOR
            elif label == cue.label:
                label = None
        if label is None:
            continue
        if cue.unless:
            s0 = max(passage.sentence_start[match.start], match.start - WINDOW)
            s1 = min(passage.sentence_end[match.start], match.end + WINDOW)
            if sentence_has(passage, cue.unless, s0, s1, (match.start, match.end), own_words):
                continue
        reached[match.cue_index] = match.end
        accepted[label] = accepted.get(label, 0) + 1
        span = Span(tokens[match.start].start, tokens[match.end - 1].end)
        judged.append((label, weight, span, cue.id))
    return judged


def tally(judged: list[tuple[L, float, Span, str]]) -> list[Tally[L]]:
    """Combine evidence per label as independent signals: 1 - product of (1 - weight)."""
    remaining: dict[L, float] = {}
    spans: dict[L, list[Span]] = {}
    cue_ids: dict[L, list[str]] = {}
    for label, weight, span, cue_id in judged:
        remaining[label] = remaining.get(label, 1.0) * (1.0 - weight)
        spans.setdefault(label, []).append(span)
        cue_ids.setdefault(label, []).append(cue_id)
    tallies: list[Tally[L]] = []
    for label, rest in remaining.items():
        evidence = _merge(spans[label])[:MAX_EVIDENCE]
        tallies.append(Tally(label, round(1.0 - rest, 3), tuple(evidence), tuple(cue_ids[label])))
    tallies.sort(key=lambda t: (-t.score, t.label.value))
    return tallies


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and span.start <= merged[-1].end:
            last = merged[-1]
            merged[-1] = Span(last.start, max(last.end, span.end))
        else:
            merged.append(span)
    return merged
