"""How a client joins a coach (who coaches whom is `accounts.CoachingRelationship`), and the coach's
own working records about a client (session notes and session plans: encrypted at rest and the
writing coach's alone; the client never sees them, and another coach, even a later coach of the
same client, never reaches them)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from interplay.web.crypto import EncryptedTextField


class Invitation(models.Model):
    """A one-time link a coach sends to a client: expires, works once, stored as a hash."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    def __str__(self) -> str:
        return f"invitation from coach {self.coach_id}"


class SessionNote(models.Model):
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_notes_written"
    )
    # Cleared (None) when the client deletes their account: the note is the coach's own and
    # stays theirs, marked as about a former client, with nothing that points to the person.
    client = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="session_notes_about",
    )
    body = EncryptedTextField()
    # Something to pick up next time; it stays an open item until the coach marks it done.
    follow_up = EncryptedTextField(blank=True, default="")
    # Kept beside the encrypted text so open items can be counted in SQL without decrypting.
    follow_up_open = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "coachdesk_sessionnote"  # the table of the former coachdesk app
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["coach", "client", "-created_at"])]

    def __str__(self) -> str:
        return f"session note {self.pk}"  # never the text


class SessionPlan(models.Model):
    """An agenda for a coming session: proposed by the planner, edited and saved by the coach."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_plans_written"
    )
    client = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_plans_about"
    )
    session_date = models.DateField(null=True, blank=True)
    agenda = EncryptedTextField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "coachdesk_sessionplan"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["coach", "client", "session_date"])]

    def __str__(self) -> str:
        return f"session plan {self.pk}"
