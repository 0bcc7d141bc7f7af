"""What a progress page or report is built from: one person's records, already scoped.

The client's own pages fill it from their own lookups (`own_data`); the coach's pages fill it
from the `ClientView` (what the client shared), so both sides run the same presenters over
exactly what the reader may see.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from interplay.web.accounts.models import User
from interplay.web.assessments.models import Assessment, PulseCheck
from interplay.web.journal.models import Entry
from interplay.web.practice.access import experiments_of
from interplay.web.practice.models import Experiment
from interplay.web.progress.access import reviews_of
from interplay.web.progress.models import Review
from interplay.web.relationships.access import snapshots_of
from interplay.web.relationships.models import MapSnapshot
from interplay.web.values.access import beliefs_of
from interplay.web.values.models import Belief


@dataclass
class ProgressData:
    person: User
    assessments: list[Assessment]  # finished, oldest first
    pulses: list[PulseCheck]  # any order
    experiments: list[Experiment]
    beliefs: list[Belief]
    snapshots: list[MapSnapshot] | None  # None: the map is not the reader's to see
    reviews: list[Review]
    entries: list[Entry] = field(default_factory=list)  # journal entries a review may keep
    audience: str = "client"


def own_data(user: User, *, with_entries: bool = False) -> ProgressData:
    assessments = list(
        Assessment.objects.filter(user=user, completed_at__isnull=False).order_by(
            "completed_at", "id"
        )
    )
    return ProgressData(
        person=user,
        assessments=assessments,
        pulses=list(PulseCheck.objects.filter(user=user)),
        experiments=[e for e in experiments_of(user) if e.accepted],
        beliefs=beliefs_of(user),
        snapshots=snapshots_of(user),
        reviews=reviews_of(user),
        entries=list(Entry.objects.filter(owner=user).order_by("-created_at", "-id")[:60])
        if with_entries
        else [],
    )
