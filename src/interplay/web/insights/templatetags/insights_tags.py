"""Template tags that put the journal analyses on pages owned by other apps (the journal's
entry page, the coach desk's client page) without those apps' views knowing about them."""

from __future__ import annotations

from typing import Any

from django import template

from interplay.language.theme_summary import SUMMARY_WINDOW, summarise_themes
from interplay.web.accounts.models import User
from interplay.web.insights.access import shared_readings_of
from interplay.web.insights.actions import Reading, current_analysis
from interplay.web.insights.labels import theme_name
from interplay.web.insights.presenters import highlighted, shown_themes
from interplay.web.journal.models import Entry
from interplay.web.safety.presenters import support_context

register = template.Library()
# As many shared entries as the coach's timeline can show (coachdesk's TIMELINE_LIMIT and more).
SHARED_ON_A_PAGE = 60


@register.inclusion_tag("insights/_entry_themes.html", takes_context=True)
def entry_themes(context: template.Context, entry: Entry) -> dict[str, Any]:
    """The writer's view: themes, plain explanations and the text with highlights."""
    found = current_analysis(entry)
    return {
        "entry": entry,
        "themes": shown_themes(entry.body, found),
        "pieces": highlighted(entry.body, found) if found.themes else [],
    }


@register.inclusion_tag("insights/_entry_support.html", takes_context=True)
def entry_support(context: template.Context, entry: Entry) -> dict[str, Any]:
    """Shown first on the entry page when the safety screen saw a risk in it."""
    found = current_analysis(entry)
    if not found.flagged:
        return {"show": False}
    return {
        "show": True,
        "request": context.get("request"),
        **support_context(entry.owner, found.risk),
    }


@register.simple_tag
def theme_names(entry: Entry) -> str:
    """Names of an entry's themes, for lists (uses the analysis fetched with the entry)."""
    return ", ".join(theme_name(theme) for theme, _score in current_analysis(entry).themes)


@register.inclusion_tag("insights/_shared_summary.html", takes_context=True)
def shared_summary(context: template.Context, client: User) -> dict[str, Any]:
    """The coach's view across the latest shared entries; private entries never count."""
    readings = _shared_readings(context, client.pk)[:SUMMARY_WINDOW]
    rows = summarise_themes([[theme for theme, _s in r.themes] for _e, r in readings])
    return {
        "summary": [
            {"name": theme_name(row.theme), "n": row.count, "out_of": row.out_of} for row in rows
        ]
    }


def _shared_readings(context: template.Context, client_id: int) -> list[tuple[Entry, Reading]]:
    """Analyses of the client's latest shared entries, fetched once per page render and
    shared by the summary and every entry on the page."""
    cache = context.render_context.setdefault("insights_shared", {})
    if client_id not in cache:
        cache[client_id] = shared_readings_of(client_id, limit=SHARED_ON_A_PAGE)
    found: list[tuple[Entry, Reading]] = cache[client_id]
    return found


@register.inclusion_tag("insights/_shared_entry_themes.html", takes_context=True)
def shared_entry_themes(context: template.Context, entry: Entry) -> dict[str, Any]:
    """Themes of one shared entry on the coach's page. Analyses for the page's entries are
    fetched once per render, not once per entry."""
    if not entry.shared_with_coach:
        return {"themes": []}
    by_entry = {e.pk: r for e, r in _shared_readings(context, entry.owner_id)}
    found = by_entry.get(entry.pk) or current_analysis(entry)
    return {"themes": shown_themes(entry.body, found)}
