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
