"""Personal access tokens and the secret calendar address, each stored only as a SHA-256 hash:
a stolen database holds no usable token, and the person saw the only copy once."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from interplay.web.crypto import EncryptedTextField


class Scope(models.TextChoices):
    READ_OWN = "read:own", _("Read your own profiles and journal; score answers and analyse text")
    WRITE_JOURNAL = "write:journal", _("Write, change, share and delete your journal entries")
    READ_CLIENTS = "read:clients", _("Read what your current clients shared with you")


class AccessToken(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_tokens"
    )
    name = EncryptedTextField()  # the owner's own words ("notes app"), sealed like all of them
    token_hash = models.CharField(max_length=64, unique=True)
    scopes = models.JSONField(default=list)  # Scope values
    created_at = models.DateTimeField(default=timezone.now)
    # Updated at most once a minute (api/auth.py), so a busy script does not write on every read.
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"access token {self.pk} of user {self.owner_id}"  # never the hash

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class CalendarFeed(models.Model):
    """The secret address of one person's calendar of due items (`/api/v1/calendar/<secret>.ics`):
    calendar apps cannot send a token, so the address is the secret. Rotating it replaces the
    hash, and the old address stops working at once."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    secret_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"calendar feed of user {self.owner_id}"
