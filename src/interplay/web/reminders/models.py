"""Reminder emails: what each person chose, and the reminders already claimed.

`SentReminder` is the once-only guarantee: one row per (person, kind, due moment), unique in
the database, inserted in a transaction before the email is queued. Two workers planning at
the same moment both try the insert; the database lets one win, and only the winner queues
the email (`planner.claim`)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from interplay.core.reminder_time import HOURS, WEEKDAYS, is_time_zone

DEFAULT_WEEKDAY = 0  # Monday
DEFAULT_HOUR = 9


class ReminderKind(models.TextChoices):
    REASSESSMENT = "reassessment", _("Re-assessment")
    CHECK_IN = "check_in", _("Weekly check-in")
    FOLLOW_UP = "follow_up", _("Experiment follow-ups")


class ReminderSettings(models.Model):
    """A person's choices. No row means the defaults: every kind, Mondays at 09:00 on the
    practice's clock (`INTERPLAY_TIME_ZONE`); each email offers a one-click way out."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_settings"
    )
    reassessment = models.BooleanField(default=True)
    check_in = models.BooleanField(default=True)
    follow_up = models.BooleanField(default=True)
    weekday = models.PositiveSmallIntegerField(
        default=DEFAULT_WEEKDAY, choices=[(day, str(day)) for day in WEEKDAYS]
    )
    hour = models.PositiveSmallIntegerField(
        default=DEFAULT_HOUR, choices=[(hour, str(hour)) for hour in HOURS]
    )
    time_zone = models.CharField(max_length=64, blank=True, default="")  # "": the practice's
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"reminder settings of user {self.person_id}"

    def wants(self, kind: str) -> bool:
        return bool(getattr(self, kind))

    @property
    def zone_name(self) -> str:
        """The chosen zone, or the practice's (also when a saved name left the zone list)."""
        return self.time_zone if is_time_zone(self.time_zone) else str(settings.TIME_ZONE)

    @property
    def zone_info(self) -> ZoneInfo:
        return ZoneInfo(self.zone_name)

    @property
    def any_chosen(self) -> bool:
        return any(self.wants(kind) for kind in ReminderKind.values)


class SentReminder(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_reminders"
    )
    kind = models.CharField(max_length=16, choices=ReminderKind.choices)
    # The schedule's moment this reminder is for (not when it went out), so changing the hour
    # never sends the same reminder twice.
    due_at = models.DateTimeField()
    send_at = models.DateTimeField()  # the person's chosen slot
    claimed_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "kind", "due_at"], name="one_reminder_per_due_moment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} reminder for user {self.person_id}"
