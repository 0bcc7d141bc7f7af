"""A client with a check-in due, and the reminder emails that went out."""

from __future__ import annotations

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from tests.core.personas import MAYA
from tests.web.coaching.helpers import assess, write

PRIVATE_WORDS = ("My sister never listens", "sister")


def check_in_due(client):  # type: ignore[no-untyped-def]
    """Fifteen days since the first assessment (the check-in fell due eight days ago), with a
    private journal entry: whatever day and hour the person chose, the slot has passed."""
    assessment = assess(client, MAYA, when=timezone.now() - timedelta(days=15))
    write(client, "Private", "My sister never listens to me.")
    return assessment


def reminder_emails():  # type: ignore[no-untyped-def]
    return [m for m in mail.outbox if "List-Unsubscribe" in m.extra_headers]
