"""Journal themes: which of the method's patterns a piece of writing shows, with the words
behind each.

`analyze_themes(text)` reads the text once (see `journal_text`), matches the cue lexicon in
`lexicons/themes_cues.toml`, judges each match in its context (negation, a habit left behind,
whether it is the writer or someone they describe; see `context`), and reports each theme whose
combined evidence reaches `THRESHOLD`. A theme is a prompt for reflection, never a verdict.

This module is the cue engine alone. The default (composite) engine in `engine.composite`
adds the themes a learned second opinion finds; callers go through `engine.engines()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from interplay.core.vocabulary import Theme
from interplay.language.cues import LEXICON_DIR, Lexicon, load_lexicon
from interplay.language.findings import Span, judge, tally
from interplay.language.journal_text import read_passage

ENGINE_VERSION = "themes-lexicon-1.3"  # the cue rules and their lexicon generation
THEMES_LEXICON = LEXICON_DIR / "themes_cues.toml"
# Combined evidence needed to report a theme: one clear cue, or two weaker ones together.
THRESHOLD = 0.5


@dataclass(frozen=True)
class ThemeFinding:
    theme: Theme
    score: float  # 0..1, how much evidence there is, not how severe anything is
    evidence: tuple[Span, ...]  # character spans in the text
    cues: tuple[str, ...]  # ids of the lexicon cues behind the score

    def to_dict(self) -> dict[str, Any]:
        return {
            "theme": self.theme.value,
            "score": self.score,
            "evidence": [span.to_dict() for span in self.evidence],
        }


@dataclass(frozen=True)
class ThemeAnalysis:
    themes: tuple[ThemeFinding, ...]
    engine_version: str = ENGINE_VERSION

    def to_dict(self) -> dict[str, Any]:
        return {"themes": [finding.to_dict() for finding in self.themes]}

    @property
    def labels(self) -> frozenset[Theme]:
        return frozenset(finding.theme for finding in self.themes)


@cache
def themes_lexicon(path: Path = THEMES_LEXICON) -> Lexicon[Theme]:
    return load_lexicon(path, Theme)


@lru_cache(maxsize=8)
def judged_themes(text: str) -> list[tuple[Theme, float, Span, str]]:
    """The default lexicon's accepted matches in a text, kept for the last few texts: the
    cue rules and the composite engine's second opinion both need them. Do not modify."""
    return judge(read_passage(text), themes_lexicon())


def analyze_themes(text: str, lexicon: Lexicon[Theme] | None = None) -> ThemeAnalysis:
    """The themes the cue rules find in a journal entry, strongest first; none is a normal
    answer."""
    if not isinstance(text, str):
        raise TypeError(f"analyze_themes needs text (str), not {type(text).__name__}")
    passage = read_passage(text)
    found = tally(judge(passage, lexicon) if lexicon is not None else judged_themes(text))
    findings = [
        ThemeFinding(t.label, t.score, t.evidence, t.cues) for t in found if t.score >= THRESHOLD
    ]
    return ThemeAnalysis(tuple(findings))
