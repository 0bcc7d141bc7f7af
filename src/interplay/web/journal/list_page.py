"""The journal list's content (`journal/list.html`'s) written in Python.

Around its rows (`insights.list_html`) the list is fixed wording: with the template, its
dozen translation tags, the URL tag and the pagination's tags were rendered on every request,
about a tenth of the page's instructions (docs/benchmarks.md, sixth round). Here the wording
is translated once per language (`_words`), and the few values (the search, the page numbers)
go through `e`. The bytes are those the template wrote."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.template.defaultfilters import urlencode
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from interplay.web.kernel.html import e


@lru_cache(maxsize=16)
def _words(language: str | None) -> dict[str, str]:
    """The list's fixed wording in one language. Not escaped, as `{% translate %}` does not
    escape a literal: the wording and its translations are ours."""
    return {
        "heading": _("Your journal"),
        "with_coach": _("Private unless you share an entry with your coach, one at a time."),
        "alone": _("Private: only you can read your journal."),
        "new_href": reverse("journal:new"),
        "new": _("Write a new entry"),
        "search_label": _("Search your journal"),
        "search": _("Search"),
        "pages": _("Pages of entries"),
        "newer": _("Newer"),
        "older": _("Older"),
        "nothing": _("Nothing here yet. A few lines are enough to begin."),
    }


def list_page_html(
    *, page: Any, rows_html: SafeString, query: str, total: int, has_coach: bool
) -> SafeString:
    """The content block: heading, search, the page of rows (`rows_html`, already escaped)
    with its pagination, or the word for an empty journal."""
    words = _words(get_language())
    shown_query = e(query)
    parts = [
        f"<h1>{words['heading']}</h1>\n"
        f'<p class="lead">{words["with_coach"] if has_coach else words["alone"]}</p>\n'
        f'<div class="actions"><a class="button" href="{words["new_href"]}">{words["new"]}'
        "</a></div>\n"
        '<form method="get" role="search" class="actions">\n'
        f'  <label for="journal-search" class="visually-hidden">{words["search_label"]}'
        "</label>\n"
        f'  <input type="search" id="journal-search" name="q" value="{shown_query}" '
        f'placeholder="{words["search_label"]}">\n'
        f'  <button type="submit" class="button-quiet">{words["search"]}</button>\n'
        "</form>\n"
    ]
    if query:
        # The same message ids as the template's `blocktranslate count`, so a catalogue's
        # plural forms apply; the values escaped as the tag escapes them.
        matches = ngettext(
            "%(counter)s entry matches “%(query)s”.",
            "%(counter)s entries match “%(query)s”.",
            total,
        ) % {"counter": total, "query": shown_query}
        parts.append(f'<p role="status">{matches}</p>')
    parts.append("\n")
    if page.object_list:
        parts.append(f'\n<ul class="plain entries">\n  {rows_html}\n</ul>\n')
        if page.has_other_pages():
            parts.append(_pagination(page, query, words))
        parts.append("\n")
    elif not query:
        parts.append(f"\n<p>{words['nothing']}</p>\n")
    return SafeString("".join(parts))  # every value above went through `e`


def _pagination(page: Any, query: str, words: dict[str, str]) -> str:
    search = f"&amp;q={e(urlencode(query))}" if query else ""
    newer = (
        f'<a href="?page={page.previous_page_number()}{search}">{words["newer"]}</a>'
        if page.has_previous()
        else ""
    )
    older = (
        f'<a href="?page={page.next_page_number()}{search}">{words["older"]}</a>'
        if page.has_next()
        else ""
    )
    where = _("Page %(number)s of %(count)s") % {
        "number": page.number,
        "count": page.paginator.num_pages,
    }
    return (
        f'\n<nav class="pagination" aria-label="{words["pages"]}">\n'
        f"  {newer}\n  <span>{where}</span>\n  {older}\n</nav>\n"
    )
