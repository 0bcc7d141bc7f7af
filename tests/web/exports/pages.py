"""The export URLs for the site-wide guards in tests/web/pages.py."""

from __future__ import annotations

from django.urls import reverse

POST_ONLY = {"exports:my_data", "exports:client_export"}
COACH_PAGES = {"exports:client_export"}


def exports_urls(practice) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {
        "exports:my_data": reverse("exports:my_data"),
        "exports:client_export": reverse("exports:client_export", args=[practice.client.pk]),
    }
