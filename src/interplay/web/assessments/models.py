"""Self-assessments and weekly pulse check-ins: the raw answers and the stored profile.

The profile is computed once by the core (`interplay.core.profile.build_profile`) when the
assessment is finished, and stored as JSON; pages read it, never recompute it.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from interplay.core.from_json import ShapeError
from interplay.core.profile_json import readable_profile
from interplay.core.standing import stage_words
from interplay.web.crypto import EncryptedJSONField


class Assessment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessments"
    )
    started_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # {item_id: 1..5}; saved one answer at a time so a closed tab loses nothing.
    answers = EncryptedJSONField(default=dict)
    instrument_version = models.CharField(max_length=40, blank=True, default="")
    profile = EncryptedJSONField(null=True, blank=True)
    shared_with_coach = models.BooleanField(default=True)
    # The profile's headline, copied out of it when the assessment is finished, so lists can
    # sort and plot without reading (or extracting in SQL) the whole profile JSON.
    stage = models.CharField(max_length=40, blank=True, default="")
    stage_mixed = models.BooleanField(default=False)
    boundary_style = models.CharField(max_length=40, blank=True, default="")
    focus = models.CharField(max_length=40, blank=True, default="")
    pattern = models.CharField(max_length=40, blank=True, default="")
    autonomy = models.FloatField(null=True, blank=True)
    connection = models.FloatField(null=True, blank=True)

    HEADLINE = (
        "stage",
        "stage_mixed",
        "boundary_style",
        "focus",
        "pattern",
        "autonomy",
        "connection",
    )

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

    @classmethod
    def from_db(
        cls, db: str | None, field_names: Collection[str], values: Collection[Any], **options: Any
    ) -> Assessment:
        """A loaded assessment holds its profile in the second form, whatever layout stored it:
        rows are stored compact (layout 3, core/profile_stored.py) and every page, export and
        API response reads the second form, so it is written out once here, not by each."""
        row = super().from_db(db, field_names, values, **options)
        profile = row.__dict__.get("profile")  # absent when the field is deferred
        if profile is not None:
            try:
                row.profile = readable_profile(profile)
            except ShapeError:
                pass  # left as stored: `mapping.typed_profile` reports the fault when read
        return row

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None

    def copy_headline(self) -> None:
        """Set the headline columns from the stored profile (empty when unknown)."""
        profile = readable_profile(self.profile) or {}
        balance = profile.get("balance") or {}
        # The stage as the profile page names it: in agreement with the map region.
        words = stage_words(profile.get("stage"), balance.get("pattern"))
        self.stage = words.primary.value if words.primary else ""
        self.stage_mixed = words.mixed
        self.boundary_style = (profile.get("boundaries") or {}).get("style") or ""
        self.focus = (profile.get("focus") or {}).get("focus") or ""
        self.pattern = balance.get("pattern") or ""
        self.autonomy = balance.get("autonomy")
        self.connection = balance.get("connection")


class PulseCheck(models.Model):
    """The short weekly check-in: a handful of items, under a minute."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pulse_checks"
    )
    taken_at = models.DateTimeField(default=timezone.now, db_index=True)
    answers = EncryptedJSONField(default=dict)
    # What the core's `score_pulse` returned, stored as given.
    result = EncryptedJSONField(default=dict)
    shared_with_coach = models.BooleanField(default=True)
    # The result's two balance scores, copied out of it on save like an assessment's
    # headline, so the Balance Map's trail plots a check-in without decrypting its result.
    # Empty when the core could not score an axis, or for a row loaded around `save()`.
    autonomy = models.FloatField(null=True, blank=True)
    connection = models.FloatField(null=True, blank=True)

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

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The columns follow the result, so no write path can plot an old score.
        fields = kwargs.get("update_fields")
        if fields is None or "result" in fields:
            self.copy_headline()
            if fields is not None:
                kwargs["update_fields"] = {*fields, "autonomy", "connection"}
        super().save(*args, **kwargs)

    def copy_headline(self) -> None:
        """Set the two balance columns from the stored result (empty when unscored)."""
        result = self.result or {}
        self.autonomy = _score(result.get("autonomy"))
        self.connection = _score(result.get("connection"))


def _score(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
