"""Reads of a client's schedule and of what is due for them, from their own data.

The coach's pages ask the same core rule with what the client shared (`coaching.presenters`
passes the `ClientView`'s reads and `reassess_weeks_of`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from interplay.core.schedule import (
    DEFAULT_REASSESS_WEEKS,
    Due,
    PlannedExperiment,
    what_is_due,
)
from interplay.core.vocabulary import ExperimentStatus
from interplay.web.accounts.models import User
from interplay.web.assessments.access import latest_profile, latest_pulse
from interplay.web.assessments.models import Assessment, PulseCheck
from interplay.web.practice.models import Experiment
from interplay.web.schedule.models import ClientSchedule


def reassess_weeks_of(client: User | int) -> int:
    found = (
        ClientSchedule.objects.filter(client=client)
        .values_list("reassess_weeks", flat=True)
        .first()
    )
    return int(found) if found is not None else DEFAULT_REASSESS_WEEKS


def planned_of(experiments: Iterable[Experiment]) -> list[PlannedExperiment]:
    """The still-planned (and accepted) experiments among `experiments`, with their days."""
    return [
        PlannedExperiment(int(e.pk), e.planned_for)
        for e in experiments
        if e.accepted and e.status == ExperimentStatus.PLANNED
    ]


def _planned(owner: User) -> list[PlannedExperiment]:
    rows = Experiment.objects.filter(
        owner=owner, accepted=True, status=ExperimentStatus.PLANNED, planned_for__isnull=False
    ).values_list("pk", "planned_for")
    return [PlannedExperiment(int(pk), day) for pk, day in rows]


@dataclass(frozen=True)
class OwnSchedule:
    """What is due for a client by their own data, and the moments behind it."""

    due: Due
    reassess_weeks: int
    last_assessment: datetime | None
    last_check_in: datetime | None
    planned: tuple[PlannedExperiment, ...]


def own_schedule(
    client: User,
    now: datetime | None = None,
    today: date | None = None,
    *,
    latest: tuple[Assessment | None, PulseCheck | None] | None = None,
) -> OwnSchedule:
    """What is due for `client` now (`today` is their own date). A page that has already read
    the latest assessment and check-in passes them as `latest`, saving two queries."""
    now = now or timezone.now()
    assessment, pulse = (
        latest if latest is not None else (latest_profile(client), latest_pulse(client))
    )
    last_assessment = assessment.completed_at if assessment else None
    last_check_in = pulse.taken_at if pulse else None
    weeks = reassess_weeks_of(client)
    planned = tuple(_planned(client))
    due = what_is_due(
        now,
        last_assessment,
        last_check_in,
        reassess_weeks=weeks,
        today=today or timezone.localdate(now),
        planned=planned,
    )
    return OwnSchedule(due, weeks, last_assessment, last_check_in, planned)
