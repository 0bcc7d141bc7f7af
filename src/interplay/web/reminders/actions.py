"""Writes of reminder choices: the person's own settings page, and the signed unsubscribe."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from interplay.core.reminder_time import HOURS, WEEKDAYS, is_time_zone
from interplay.web.accounts.models import User
from interplay.web.kernel.errors import ActionError, require_owner
from interplay.web.reminders.models import ReminderKind, ReminderSettings


def _whole(raw: Any, allowed: range, message: str) -> int:
    text = str(raw if raw is not None else "").strip()
    if not text.isdigit() or int(text) not in allowed:
        raise ActionError(message)
    return int(text)


def _locked_settings(person: User) -> ReminderSettings:
    found, _created = ReminderSettings.objects.select_for_update().get_or_create(person=person)
    return found


def do_save_reminder_settings(
    person: User, data: Mapping[str, Any], *, actor: User
) -> ReminderSettings:
    """Save which reminders `person` wants and when. Ticking none means no reminder emails.
    Everything is checked before anything is saved, so a bad value changes nothing."""
    require_owner(person.pk, actor)
    weekday = _whole(data.get("weekday"), WEEKDAYS, _("Please choose a day of the week."))
    hour = _whole(data.get("hour"), HOURS, _("Please choose an hour from the list."))
    zone = str(data.get("time_zone", "") or "").strip()
    if not is_time_zone(zone):
        raise ActionError(_("Please choose your time zone from the list."))
    chosen = {kind: str(data.get(kind, "")) in {"1", "on", "true"} for kind in ReminderKind.values}
    with transaction.atomic():
        found = _locked_settings(person)
        for kind, wanted in chosen.items():
            setattr(found, kind, wanted)
        found.weekday, found.hour, found.time_zone = weekday, hour, zone
        found.updated_at = timezone.now()
        found.save()
    return found


def do_unsubscribe(person: User) -> ReminderSettings:
    """Turn every reminder email off for `person`. Nobody is signed in: the signed link from
    the email (`unsubscribe.person_of`) is the proof, and it can do nothing else."""
    with transaction.atomic():
        found = _locked_settings(person)
        for kind in ReminderKind.values:
            setattr(found, kind, False)
        found.updated_at = timezone.now()
        found.save()
    return found
