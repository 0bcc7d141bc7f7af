"""The safety screen's cue rules: does a piece of writing suggest the writer may be at risk of
harming themselves, or of being harmed by someone else?

It is a screen, not an assessment. It looks for cues, said outright or indirectly (giving
things away, saying goodbye, a plan or the means; fear of what a partner will do, being hit,
threatened or controlled, hiding injuries), in context: a figure of speech ("this spreadsheet
will be the death of me"), ordinary sadness and grief, and other people's stories are not the
writer's risk. Recall matters most: when in doubt it points to help, because a missed cue costs
far more than an unneeded signpost. When both risks are present, `risk` is `self_harm` (the
more urgent signpost) and `evidence` holds the spans for both.

This module is the cue engine alone. The default (composite) engine in `engine.composite`
backs the cues up with a learned second opinion; callers go through `engine.engines()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from interplay.core.vocabulary import SafetyRisk
from interplay.language.cues import LEXICON_DIR, Lexicon, load_lexicon
from interplay.language.findings import Span, Tally, judge, tally
from interplay.language.journal_text import read_passage

ENGINE_VERSION = "safety-lexicon-1.4"  # the cue rules and their lexicon generation
SAFETY_LEXICON = LEXICON_DIR / "safety_cues.toml"
THRESHOLD = 0.5


@dataclass(frozen=True)
class SafetyResult:
    risk: SafetyRisk
    evidence: tuple[Span, ...]
    scores: tuple[tuple[SafetyRisk, float], ...] = ()
    cues: tuple[str, ...] = ()
    engine_version: str = ENGINE_VERSION

    @property
    def flagged(self) -> bool:
        return self.risk is not SafetyRisk.NONE

    def to_dict(self) -> dict[str, Any]:
        return {"risk": self.risk.value, "evidence": [span.to_dict() for span in self.evidence]}


@cache
def safety_lexicon(path: Path = SAFETY_LEXICON) -> Lexicon[SafetyRisk]:
    return load_lexicon(path, SafetyRisk)


@lru_cache(maxsize=8)
def judged_safety(text: str) -> list[tuple[SafetyRisk, float, Span, str]]:
    """The default lexicon's accepted matches in a text, kept for the last few texts: the
    cue rules and the composite engine's second opinion both need them. Do not modify."""
    return judge(read_passage(text), safety_lexicon())


def screen(text: str, lexicon: Lexicon[SafetyRisk] | None = None) -> SafetyResult:
    """Screen one text with the cue rules. Never raises on odd input; an empty text is `none`."""
    if not isinstance(text, str):
        raise TypeError(f"screen needs text (str), not {type(text).__name__}")
    found: dict[SafetyRisk, Tally[SafetyRisk]] = {
        t.label: t
        for t in tally(
            judge(read_passage(text), lexicon) if lexicon is not None else judged_safety(text)
        )
    }
    over = [
        risk
        for risk in (SafetyRisk.SELF_HARM, SafetyRisk.HARM_FROM_OTHERS)
        if risk in found and found[risk].score >= THRESHOLD
    ]
    scores = tuple((risk, found[risk].score) for risk in found)
    if not over:
        return SafetyResult(SafetyRisk.NONE, (), scores)
    evidence = sorted(
        {span for risk in over for span in found[risk].evidence},
        key=lambda s: (s.start, s.end),
    )
    cues = tuple(cue for risk in over for cue in found[risk].cues)
    return SafetyResult(over[0], tuple(evidence), scores, cues)
