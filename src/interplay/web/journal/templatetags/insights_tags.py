"""Template tags that put the journal analyses on pages owned by other apps (the journal's
entry page, the coach desk's client page) without those apps' views knowing about them."""

from __future__ import annotations

from typing import Any

from django import template

from interplay.web.journal.analysis import current_analysis
from interplay.web.journal.insights import highlighted, shown_themes
from interplay.web.journal.models import Entry
from interplay.web.journal.theme_labels import theme_name
from interplay.web.safety.presenters import support_context

register = template.Library()


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
