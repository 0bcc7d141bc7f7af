"""A record of every export of a person's own data, so a download never goes unnoticed.

A coach's export of a client's shared data is recorded as a coach read (`AuditEvent`) instead,
so the client sees it beside the coach's other reads."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class ExportEvent(models.Model):
    WEB = "web"
    COMMAND_LINE = "command line"
    CHANNELS = [(WEB, "web"), (COMMAND_LINE, "command line")]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="export_events"
    )
    channel = models.CharField(max_length=20, choices=CHANNELS)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"export of user {self.user_id} by {self.channel}"
