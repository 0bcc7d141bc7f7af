"""The coach's progress page for a client, the client's shared integration reviews, and the
reports built from them. Every read goes through the `ClientView` (what the client shared);
the same presenters as the client's own pages do the rest."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render

from interplay.web.accounts.decorators import coach_required
from interplay.web.assessments.reference import practice_references
from interplay.web.coaching.access import access_client_for_coach, coach_read
from interplay.web.coaching.client_view import ClientView
from interplay.web.kernel.audit import record
from interplay.web.kernel.requests import CoachRequest
from interplay.web.progress import reports
from interplay.web.progress.data import ProgressData
from interplay.web.progress.presenters import progress_context
from interplay.web.progress.review import review_context
from interplay.web.progress.views import pdf_response, query_int


def shared_data(view: ClientView) -> ProgressData:
    """What the client shared, in the shape the progress presenters read."""
    return ProgressData(
        person=view.client,
        assessments=view.assessments(),
        pulses=view.pulses(),
        experiments=view.experiments(),
        beliefs=view.beliefs(),
        snapshots=view.snapshots(),
        reviews=view.reviews(),
        audience="coach",
    )


@coach_required
def client_progress(request: CoachRequest, client_id: int) -> HttpResponse:
    view = access_client_for_coach(request.user, client_id)
    record(coach_read(view, "progress"))
    context = progress_context(
        shared_data(view),
        practice_references(),
        query_int(request.GET.get("from")),
        query_int(request.GET.get("to")),
    )
    context.update(client=view.client, reviews=view.reviews())
    return render(request, "coaching/progress.html", context)


@coach_required
def client_review(request: CoachRequest, client_id: int, review_id: int) -> HttpResponse:
    view = access_client_for_coach(request.user, client_id)
    found = view.review(review_id)
    record(coach_read(view, "review", found.pk))
    context = review_context(shared_data(view), found, practice_references())
    context["client"] = view.client
    return render(request, "coaching/review.html", context)


@coach_required
def client_profile_pdf(request: CoachRequest, client_id: int) -> HttpResponse:
    view = access_client_for_coach(request.user, client_id)
    latest = view.latest_assessment()
    if latest is None:
        raise Http404
    record(coach_read(view, "profile report", latest.pk))
    content = reports.profile_pdf(shared_data(view), latest, practice_references())
    return pdf_response(content, "interplay-profile.pdf")


@coach_required
def client_review_pdf(request: CoachRequest, client_id: int, review_id: int) -> HttpResponse:
    view = access_client_for_coach(request.user, client_id)
    found = view.review(review_id)
    record(coach_read(view, "review report", found.pk))
    content = reports.review_pdf(shared_data(view), found, practice_references())
    return pdf_response(content, f"interplay-review-{found.pk}.pdf")


@coach_required
def supervision_pdf(request: CoachRequest, client_id: int) -> HttpResponse:
    view = access_client_for_coach(request.user, client_id)
    record(coach_read(view, "supervision summary"))
    content = reports.supervision_pdf(shared_data(view), practice_references())
    return pdf_response(content, "interplay-supervision-case.pdf")
