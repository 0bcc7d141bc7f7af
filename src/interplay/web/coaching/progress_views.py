"""The coach's progress page for a client, the client's shared integration reviews, and the
reports built from them. Every read goes through the `ClientView` (what the client shared);
the same presenters as the client's own pages do the rest."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interplay.web.accounts.decorators import coach_required
from interplay.web.assessments.reference import practice_references
from interplay.web.coaching.access import access_client_for_coach, coach_read
from interplay.web.coaching.client_view import ClientView
from interplay.web.coaching.progress_data import shared_data
from interplay.web.coaching.report_tasks import build_coach_report
from interplay.web.kernel.audit import record
from interplay.web.kernel.requests import CoachRequest
from interplay.web.progress import report_files, reports
from interplay.web.progress.models import ReportKind, Review
from interplay.web.progress.presenters import progress_context
from interplay.web.progress.review import review_context
from interplay.web.progress.views import pdf_response, query_int, report_page


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


def _coach_report_page(
    request: CoachRequest, view: ClientView, kind: str, review: Review | None
) -> HttpResponse:
    client_id = view.pk
    file = report_files.latest_request(
        requested_by=request.user, person=view.client, kind=kind, review=review
    )
    titles = {
        ReportKind.PROFILE: _("%(name)s's profile as a PDF"),
        ReportKind.REVIEW: _("%(name)s's review as a PDF"),
        ReportKind.SUPERVISION: _("Supervision summary as a PDF"),
    }
    return report_page(
        request,
        file,
        prepare_url=reverse("coaching:prepare_report", args=[client_id]),
        status_url=lambda pk: reverse("coaching:report", args=[client_id, pk]),
        download_url=lambda pk: reverse("coaching:report_file", args=[client_id, pk]),
        kind=kind,
        review_id=review.pk if review else None,
        title=titles[ReportKind(kind)] % {"name": view.client.name},
        back_url=reverse("coaching:progress", args=[client_id]),
        mine=False,
    )


@coach_required
def client_profile_pdf(request: CoachRequest, client_id: int) -> HttpResponse:
    view = access_client_for_coach(request.user, client_id)
    latest = view.latest_assessment()
    if latest is None:
        raise Http404
    data = shared_data(view)
    if report_files.is_large(data):
        return _coach_report_page(request, view, ReportKind.PROFILE, None)
    record(coach_read(view, "profile report", latest.pk))
    content = reports.profile_pdf(data, latest, practice_references())
    return pdf_response(content, "interplay-profile.pdf")


@coach_required
def client_review_pdf(request: CoachRequest, client_id: int, review_id: int) -> HttpResponse:
    view = access_client_for_coach(request.user, client_id)
    found = view.review(review_id)
    data = shared_data(view)
    if report_files.is_large(data):
        return _coach_report_page(request, view, ReportKind.REVIEW, found)
    record(coach_read(view, "review report", found.pk))
    content = reports.review_pdf(data, found, practice_references())
    return pdf_response(content, f"interplay-review-{found.pk}.pdf")


@coach_required
def supervision_pdf(request: CoachRequest, client_id: int) -> HttpResponse:
    view = access_client_for_coach(request.user, client_id)
    data = shared_data(view)
    if report_files.is_large(data):
        return _coach_report_page(request, view, ReportKind.SUPERVISION, None)
    record(coach_read(view, "supervision summary"))
    content = reports.supervision_pdf(data, practice_references())
    return pdf_response(content, "interplay-supervision-case.pdf")


@coach_required
@require_POST
def prepare_report(request: CoachRequest, client_id: int) -> HttpResponse:
    """Ask the worker for a large copy of what the client shared. Nothing is read yet: the
    coach-read audit row is written when the coach downloads it."""
    view = access_client_for_coach(request.user, client_id)
    kind = request.POST.get("kind", "")
    review = None
    if kind == ReportKind.REVIEW:
        review = view.review(query_int(request.POST.get("review")) or 0)
    elif kind == ReportKind.PROFILE:
        if view.latest_assessment() is None:
            raise Http404
    elif kind != ReportKind.SUPERVISION:
        raise Http404
    file = report_files.do_request_report(
        actor=request.user, person=view.client, kind=kind, review=review, task=build_coach_report
    )
    return redirect("coaching:report", view.pk, file.pk)


@coach_required
def report(request: CoachRequest, client_id: int, pk: int) -> HttpResponse:
    view = access_client_for_coach(request.user, client_id)
    file = report_files.report_file(pk, requested_by=request.user, person=view.client)
    if not view.shares_all(file.holds):
        raise Http404  # no download to offer: it holds what the client no longer shares
    return _coach_report_page(request, view, file.kind, file.review)


# The audit row of each kind of copy, as when it is built inside the request.
READ_WHAT = {
    ReportKind.PROFILE: "profile report",
    ReportKind.REVIEW: "review report",
    ReportKind.SUPERVISION: "supervision summary",
}


@coach_required
def report_file(request: CoachRequest, client_id: int, pk: int) -> HttpResponse:
    """The prepared copy, only while the client is still the coach's and still shares every
    record it holds (checked now, not when it was built)."""
    view = access_client_for_coach(request.user, client_id)
    file = report_files.report_file(pk, requested_by=request.user, person=view.client)
    if not view.shares_all(file.holds):
        raise Http404
    content = report_files.ready_pdf(file)
    if file.kind == ReportKind.PROFILE:
        object_id = (file.holds.get("assessments") or [None])[-1]
    else:
        object_id = file.review_id
    record(coach_read(view, READ_WHAT[ReportKind(file.kind)], object_id))
    return pdf_response(content, report_files.filename(file))
