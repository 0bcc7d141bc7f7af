"""One interface to the language analyses: the web, the command line and role-play ask for an
engine set by name and call its readers' `analyse(text)`; they never know which engine runs.

    from interplay.language.engine import engines
    found = engines().themes.analyse(text)     # the default engine (composite)
    engines("cue").safety.analyse(text)        # the cue rules alone

`cue`: the rules alone (for tests and comparison). `composite` (the default): the rules with a
second opinion model (`second_opinion`; today `learned.LearnedOpinion`). See docs/language.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from interplay.language.engine.composite import LEARNED_CUE, composite_readers
from interplay.language.engine.cue import CueSafetyScreen, CueStatementCoach, CueThemeReader
from interplay.language.engine.protocols import SafetyScreen, StatementCoach, ThemeReader
from interplay.language.safety import SafetyResult
from interplay.language.statements import FIELDS as STATEMENT_FIELDS
from interplay.language.statements import StatementAnalysis
from interplay.language.themes import ThemeAnalysis, ThemeFinding

ENGINE_NAMES = ("composite", "cue", "meaning")
DEFAULT_ENGINE = "meaning"


@dataclass(frozen=True)
class Engines:
    """The three readers of one engine."""

    name: str
    statements: StatementCoach
    themes: ThemeReader
    safety: SafetyScreen


class UnknownEngine(ValueError):
    """The engine name is not one of `ENGINE_NAMES`; the message lists them."""


@cache
def engines(name: str = DEFAULT_ENGINE) -> Engines:
    """The engine set called `name` (built once per process: the model loads on first use)."""
    if name == "cue":
        return Engines(name, CueStatementCoach(), CueThemeReader(), CueSafetyScreen())
    if name == "composite":
        from interplay.language.learned import LearnedOpinion

        themes, safety = composite_readers(LearnedOpinion())
        return Engines(name, CueStatementCoach(), themes, safety)
    if name == "meaning":
        # The cue rules with the sentence-embedding model: the candidate that becomes the
        # default once its heads are trained on the labelled corpus (docs/language.md).
        from interplay.language.engine.composite import CompositeStatementCoach
        from interplay.language.meaning.opinion import MeaningOpinion

        model = MeaningOpinion()
        themes, safety = composite_readers(model, model_decides=True)
        statements = CompositeStatementCoach(CueStatementCoach(), model, model_decides=True)
        return Engines(name, statements, themes, safety)
    raise UnknownEngine(
        f"unknown language engine {name!r} (expected one of: {', '.join(ENGINE_NAMES)})"
    )


__all__ = [
    "DEFAULT_ENGINE",
    "ENGINE_NAMES",
    "LEARNED_CUE",
    "Engines",
    "SafetyResult",
    "STATEMENT_FIELDS",
    "SafetyScreen",
    "StatementAnalysis",
    "StatementCoach",
    "ThemeAnalysis",
    "ThemeFinding",
    "ThemeReader",
    "UnknownEngine",
    "engines",
]
