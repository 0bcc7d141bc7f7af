"""Reads of a client's schedule and of what is due for them, from their own data.

The coach's pages ask the same core rule with what the client shared (`coaching.presenters`
passes the `ClientView`'s reads and `reassess_weeks_of`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import DateTimeField, F, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
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
from interplay.web.kernel.compiled import compiled
from interplay.web.practice.models import Experiment
from interplay.web.schedule.models import ClientSchedule


def reassess_weeks_of(client: User | int) -> int:
    rows = compiled(  # its SQL compiled once: the planner and the client page ask each time
        ("reassess weeks",),
        lambda v: ClientSchedule.objects.filter(client=v["client"]).values("reassess_weeks")[:1],
        {"client": "int"},
    ).rows({"client": client if isinstance(client, int) else client.pk})
    found = rows[0]["reassess_weeks"] if rows else None
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
    return schedule_from(
        assessment.completed_at if assessment else None,
        pulse.taken_at if pulse else None,
        reassess_weeks_of(client),
        _planned(client),
        now,
        today or timezone.localdate(now),
    )


def schedule_from(
    last_assessment: datetime | None,
    last_check_in: datetime | None,
    reassess_weeks: int,
    planned: Iterable[PlannedExperiment],
    now: datetime,
    today: date,
) -> OwnSchedule:
    kept = tuple(planned)
    due = what_is_due(
        now, last_assessment, last_check_in, reassess_weeks=reassess_weeks, today=today,
        planned=kept,
    )  # fmt: skip
    return OwnSchedule(due, reassess_weeks, last_assessment, last_check_in, kept)


def with_schedule_columns(people: QuerySet[User]) -> QuerySet[User]:
    """`people` with `last_assessment`, `last_check_in` and `reassess_weeks` as columns, in
    the same query: the reminder planner reads every client this way, without loading (and
    decrypting) anyone's answers."""
    last_assessment = (
        Assessment.objects.filter(user=OuterRef("pk"), completed_at__isnull=False)
        .order_by("-completed_at")
        .values("completed_at")[:1]
    )
    last_check_in = (
        PulseCheck.objects.filter(user=OuterRef("pk")).order_by("-taken_at").values("taken_at")[:1]
    )
    return people.annotate(
        last_assessment=Subquery(last_assessment, output_field=DateTimeField()),
        last_check_in=Subquery(last_check_in, output_field=DateTimeField()),
        reassess_weeks=Coalesce(F("schedule__reassess_weeks"), Value(DEFAULT_REASSESS_WEEKS)),
    )


def planned_by_owner(owners: QuerySet[User]) -> dict[int, list[PlannedExperiment]]:
    """Every still-planned experiment with a day, of these owners, in one query."""
    found: dict[int, list[PlannedExperiment]] = defaultdict(list)
    rows = Experiment.objects.filter(
        owner__in=owners, accepted=True, status=ExperimentStatus.PLANNED, planned_for__isnull=False
    ).values_list("owner_id", "pk", "planned_for")
    for owner_id, pk, day in rows:
        found[int(owner_id)].append(PlannedExperiment(int(pk), day))
    return found
