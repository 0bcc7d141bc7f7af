"""The reminder tasks (django-tasks, run by the database worker): planning, and sending one."""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from interplay.web.reminders.access import settings_for
from interplay.web.reminders.message import reminder_email
from interplay.web.reminders.models import SentReminder
from interplay.web.reminders.planner import plan_reminders

log = logging.getLogger("interplay.reminders")


@task()
def plan_reminders_task() -> int:
    claimed = plan_reminders()
    if claimed:
        log.info("reminders: %d claimed and queued", claimed)
    return claimed


@task()
def send_reminder_task(sent_id: int) -> bool:
    """Send one claimed reminder. Its argument is the claim's id only, so the task table holds
    no address; the row lock makes a task that runs twice send once."""
    with transaction.atomic():
        sent = (
            SentReminder.objects.select_for_update()
            .select_related("person")
            .filter(pk=sent_id, sent_at__isnull=True)
            .first()
        )
        if sent is None:  # already sent, or the person deleted their account meanwhile
            return False
        person = sent.person
        if not person.is_active or not settings_for(person).wants(sent.kind):
            return False  # turned off between the claim and now
        reminder_email(person, sent.kind).send()
        sent.sent_at = timezone.now()
        sent.save(update_fields=["sent_at"])
    return True
