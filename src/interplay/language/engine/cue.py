"""The cue engine: the rules alone. Every finding comes from a lexicon cue or a statement rule,
so it is quick, explainable and the same on every machine; tests and comparisons use it to see
what the rules do without the model."""

from __future__ import annotations

from interplay.core.vocabulary import SafetyRisk, Theme
from interplay.language import coaching, safety, statements, themes
from interplay.language.findings import Span


class CueStatementCoach:
    version = statements.ENGINE_VERSION

    def analyse(self, text: str) -> statements.StatementAnalysis:
        return statements.analyze_statement(text)

    def analyse_with_phrases(
        self, text: str
    ) -> tuple[statements.StatementAnalysis, coaching.Phrases]:
        """The analysis and the phrases behind its suggestion and rewrite."""
        return statements.analyze_statement_with_phrases(text)


class CueThemeReader:
    version = themes.ENGINE_VERSION

    def analyse(self, text: str) -> themes.ThemeAnalysis:
        return themes.analyze_themes(text)

    def hits(self, text: str) -> list[tuple[Theme, float, Span, str]]:
        """The accepted cue matches behind `analyse`: (theme, weight, span, cue id)."""
        return themes.judged_themes(text)


class CueSafetyScreen:
    version = safety.ENGINE_VERSION

    def analyse(self, text: str) -> safety.SafetyResult:
        return safety.screen(text)

    def hits(self, text: str) -> list[tuple[SafetyRisk, float, Span, str]]:
        """The accepted cue matches behind `analyse`: (risk, weight, span, cue id)."""
        return safety.judged_safety(text)
