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


def path_urls() -> dict[str, str]:
    return {
        "path:overview": reverse("path:overview"),
        "path:begin": reverse("path:begin"),
        "path:again": reverse("path:again"),
        "path:sharing": reverse("path:sharing"),
        "path:step": reverse("path:step", args=["roots"]),
        "path:go": reverse("path:go", args=["roots"]),
        "path:skip": reverse("path:skip", args=["roots"]),
        "path:revisit": reverse("path:revisit", args=["roots"]),
    }
