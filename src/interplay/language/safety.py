"""The safety screen: does a piece of writing suggest the writer may be at risk of harming
themselves, or of being harmed by someone else?

It is a screen, not an assessment. It looks for cues, said outright or indirectly (giving
things away, saying goodbye, a plan or the means; fear of what a partner will do, being hit,
threatened or controlled, hiding injuries), in context: a figure of speech ("this spreadsheet
will be the death of me"), ordinary sadness and grief, and other people's stories are not the
writer's risk. Recall matters most: when in doubt it points to help, because a missed cue costs
far more than an unneeded signpost. When both risks are present, `risk` is `self_harm` (the
more urgent signpost) and `evidence` holds the spans for both.

A learned second opinion (`learned`) backs up the cues: the text is flagged if the cues flag it
OR the learned model's risk probability reaches its threshold (chosen in training to keep
non-risk texts flagged at about 3%). When only the model flags, the kind comes from its second
output and the evidence is the sentences that drove its score. A caller's own lexicon gets
the cue engine alone.
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
from interplay.language.learned import on_rule_scale, opinion

ENGINE_VERSION = "safety-lexicon-1.4+learned-1.0"
SAFETY_LEXICON = LEXICON_DIR / "safety_cues.toml"
THRESHOLD = 0.5
LEARNED_CUE = "learned-model"  # the cue id reported when only the learned model flags


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
    cue engine and the learned model's cue features both need them. Do not modify."""
    return judge(read_passage(text), safety_lexicon())


def screen(text: str, lexicon: Lexicon[SafetyRisk] | None = None) -> SafetyResult:
    """Screen one text. Never raises on odd input; an empty text is `none`."""
    if not isinstance(text, str):
        raise TypeError(f"screen needs text (str), not {type(text).__name__}")
    passage = read_passage(text)
    found: dict[SafetyRisk, Tally[SafetyRisk]] = {
        t.label: t
        for t in tally(judge(passage, lexicon) if lexicon is not None else judged_safety(text))
    }
    over = [
        risk
        for risk in (SafetyRisk.SELF_HARM, SafetyRisk.HARM_FROM_OTHERS)
        if risk in found and found[risk].score >= THRESHOLD
    ]
    scores = tuple((risk, found[risk].score) for risk in found)
    if not over and lexicon is None:
        learned = opinion(text)
        if learned.risk >= learned.risk_threshold:
            kind = SafetyRisk.SELF_HARM if learned.self_harm >= 0.5 else SafetyRisk.HARM_FROM_OTHERS
            return SafetyResult(
                kind,
                learned.risk_evidence,
                ((kind, on_rule_scale(learned.risk, learned.risk_threshold)),),
                (LEARNED_CUE,),
            )
    if not over:
        return SafetyResult(SafetyRisk.NONE, (), scores)
    evidence = sorted(
        {span for risk in over for span in found[risk].evidence},
        key=lambda s: (s.start, s.end),
    )
    cues = tuple(cue for risk in over for cue in found[risk].cues)
    return SafetyResult(over[0], tuple(evidence), scores, cues)
