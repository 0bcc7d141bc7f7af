"""The relationship map: the people in a client's life, snapshots over time, and whether the
map is shared. The map is shared as a whole or not at all; names and notes are encrypted."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from interplay.web.crypto import EncryptedTextField
from interplay.web.labels.practice import KINDS, choices

# The screens use five-point scales for how time with someone leaves you and for the boundary;
# `interplay.core.relationships.from_scale` folds them onto the core's three values.
SCALE_STEPS = 5
KIND_CHOICES = choices(KINDS)


class MapPerson(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="map_people"
    )
    name = EncryptedTextField()
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    give = models.PositiveSmallIntegerField()
    receive = models.PositiveSmallIntegerField()
    energy = models.PositiveSmallIntegerField(help_text="0 energised .. 4 drained")
    boundary = models.PositiveSmallIntegerField(help_text="0 rigid .. 4 porous")
    trust = models.PositiveSmallIntegerField()
    note = EncryptedTextField(blank=True, default="")
    value = models.ForeignKey(
        "values.PersonalValue", on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"person {self.pk}"


class MapSharing(models.Model):
    """Whether the client shares the whole map with their coach (absent: not shared)."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="map_sharing"
    )
    shared_with_coach = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"map sharing {self.pk}"


class MapSnapshot(models.Model):
    """The map as it stood on a day: the people as JSON, encrypted (it holds their names)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="map_snapshots"
    )
    taken_at = models.DateTimeField(default=timezone.now)
    people_json = EncryptedTextField()

    class Meta:
        ordering = ["-taken_at", "-id"]

    def __str__(self) -> str:
        return f"map snapshot {self.pk}"
