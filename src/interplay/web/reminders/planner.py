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
from interplay.web.schedule.access import OwnSchedule, own_schedule


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


def _clients() -> list[User]:
    return list(
        User.objects.filter(role=Role.CLIENT, is_active=True)
        .select_related("reminder_settings")
        .order_by("pk")
    )


def plan_reminders(now: datetime | None = None) -> int:
    """Claim and queue every reminder whose slot has come; returns how many were claimed."""
    now = now or timezone.now()
    claimed = 0
    for person in _clients():
        choice = settings_for(person)
        if not choice.any_chosen:
            continue
        today = now.astimezone(choice.zone_info).date()
        for planned in reminders_for(own_schedule(person, now, today), choice):
            if planned.send_at <= now and claim(person, planned, now) is not None:
                claimed += 1
    return claimed
