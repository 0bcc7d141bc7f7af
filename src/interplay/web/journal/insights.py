"""Turning a stored analysis into what a page draws: the themes with their names, plain
explanations and the words behind them, and the text cut into highlighted pieces."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from interplay.core.vocabulary import Theme
from interplay.language.theme_summary import SUMMARY_WINDOW, Piece, highlight, summarise_themes
from interplay.web import labels
from interplay.web.journal.analysis import (
    Reading,
    stored_reading,
    stored_themes,
    themes_from_stored,
)
from interplay.web.journal.models import EXCERPT_WORDS, Entry, listing_of
from interplay.web.journal.theme_labels import theme_explanation, theme_name
from interplay.web.kernel.html import e
from interplay.web.labels import first_words


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


def entry_themes(entry: Any) -> list[ShownTheme]:
    """The themes of one entry from its stored analysis (fetched with it), with quotes."""
    return shown_themes(entry.body, stored_reading(entry))


def themes_summary(
    found: Iterable[tuple[tuple[Theme, float], ...]], window: int = SUMMARY_WINDOW
) -> list[dict[str, Any]]:
    """Themes across the latest `window` shared entries, from their stored themes (newest
    first): for the coach, only ever those of the shared entries a `ClientView` returned."""
    counted = list(found)[:window]
    rows = summarise_themes([[theme for theme, _s in themes] for themes in counted], window)
    return [{"name": theme_name(row.theme), "n": row.count, "out_of": row.out_of} for row in rows]


def entry_page(entry: Any) -> dict[str, Any]:
    """What the writer's entry page shows of the stored analysis: the support message first
    when the safety screen saw a risk, then the themes with the text highlighted. Read as
    stored; an older engine's reading is shown and said to be being brought up to date."""
    from interplay.web.safety.presenters import support_context

    found = stored_reading(entry)
    return {
        "support": support_context(entry.owner, found.risk) if found.flagged else None,
        "themes": shown_themes(entry.body, found),
        "pieces": highlighted(entry.body, found) if found.themes else [],
        "themes_updating": found.stale,
    }


def theme_names(entry: Any) -> str:
    """Names of an entry's stored themes, for lists (the analysis fetched with the entry)."""
    return ", ".join(theme_name(theme) for theme, _score in stored_themes(entry))


def list_rows(entries: Iterable[Any]) -> list[dict[str, Any]]:
    """The journal list's rows with their words worked out once per page (the entry's address,
    the date, an excerpt, the themes' names), so the template only loops. For entries read
    whole (a search decrypts the text anyway)."""
    return _rows(
        (
            e.pk,
            e.title,
            first_words(e.body, EXCERPT_WORDS),
            e.created_at,
            e.shared_with_coach,
            stored_themes(e),
        )
        for e in entries
    )


def list_rows_of_values(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The same rows from `LIST_COLUMNS` read as values (the unsearched list's compiled SQL):
    each entry's stored listing, one short decryption, not its title and whole body. An entry
    loaded around `Entry.save()` has none yet; its text is read for it here (a read: nothing
    is written back)."""
    rows = list(rows)
    missing = [row["pk"] for row in rows if not row["listing"]]
    found = (
        {
            text["pk"]: listing_of(text["title"], text["body"])
            for text in Entry.objects.filter(pk__in=missing).values("pk", "title", "body")
        }
        if missing
        else {}
    )
    return _rows(
        (
            row["pk"],
            (row["listing"] or found[row["pk"]])["title"],
            (row["listing"] or found[row["pk"]])["excerpt"],
            row["created_at"],
            row["shared_with_coach"],
            themes_from_stored(row["analysis__themes"] or ()),
        )
        for row in rows
    )


def list_html(rows: Iterable[Mapping[str, Any]]) -> SafeString:
    """The list's items as HTML, written here rather than by a template loop (a dozen
    template nodes a row were most of the page's rendering); every value is escaped."""
    shared, themes_word = e(_("shared")), e(_("Themes:"))
    items = []
    for row in rows:
        tag = f'<span class="tag">{shared}</span>' if row["shared"] else ""
        themes = f'<p class="muted">{themes_word} {e(row["themes"])}</p>' if row["themes"] else ""
        items.append(
            f'<li>\n    <a href="{e(row["href"])}">{e(row["title"])}</a>\n'
            f'    <span class="muted">{e(row["date"])}</span>\n    {tag}\n'
            f'    {themes}\n    <p class="muted">{e(row["excerpt"])}</p>\n  </li>'
        )
    return SafeString("\n  ".join(items))  # every value above went through `e`


# What a list row reads of an entry and its analysis: the listing, not the text (the sealed
# evidence is not read either).
LIST_COLUMNS = ("pk", "listing", "created_at", "shared_with_coach", "analysis__themes")


def _rows(
    found: Iterable[tuple[int, str, str, Any, bool, tuple[tuple[Theme, float], ...]]],
) -> list[dict[str, Any]]:
    untitled = _("Untitled entry")
    # Reversed once per page: the entry's address up to its id.
    prefix = reverse("journal:detail", args=[0]).removesuffix("0/")
    dates = labels.DateWriter()  # the month names and time zone looked up once a page
    return [
        {
            "href": f"{prefix}{pk}/",
            "title": title or untitled,
            "date": dates.long(created_at),
            "shared": shared,
            "themes": ", ".join(theme_name(theme) for theme, _score in themes),
            "excerpt": excerpt,
        }
        for pk, title, excerpt, created_at, shared, themes in found
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
