"""Self-assessments and weekly pulse check-ins: the raw answers and the stored profile.

The profile is computed once by the core (`interplay.core.profile.build_profile`) when the
assessment is finished, and stored as JSON; pages read it, never recompute it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Assessment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessments"
    )
    started_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # {item_id: 1..5}; saved one answer at a time so a closed tab loses nothing.
    answers = models.JSONField(default=dict)
    instrument_version = models.CharField(max_length=40, blank=True, default="")
    profile = models.JSONField(null=True, blank=True)
    shared_with_coach = models.BooleanField(default=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [
            models.Index(
                fields=["user", "-completed_at", "-id"],
                condition=Q(shared_with_coach=True, completed_at__isnull=False),
                name="assessment_shared_done",
            ),
        ]

    def __str__(self) -> str:
        return f"assessment {self.pk} of user {self.user_id}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


class PulseCheck(models.Model):
    """The short weekly check-in: a handful of items, under a minute."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pulse_checks"
    )
    taken_at = models.DateTimeField(default=timezone.now, db_index=True)
    answers = models.JSONField(default=dict)
    # What the core's `score_pulse` returned, stored as given.
    result = models.JSONField(default=dict)
    shared_with_coach = models.BooleanField(default=True)

    class Meta:
        ordering = ["-taken_at", "-id"]
        indexes = [
            models.Index(fields=["user", "-taken_at", "-id"], name="pulse_user_recent"),
            models.Index(
                fields=["user", "-taken_at", "-id"],
                condition=Q(shared_with_coach=True),
                name="pulse_shared_recent",
            ),
        ]

    def __str__(self) -> str:
        return f"pulse {self.pk} of user {self.user_id}"
