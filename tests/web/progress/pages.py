"""Progress URLs for the site-wide guards in tests/web/pages.py, and the objects behind them."""

from __future__ import annotations

from django.urls import reverse

from interplay.web.progress.models import Review

POST_ONLY = {"progress:share_review", "progress:delete_review"}
COACH_PAGES = {"coaching:progress", "coaching:review"}
CLIENT_OWN = {"progress:mine", "progress:reviews"}
CLIENT_BY_ID = {"progress:review", "progress:share_review", "progress:delete_review"}
COACH_ABOUT_CLIENT = {"coaching:progress", "coaching:review"}


def progress_urls(practice) -> dict[str, str]:  # type: ignore[no-untyped-def]
    client = practice.client
    review = Review.objects.create(
        owner=client, note="Private review words.", shared_with_coach=True
    )
    return {
        "progress:mine": reverse("progress:mine"),
        "progress:reviews": reverse("progress:reviews"),
        "progress:review": reverse("progress:review", args=[review.pk]),
        "progress:share_review": reverse("progress:share_review", args=[review.pk]),
        "progress:delete_review": reverse("progress:delete_review", args=[review.pk]),
        "coaching:progress": reverse("coaching:progress", args=[client.pk]),
        "coaching:review": reverse("coaching:review", args=[client.pk, review.pk]),
    }
