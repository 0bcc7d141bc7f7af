"""Planning reminders: who is due for which reminder now, and claiming each exactly once.

The planner runs as a task (`tasks.plan_reminders_task`) every few minutes (`clock.py`). For
each client who wants reminders it asks the one schedule (`schedule.access.own_schedule`) what
falls due and when, places each due moment on the person's chosen slot (`core.reminder_time`),
and claims every reminder whose slot has come: a `SentReminder` row inserted in its own
transaction, the email queued only once that insert commits. The row is unique per (person,
kind, due moment), so a second planner (another worker, or the same one a few minutes later)
finds the claim taken and queues nothing. A reminder is therefore sent at most once; if the
mail server refuses it, it is not retried (the task's failure is kept in the task table).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time

from django.db import IntegrityError, transaction
from django.utils import timezone

from interplay.core.reminder_time import day_slot, weekly_slot
from interplay.core.schedule import next_check_in, next_reassessment
from interplay.web.accounts.models import Role, User
from interplay.web.reminders.access import settings_for
from interplay.web.reminders.models import ReminderKind, ReminderSettings, SentReminder
from interplay.web.schedule.access import (
    OwnSchedule,
    planned_by_owner,
    schedule_from,
    with_schedule_columns,
)


@dataclass(frozen=True)
class Planned:
    kind: str
    due_at: datetime  # the schedule's moment: the claim's key
    send_at: datetime  # the person's slot for it


def reminders_for(schedule: OwnSchedule, choice: ReminderSettings) -> list[Planned]:
    """Every reminder the person chose for what the schedule holds, due or not yet, earliest
    first. Nothing is planned before the first assessment: Home asks for that one."""
    zone, weekday, hour = choice.zone_name, choice.weekday, choice.hour
    planned = []
    if choice.check_in:
        due = next_check_in(schedule.last_assessment, schedule.last_check_in)
        if due is not None:
            planned.append(
                Planned(ReminderKind.CHECK_IN, due, weekly_slot(due, weekday, hour, zone))
            )
    if choice.reassessment:
        due = next_reassessment(schedule.last_assessment, schedule.reassess_weeks)
        if due is not None:
            slot = weekly_slot(due, weekday, hour, zone)
            planned.append(Planned(ReminderKind.REASSESSMENT, due, slot))
    if choice.follow_up:
        # One reminder a day however many experiments share it; the day is the key.
        for day in sorted({p.planned_for for p in schedule.planned if p.planned_for}):
            key = datetime.combine(day, time(0), tzinfo=UTC)
            planned.append(Planned(ReminderKind.FOLLOW_UP, key, day_slot(day, hour, zone)))
    return sorted(planned, key=lambda p: p.send_at)


def claim(person: User, planned: Planned, now: datetime) -> SentReminder | None:
    """Insert the claim for this reminder; None when someone already holds it. The email is
    queued when (and only if) the insert commits."""
    from interplay.web.reminders.tasks import send_reminder_task

    try:
        with transaction.atomic():
            sent = SentReminder.objects.create(
                person=person,
                kind=planned.kind,
                due_at=planned.due_at,
                send_at=planned.send_at,
                claimed_at=now,
            )
            transaction.on_commit(lambda: send_reminder_task.enqueue(sent.pk))
    except IntegrityError:
        return None
    return sent


def _come(now: datetime) -> list[tuple[User, Planned]]:
    """Every chosen reminder whose slot has come, with its person. Three queries for the whole
    practice: the clients with their choices and schedule columns, and their planned days."""
    clients = User.objects.filter(role=Role.CLIENT, is_active=True)
    planned_days = planned_by_owner(clients)
    found = []
    for person in with_schedule_columns(clients.select_related("reminder_settings")).order_by("pk"):
        choice = settings_for(person)
        if not choice.any_chosen:
            continue
        schedule = schedule_from(
            person.last_assessment,  # type: ignore[attr-defined]
            person.last_check_in,  # type: ignore[attr-defined]
            person.reassess_weeks,  # type: ignore[attr-defined]
            planned_days.get(int(person.pk), ()),
            now,
            now.astimezone(choice.zone_info).date(),
        )
        found += [(person, p) for p in reminders_for(schedule, choice) if p.send_at <= now]
    return found


def _claimed_already(come: list[tuple[User, Planned]]) -> set[tuple[int, str, datetime]]:
    """The claims already made among `come` (one query), so a round does not try an insert it
    knows will fail; the unique row still decides when two planners race."""
    if not come:
        return set()
    rows = SentReminder.objects.filter(
        person__in={person.pk for person, _ in come}, due_at__in={p.due_at for _, p in come}
    ).values_list("person_id", "kind", "due_at")
    return {(int(person_id), kind, due_at) for person_id, kind, due_at in rows}


def plan_reminders(now: datetime | None = None) -> int:
    """Claim and queue every reminder whose slot has come; returns how many were claimed."""
    now = now or timezone.now()
    come = _come(now)
    taken = _claimed_already(come)
    claimed = 0
    for person, planned in come:
        if (int(person.pk), planned.kind, planned.due_at) in taken:
            continue
        if claim(person, planned, now) is not None:
            claimed += 1
    return claimed
