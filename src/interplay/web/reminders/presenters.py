"""What the reminder settings page shows: the choices as form values and the next reminders
the planner would send, read from the same rule it uses (nothing here writes)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from itertools import groupby
from typing import Any

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from interplay.core.reminder_time import HOURS, time_zone_names
from interplay.web.accounts.models import User
from interplay.web.reminders.access import settings_for
from interplay.web.reminders.models import ReminderKind, ReminderSettings
from interplay.web.reminders.planner import reminders_for
from interplay.web.schedule.access import own_schedule

NEXT_SHOWN = 3


def _weekdays() -> list[tuple[int, str]]:
    names = (_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"),
             _("Saturday"), _("Sunday"))  # fmt: skip
    return list(enumerate(names))


def _zone_groups() -> list[tuple[str, list[str]]]:
    """The zone list grouped by region ("Europe", "America", ...) for the select's optgroups."""
    return [
        (region, list(names))
        for region, names in groupby(time_zone_names(), key=lambda n: n.split("/")[0])
    ]


def form_values(choice: ReminderSettings) -> dict[str, Any]:
    return {
        **{kind: choice.wants(kind) for kind in ReminderKind.values},
        "weekday": str(choice.weekday),
        "hour": str(choice.hour),
        "time_zone": choice.zone_name,
    }


def posted_values(data: Mapping[str, Any]) -> dict[str, Any]:
    """What was sent back, to show again with the message when it could not be saved."""
    return {
        **{kind: str(data.get(kind, "")) in {"1", "on", "true"} for kind in ReminderKind.values},
        "weekday": str(data.get("weekday", "")),
        "hour": str(data.get("hour", "")),
        "time_zone": str(data.get("time_zone", "")),
    }


def _when(moment: datetime, choice: ReminderSettings) -> str:
    local = moment.astimezone(choice.zone_info)
    return formats.date_format(local, "l j F Y, H:i")


def next_reminders(person: User, choice: ReminderSettings) -> list[dict[str, str]]:
    now = timezone.now()
    planned = reminders_for(
        own_schedule(person, now, now.astimezone(choice.zone_info).date()), choice
    )
    kinds = dict(ReminderKind.choices)
    shown = [p for p in planned if p.send_at > now][:NEXT_SHOWN]
    return [{"kind": str(kinds[p.kind]), "when": _when(p.send_at, choice)} for p in shown]


def settings_context(person: User, values: dict[str, Any] | None = None) -> dict[str, Any]:
    choice = settings_for(person)
    schedule = own_schedule(person)
    return {
        "values": values or form_values(choice),
        "kinds": ReminderKind.choices,
        "weekdays": [(str(n), name) for n, name in _weekdays()],
        "hours": [(str(h), f"{h:02d}:00") for h in HOURS],
        "zone_groups": _zone_groups(),
        "reassess_weeks": schedule.reassess_weeks,
        "next": next_reminders(person, choice) if choice.any_chosen else [],
        "none_chosen": not choice.any_chosen,
    }
