"""A person's walk along the guided path: what they chose (to begin, skip, revisit, share),
never what they did. Whether a step is done is read from their own data each time
(`progress.py`), so deleting the entry or the experiment behind a step undoes it, and nothing
here repeats private text."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class PathProgress(models.Model):
    """One per person on the path: since when, which walk, and whether a coach may see it."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="path_progress"
    )
    started_at = models.DateTimeField(default=timezone.now)
    # The path can be walked again: evidence counts from the start of the current walk.
    walk = models.PositiveSmallIntegerField(default=1)
    walk_started_at = models.DateTimeField(default=timezone.now)
    shared_with_coach = models.BooleanField(default=False)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_paths",
    )
    # A coach's suggestion of the step to take next (a step id), while it stands.
    suggested_step = models.CharField(max_length=10, blank=True, default="")
    suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    suggested_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"path of user {self.owner_id}, walk {self.walk}"


class StepProgress(models.Model):
    """What the person chose about one step in the current walk, with when."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="path_steps"
    )
    step_id = models.CharField(max_length=10)
    started_at = models.DateTimeField(null=True, blank=True)
    skipped_at = models.DateTimeField(null=True, blank=True)
    revisited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "step_id"], name="one_mark_per_path_step")
        ]

    def __str__(self) -> str:
        return f"step {self.step_id} of user {self.owner_id}"
