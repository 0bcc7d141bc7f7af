"""What a client shared with their coach, newest first, in one list: journal entries they chose
to share, assessments and check-ins left shared. The rows come from the `ClientView`, so
nothing private ever reaches here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from interplay.web.assessments.models import Assessment, PulseCheck
from interplay.web.coaching.client_view import TIMELINE_LIMIT
from interplay.web.journal.glance import EntryGlance
from interplay.web.journal.models import Entry


@dataclass(frozen=True)
class Moment:
    when: datetime
    kind: str  # "entry", "assessment" or "check-in"
    item: Any


def timeline(
    entries: Sequence[Entry | EntryGlance],
    assessments: list[Assessment],
    pulses: list[PulseCheck],
    limit: int = TIMELINE_LIMIT,
) -> list[Moment]:
    moments = [Moment(e.created_at, "entry", e) for e in entries]
    moments += [Moment(a.completed_at, "assessment", a) for a in assessments if a.completed_at]
    moments += [Moment(p.taken_at, "check-in", p) for p in pulses]
    moments.sort(key=lambda moment: moment.when, reverse=True)
    return moments[:limit]
