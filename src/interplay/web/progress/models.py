"""The integration review: a person looking back over their work, at a moment they choose.

What moved is worked out from the assessments each time the review is shown (the review only
remembers which assessment was "now" when it was written); what the person wrote and the
journal lines they chose to keep are stored, encrypted, and private until they share it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from interplay.web.crypto import EncryptedJSONField, EncryptedTextField


class Review(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviews"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # The latest finished assessment when the review was written: "now" for this review.
    assessment = models.ForeignKey(
        "assessments.Assessment", on_delete=models.SET_NULL, null=True, blank=True
    )
    note = EncryptedTextField(blank=True, default="")
    # [{"when": "2026-03-01", "text": "..."}]: copies, so a review keeps its lines as written.
    kept_lines = EncryptedJSONField(default=list)
    shared_with_coach = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"review {self.pk}"


class ReportKind(models.TextChoices):
    PROFILE = "profile", "profile"
    REVIEW = "review", "review"
    SUPERVISION = "supervision", "supervision"


class ReportStatus(models.TextChoices):
    QUEUED = "queued", "queued"
    READY = "ready", "ready"
    FAILED = "failed", "failed"


class ReportFile(models.Model):
    """A PDF report too large to build inside the request, asked for by `requested_by` and
    built by the worker (`progress.report_files`). `person` is whose records it holds: the
    asker themselves, or the client of the coach who asked. The PDF is stored encrypted and
    deleted when it expires (a day after it was asked for)."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_files"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reports_about"
    )
    kind = models.CharField(max_length=12, choices=ReportKind.choices)
    # The review a review report is of; deleting the review deletes its reports.
    review = models.ForeignKey(Review, on_delete=models.CASCADE, null=True, blank=True)
    status = models.CharField(
        max_length=8, choices=ReportStatus.choices, default=ReportStatus.QUEUED
    )
    # For a coach's copy: the ids of the shared records it was built from, by kind
    # ({"assessments": [3, 9]}), so a download checks they are all still shared. Ids only.
    holds = models.JSONField(default=dict, blank=True)
    pdf = EncryptedTextField(blank=True, default="")  # the PDF's bytes in base64
    created_at = models.DateTimeField(default=timezone.now)
    ready_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"report file {self.pk}"
