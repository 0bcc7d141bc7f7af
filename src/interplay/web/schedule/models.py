"""A client's schedule: how often a re-assessment falls due (the rest of the schedule is the
core's fixed rule, `core/schedule.py`). No row means the default, six weeks."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from interplay.core.schedule import DEFAULT_REASSESS_WEEKS, REASSESS_WEEKS


class ClientSchedule(models.Model):
    client = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="schedule"
    )
    reassess_weeks = models.PositiveSmallIntegerField(
        default=DEFAULT_REASSESS_WEEKS, choices=[(weeks, str(weeks)) for weeks in REASSESS_WEEKS]
    )
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"schedule of user {self.client_id}"
