"""Progress URLs for the site-wide guards in tests/web/pages.py, and the objects behind them."""

from __future__ import annotations

from django.urls import reverse

from interplay.web.progress.models import Review

POST_ONLY = {"progress:share_review", "progress:delete_review"}
# Downloads: no page, so no <h1> to check; still walked by the reads-never-write guard.
DOWNLOADS = {
    "progress:profile_pdf",
    "progress:review_pdf",
    "coaching:profile_pdf",
    "coaching:review_pdf",
    "coaching:supervision_pdf",
}
COACH_ABOUT_CLIENT = {
    "coaching:progress",
    "coaching:review",
    "coaching:profile_pdf",
    "coaching:review_pdf",
    "coaching:supervision_pdf",
}
COACH_PAGES = COACH_ABOUT_CLIENT
CLIENT_OWN = {"progress:mine", "progress:reviews", "progress:profile_pdf"}
CLIENT_BY_ID = {
    "progress:review",
    "progress:share_review",
    "progress:delete_review",
    "progress:review_pdf",
}


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
        "progress:profile_pdf": reverse("progress:profile_pdf"),
        "progress:review_pdf": reverse("progress:review_pdf", args=[review.pk]),
        "coaching:progress": reverse("coaching:progress", args=[client.pk]),
        "coaching:profile_pdf": reverse("coaching:profile_pdf", args=[client.pk]),
        "coaching:review_pdf": reverse("coaching:review_pdf", args=[client.pk, review.pk]),
        "coaching:supervision_pdf": reverse("coaching:supervision_pdf", args=[client.pk]),
        "coaching:review": reverse("coaching:review", args=[client.pk, review.pk]),
    }
