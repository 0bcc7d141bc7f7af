"""Summaries of journal themes across entries, and the text cut into highlighted pieces.

Both are pure: the web app hands in what it stored and renders what comes back. The summary
counts only the entries it is given, so whoever calls it decides which entries may count (the
coach's page passes shared entries alone).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from interplay.core.vocabulary import Theme

# How many of the latest entries a summary looks back over, unless told otherwise.
SUMMARY_WINDOW = 8


@dataclass(frozen=True)
class ThemeCount:
    """`theme` showed in `count` of the latest `out_of` entries."""

    theme: Theme
    count: int
    out_of: int


def summarise_themes(
    entries_newest_first: Sequence[Iterable[Theme | str]], window: int = SUMMARY_WINDOW
) -> list[ThemeCount]:
    """How often each theme showed in the latest `window` entries, most frequent first.

    Each item is the set of themes one entry showed (empty when it showed none: it still counts
    towards `out_of`). Unknown theme ids are ignored, so a theme retired from the vocabulary
    cannot break a page. Ties keep the vocabulary's order."""
    if window < 1:
        raise ValueError("window must be at least 1")
    latest = entries_newest_first[:window]
    counts: dict[Theme, int] = {}
    for themes in latest:
        for theme in {_theme(value) for value in themes} - {None}:
            assert theme is not None  # narrowed for mypy
            counts[theme] = counts.get(theme, 0) + 1
    order = list(Theme)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], order.index(item[0])))
    return [ThemeCount(theme, count, len(latest)) for theme, count in ranked]


def _theme(value: Theme | str) -> Theme | None:
    try:
        return Theme(value)
    except ValueError:
        return None


@dataclass(frozen=True)
class Piece:
    """A run of the text and the labels whose evidence covers all of it (none: plain text)."""

    text: str
    labels: tuple[str, ...]


def highlight(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Piece]:
    """Cut `text` at every span edge; each piece carries the labels covering it.

    Spans are (start, end, label) character offsets; spans outside the text are clipped, empty
    ones dropped, overlaps allowed (a piece can carry several labels, in first-seen order).
    Linear in the text plus the number of spans, so a 100 kB entry stays cheap."""
    size = len(text)
    clean = []
    for start, end, label in spans:
        start, end = max(0, min(start, size)), max(0, min(end, size))
        if start < end:
            clean.append((start, end, label))
    if not clean:
        return [Piece(text, ())] if text else []
    cuts = sorted({0, size, *(s for s, _e, _l in clean), *(e for _s, e, _l in clean)})
    order: dict[str, int] = {}
    for _s, _e, label in clean:
        order.setdefault(label, len(order))
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    for start, end, label in clean:
        opens.setdefault(start, []).append(label)
        closes.setdefault(end, []).append(label)
    active: dict[str, int] = {}
    pieces: list[Piece] = []
    for here, there in zip(cuts, cuts[1:], strict=False):
        for label in closes.get(here, []):
            active[label] -= 1
            if not active[label]:
                del active[label]
        for label in opens.get(here, []):
            active[label] = active.get(label, 0) + 1
        labels = tuple(sorted(active, key=order.__getitem__))
        if pieces and pieces[-1].labels == labels:
            pieces[-1] = Piece(pieces[-1].text + text[here:there], labels)
        else:
            pieces.append(Piece(text[here:there], labels))
    return pieces
