"""What a client shared with their coach, newest first, in one list: journal entries they chose
to share, assessments and check-ins left shared. Nothing private is ever read here: every
query filters on `shared_with_coach`, and search runs only over shared entries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from interplay.web.accounts.models import User
from interplay.web.assessments.models import Assessment, PulseCheck
from interplay.web.journal.models import Entry

TIMELINE_LIMIT = 30
SEARCH_SCAN_LIMIT = 500  # shared entries decrypted per search, newest first


@dataclass(frozen=True)
class Moment:
    when: datetime
    kind: str  # "entry", "assessment" or "check-in"
    item: Any


def shared_entries(client: User, query: str = "", limit: int = TIMELINE_LIMIT) -> list[Entry]:
    """The client's shared entries, newest first; with `query`, those containing every word
    (the text is encrypted, so shared rows are decrypted and filtered here)."""
    rows = Entry.objects.filter(owner=client, shared_with_coach=True).order_by("-created_at", "-id")
    words = [word.casefold() for word in query.split()]
    if not words:
        return list(rows[:limit])
    found = []
    for entry in rows[:SEARCH_SCAN_LIMIT]:
        text = f"{entry.title}\n{entry.body}".casefold()
        if all(word in text for word in words):
            found.append(entry)
            if len(found) >= limit:
                break
    return found


def shared_assessments(client: User) -> list[Assessment]:
    """Completed, shared assessments, oldest first (the order the history reads in)."""
    return list(
        Assessment.objects.filter(
            user=client, completed_at__isnull=False, shared_with_coach=True
        ).order_by("completed_at", "id")
    )


def shared_pulses(client: User, limit: int = TIMELINE_LIMIT) -> list[PulseCheck]:
    return list(
        PulseCheck.objects.filter(user=client, shared_with_coach=True).order_by("-taken_at", "-id")[
            :limit
        ]
    )


def timeline(
    entries: list[Entry],
    assessments: list[Assessment],
    pulses: list[PulseCheck],
    limit: int = TIMELINE_LIMIT,
) -> list[Moment]:
    moments = [Moment(e.created_at, "entry", e) for e in entries]
    moments += [Moment(a.completed_at, "assessment", a) for a in assessments if a.completed_at]
    moments += [Moment(p.taken_at, "check-in", p) for p in pulses]
    moments.sort(key=lambda moment: moment.when, reverse=True)
    return moments[:limit]
