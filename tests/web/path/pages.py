"""The guided path's URLs for the site-wide guards in tests/web/pages.py. Every path page is
the signed-in person's own (a step id names a step of the shipped path, not anyone's data);
a coach reads a client's progress only on the coach's client page."""

from __future__ import annotations

from django.urls import reverse

POST_ONLY = {
    "path:begin",
    "path:again",
    "path:sharing",
    "path:go",
    "path:skip",
    "path:revisit",
}
CLIENT_OWN = {"path:overview", "path:step", *POST_ONLY}
# The coach's side: giving the path and suggesting a step, on the client page.
COACH_ABOUT_CLIENT = {"coaching:path_assign", "coaching:path_suggest"}
POST_ONLY |= COACH_ABOUT_CLIENT
COACH_PAGES = COACH_ABOUT_CLIENT


def path_urls(practice) -> dict[str, str]:  # type: ignore[no-untyped-def]
    client_id = practice.client.pk
    return {
        "coaching:path_assign": reverse("coaching:path_assign", args=[client_id]),
        "coaching:path_suggest": reverse("coaching:path_suggest", args=[client_id]),
        "path:overview": reverse("path:overview"),
        "path:begin": reverse("path:begin"),
        "path:again": reverse("path:again"),
        "path:sharing": reverse("path:sharing"),
        "path:step": reverse("path:step", args=["roots"]),
        "path:go": reverse("path:go", args=["roots"]),
        "path:skip": reverse("path:skip", args=["roots"]),
        "path:revisit": reverse("path:revisit", args=["roots"]),
    }
