"""Reading analyses for pages. Only entries the caller may see reach here: the owner's own, or
for a coach the shared entries of a client from `access_client_for_coach`."""

from __future__ import annotations

from interplay.language.theme_summary import SUMMARY_WINDOW, ThemeCount, summarise_themes
from interplay.web.accounts.models import User
from interplay.web.insights.actions import Reading, current_analysis
from interplay.web.journal.models import Entry


def shared_readings(client: User, limit: int = SUMMARY_WINDOW) -> list[tuple[Entry, Reading]]:
    """The latest `limit` shared entries with their analyses, newest first."""
    return shared_readings_of(client.pk, limit)


def shared_readings_of(client_id: int, limit: int) -> list[tuple[Entry, Reading]]:
    """As `shared_readings`, by id: one query, unless some analysis has to be recomputed.
    Private entries are never read."""
    entries = (
        Entry.objects.filter(owner_id=client_id, shared_with_coach=True)
        .select_related("analysis")
        .order_by("-created_at", "-id")[:limit]
    )
    return [(entry, current_analysis(entry)) for entry in entries]


def shared_theme_summary(client: User, window: int = SUMMARY_WINDOW) -> list[ThemeCount]:
    readings = shared_readings(client, window)
    return summarise_themes([[theme for theme, _score in r.themes] for _e, r in readings], window)
