"""The client's progress page and integration reviews. Thin views: lookups through
`progress.access`, writes through `progress.actions`, everything shown from the presenters."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interplay.web.accounts.decorators import client_required
from interplay.web.assessments.reference import practice_references
from interplay.web.kernel.errors import ActionError
from interplay.web.kernel.requests import ClientRequest
from interplay.web.progress import actions, report_files, reports
from interplay.web.progress.access import get_review_for_user
from interplay.web.progress.data import own_data
from interplay.web.progress.models import ReportFile, ReportKind, Review
from interplay.web.progress.presenters import day, progress_context
from interplay.web.progress.review import review_context, review_rows
from interplay.web.progress.tasks import build_own_report


def query_int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None  # a hand-edited address falls back to the first and latest


@client_required
def progress(request: ClientRequest) -> HttpResponse:
    data = own_data(request.user)
    context = progress_context(
        data,
        practice_references(),
        query_int(request.GET.get("from")),
        query_int(request.GET.get("to")),
    )
    context["large_report"] = report_files.is_large(data)
    return render(request, "progress/progress.html", context)


@client_required
def reviews(request: ClientRequest) -> HttpResponse:
    """The reviews written so far, and a new one: a note, and journal lines to keep."""
    user = request.user
    data = own_data(user, with_entries=True)
    note, chosen, error = "", set[int](), None
    if request.method == "POST":
        note = request.POST.get("note", "")
        chosen = {n for n in (query_int(v) for v in request.POST.getlist("keep")) if n}
        try:
            review = actions.do_save_review(note, sorted(chosen), actor=user)
        except ActionError as problem:
            error = str(problem)
        else:
            messages.success(request, _("Your review is saved. It is private unless you share it."))
            return redirect("progress:review", review.pk)
    context = {
        "rows": review_rows(data.reviews),
        "has_assessment": bool(data.assessments),
        "entries": [
            {
                "pk": e.pk,
                "when": day(e.created_at),
                "line": actions.first_line(e.body),
                "chosen": e.pk in chosen,
            }
            for e in data.entries
        ],  # fmt: skip
        "note": note,
        "error": error,
        "max_kept": actions.MAX_KEPT,
    }
    return render(request, "progress/reviews.html", context, status=422 if error else 200)


@client_required
def review(request: ClientRequest, pk: int) -> HttpResponse:
    user = request.user
    found = get_review_for_user(user, pk)
    error = None
    if request.method == "POST":
        try:
            actions.do_update_review_note(found, request.POST.get("note", ""), actor=user)
        except ActionError as problem:
            error = str(problem)
            found.note = request.POST.get("note", "")  # shown back, not lost
        else:
            messages.success(request, _("Your note is saved."))
            return redirect("progress:review", found.pk)
    data = own_data(user)
    context = review_context(data, found, practice_references())
    context["error"] = error
    context["large_report"] = report_files.is_large(data)
    return render(request, "progress/review.html", context, status=422 if error else 200)


@client_required
@require_POST
def share_review(request: ClientRequest, pk: int) -> HttpResponse:
    found = get_review_for_user(request.user, pk)
    shared = request.POST.get("shared") == "1"
    actions.do_set_review_sharing(found, shared, actor=request.user)
    messages.success(
        request,
        _("Your coach can now read this review.") if shared else _("This review is private again."),
    )
    return redirect("progress:review", found.pk)


@client_required
@require_POST
def delete_review(request: ClientRequest, pk: int) -> HttpResponse:
    actions.do_delete_review(get_review_for_user(request.user, pk), actor=request.user)
    messages.success(request, _("The review is deleted."))
    return redirect("progress:reviews")


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def report_page(
    request: HttpRequest,
    file: ReportFile | None,
    *,
    prepare_url: str,
    status_url: Callable[[int], str],
    download_url: Callable[[int], str],
    kind: str,
    review_id: int | None,
    title: str,
    back_url: str,
    mine: bool = True,
) -> HttpResponse:
    """The page of a large report (`report_files`): "Prepare" while none is asked for, and
    then its state. Shared by the client's and the coach's reports; it only reads."""
    context: dict[str, Any] = {
        "file": file,
        "prepare_url": prepare_url,
        "status_url": status_url(file.pk) if file else "",
        "download_url": download_url(file.pk) if file else "",
        "kind": kind,
        "review_id": review_id or "",
        "report_title": title,
        "back_url": back_url,
        "prepare_label": _("Prepare my PDF") if mine else _("Prepare the PDF"),
        "again_label": _("Prepare it again"),
        "retry_label": _("Try again"),
    }
    return render(request, "progress/report_file.html", context)


def _own_report_page(
    request: ClientRequest, file: ReportFile | None, kind: str, review: Review | None
) -> HttpResponse:
    return report_page(
        request,
        file,
        prepare_url=reverse("progress:prepare_report"),
        status_url=lambda pk: reverse("progress:report", args=[pk]),
        download_url=lambda pk: reverse("progress:report_file", args=[pk]),
        kind=kind,
        review_id=review.pk if review else None,
        title=_("Your profile as a PDF")
        if kind == ReportKind.PROFILE
        else _("Your review as a PDF"),
        back_url=reverse("progress:review", args=[review.pk])
        if review
        else reverse("progress:mine"),
    )


@client_required
def profile_pdf(request: ClientRequest) -> HttpResponse:
    data = own_data(request.user)
    if not data.assessments:
        raise Http404
    if report_files.is_large(data):
        file = report_files.latest_request(
            requested_by=request.user, person=request.user, kind=ReportKind.PROFILE
        )
        return _own_report_page(request, file, ReportKind.PROFILE, None)
    content = reports.profile_pdf(data, data.assessments[-1], practice_references())
    return pdf_response(content, "interplay-profile.pdf")


@client_required
def review_pdf(request: ClientRequest, pk: int) -> HttpResponse:
    found = get_review_for_user(request.user, pk)
    data = own_data(request.user)
    if report_files.is_large(data):
        file = report_files.latest_request(
            requested_by=request.user, person=request.user, kind=ReportKind.REVIEW, review=found
        )
        return _own_report_page(request, file, ReportKind.REVIEW, found)
    content = reports.review_pdf(data, found, practice_references())
    return pdf_response(content, f"interplay-review-{found.pk}.pdf")


@client_required
@require_POST
def prepare_report(request: ClientRequest) -> HttpResponse:
    """Ask the worker for a large report of one's own (a failed one is asked for again)."""
    kind = request.POST.get("kind", "")
    review = None
    if kind == ReportKind.REVIEW:
        review = get_review_for_user(request.user, query_int(request.POST.get("review")) or 0)
    elif kind != ReportKind.PROFILE:
        raise Http404
    file = report_files.do_request_report(
        actor=request.user, person=request.user, kind=kind, review=review, task=build_own_report
    )
    return redirect("progress:report", file.pk)


@client_required
def report(request: ClientRequest, pk: int) -> HttpResponse:
    file = report_files.report_file(pk, requested_by=request.user, person=request.user)
    return _own_report_page(request, file, file.kind, file.review)


@client_required
def report_file(request: ClientRequest, pk: int) -> HttpResponse:
    file = report_files.report_file(pk, requested_by=request.user, person=request.user)
    return pdf_response(report_files.ready_pdf(file), report_files.filename(file))
