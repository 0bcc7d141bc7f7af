"""Progress URLs for the site-wide guards in tests/web/pages.py."""

from __future__ import annotations

from django.urls import reverse

POST_ONLY: set[str] = set()
COACH_PAGES = {"coaching:progress"}
CLIENT_OWN = {"progress:mine"}
CLIENT_BY_ID: set[str] = set()
COACH_ABOUT_CLIENT = {"coaching:progress"}


def progress_urls(practice) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {
        "progress:mine": reverse("progress:mine"),
        "coaching:progress": reverse("coaching:progress", args=[practice.client.pk]),
    }
