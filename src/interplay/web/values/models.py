"""Values and beliefs: what a person's boundaries protect, and what holds a pattern in place.

Both are private by default and shared with the coach one item at a time. A belief's text is
among the most personal things anyone writes here, so every part of it is encrypted at rest.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from interplay.core.values import value_by_id
from interplay.web.crypto import EncryptedTextField


class PersonalValue(models.Model):
    """A value picked from the shipped list (`value_id`) or named in the person's own words."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="personal_values"
    )
    value_id = models.CharField(max_length=40, blank=True, default="")
    own_words = EncryptedTextField(blank=True, default="")
    shared_with_coach = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"value {self.pk}"  # never the words

    @property
    def label(self) -> str:
        if self.value_id:
            try:
                return value_by_id(self.value_id).name
            except KeyError:
                return str(self.value_id)
        return str(self.own_words)

    @property
    def meaning(self) -> str:
        if self.value_id:
            try:
                return value_by_id(self.value_id).meaning
            except KeyError:
                return ""
        return ""


class Belief(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="beliefs"
    )
    belief = EncryptedTextField()
    origin = EncryptedTextField(blank=True, default="")
    cost = EncryptedTextField(blank=True, default="")
    protects = EncryptedTextField(blank=True, default="")
    alternative = EncryptedTextField(blank=True, default="")
    shared_with_coach = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"belief {self.pk}"
