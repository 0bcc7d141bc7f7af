"""Turning a stored analysis into what a page draws: the themes with their names, plain
explanations and the words behind them, and the text cut into highlighted pieces."""

from __future__ import annotations

from dataclasses import dataclass

from interplay.core.vocabulary import Theme
from interplay.language.theme_summary import Piece, highlight
from interplay.web.insights.actions import Reading
from interplay.web.insights.labels import theme_explanation, theme_name


@dataclass(frozen=True)
class ShownTheme:
    id: str
    name: str
    explanation: str
    score: float
    quotes: tuple[str, ...]  # the words behind the theme, in the entry's own text


@dataclass(frozen=True)
class ShownPiece:
    text: str
    themes: tuple[str, ...]  # ids
    names: str  # the themes' names, for the accessible label


def shown_themes(text: str, found: Reading) -> list[ShownTheme]:
    return [
        ShownTheme(
            theme.value,
            theme_name(theme),
            theme_explanation(theme),
            score,
            tuple(text[s:e] for s, e in found.evidence.get(theme.value, []) if 0 <= s < e),
        )
        for theme, score in found.themes
    ]


def highlighted(text: str, found: Reading) -> list[ShownPiece]:
    spans = [
        (start, end, theme)
        for theme, pairs in found.evidence.items()
        for start, end in pairs
        if _known(theme)
    ]
    pieces: list[Piece] = highlight(text, spans)
    return [
        ShownPiece(p.text, p.labels, ", ".join(theme_name(label) for label in p.labels))
        for p in pieces
    ]


def _known(theme: str) -> bool:
    return theme in _THEME_IDS


_THEME_IDS = frozenset(t.value for t in Theme)
