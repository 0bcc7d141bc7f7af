"""Reads of a person's reminder choices (the defaults when they have made none)."""

from __future__ import annotations

from interplay.web.accounts.models import User
from interplay.web.reminders.models import ReminderSettings


def settings_for(person: User) -> ReminderSettings:
    """The person's saved choices, or the defaults (unsaved) when they have none."""
    try:
        return person.reminder_settings
    except ReminderSettings.DoesNotExist:
        return ReminderSettings(person=person)
