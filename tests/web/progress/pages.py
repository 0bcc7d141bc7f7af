"""Progress URLs for the site-wide guards in tests/web/pages.py, and the objects behind them."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from interplay.web.progress.models import ReportFile, ReportKind, ReportStatus, Review
from interplay.web.progress.report_files import KEEP_FOR

POST_ONLY = {
    "progress:share_review",
    "progress:delete_review",
    "progress:prepare_report",
    "coaching:prepare_report",
}
# Downloads: no page, so no <h1> to check; still walked by the reads-never-write guard.
DOWNLOADS = {
    "progress:profile_pdf",
    "progress:review_pdf",
    "coaching:profile_pdf",
    "coaching:review_pdf",
    "coaching:supervision_pdf",
    "progress:report_file",
    "coaching:report_file",
}
COACH_ABOUT_CLIENT = {
    "coaching:progress",
    "coaching:review",
    "coaching:profile_pdf",
    "coaching:review_pdf",
    "coaching:supervision_pdf",
    "coaching:prepare_report",
    "coaching:report",
    "coaching:report_file",
}
COACH_PAGES = COACH_ABOUT_CLIENT
CLIENT_OWN = {
    "progress:mine",
    "progress:reviews",
    "progress:profile_pdf",
    "progress:prepare_report",
}
CLIENT_BY_ID = {
    "progress:report",
    "progress:report_file",
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
    own = ready_file(client, client, ReportKind.PROFILE)
    coach_copy = ready_file(practice.coach, client, ReportKind.REVIEW, review)
    return {
        "progress:prepare_report": reverse("progress:prepare_report"),
        "progress:report": reverse("progress:report", args=[own.pk]),
        "progress:report_file": reverse("progress:report_file", args=[own.pk]),
        "coaching:prepare_report": reverse("coaching:prepare_report", args=[client.pk]),
        "coaching:report": reverse("coaching:report", args=[client.pk, coach_copy.pk]),
        "coaching:report_file": reverse("coaching:report_file", args=[client.pk, coach_copy.pk]),
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


# A PDF's first bytes, base64 ("%PDF-1.3 "), so a ready file downloads as a file.
PDF_STUB = "JVBERi0xLjMgUHJpdmF0ZQ=="


def ready_file(asker, person, kind, review=None, holds=None):  # type: ignore[no-untyped-def]
    """A report file the worker has built: ready, for a day."""
    now = timezone.now()
    return ReportFile.objects.create(
        requested_by=asker,
        person=person,
        kind=kind,
        review=review,
        status=ReportStatus.READY,
        holds=holds or ({"reviews": [review.pk]} if review else {}),
        pdf=PDF_STUB,
        ready_at=now,
        expires_at=now + KEEP_FOR - timedelta(minutes=1),
    )
