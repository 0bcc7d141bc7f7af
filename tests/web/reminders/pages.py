"""The reminder URLs for the site-wide guards in tests/web/pages.py."""

from __future__ import annotations

from django.urls import reverse

from interplay.web.reminders.unsubscribe import unsubscribe_token

CLIENT_PAGES = {"reminders:settings"}


def reminders_urls(practice) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {
        "reminders:settings": reverse("reminders:settings"),
        "reminders:unsubscribe": reverse(
            "reminders:unsubscribe", args=[unsubscribe_token(practice.client)]
        ),
    }
