"""The client's progress page and integration reviews. Thin views: lookups through
`progress.access`, writes through `progress.actions`, everything shown from the presenters."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interplay.web.accounts.decorators import client_required
from interplay.web.assessments.reference import practice_references
from interplay.web.kernel.errors import ActionError
from interplay.web.kernel.requests import ClientRequest
from interplay.web.progress import actions, reports
from interplay.web.progress.access import get_review_for_user
from interplay.web.progress.data import own_data
from interplay.web.progress.presenters import day, progress_context
from interplay.web.progress.review import review_context, review_rows


def query_int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None  # a hand-edited address falls back to the first and latest


@client_required
def progress(request: ClientRequest) -> HttpResponse:
    context = progress_context(
        own_data(request.user),
        practice_references(),
        query_int(request.GET.get("from")),
        query_int(request.GET.get("to")),
    )
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
    context = review_context(own_data(user), found, practice_references())
    context["error"] = error
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


@client_required
def profile_pdf(request: ClientRequest) -> HttpResponse:
    data = own_data(request.user)
    if not data.assessments:
        raise Http404
    content = reports.profile_pdf(data, data.assessments[-1], practice_references())
    return pdf_response(content, "interplay-profile.pdf")


@client_required
def review_pdf(request: ClientRequest, pk: int) -> HttpResponse:
    found = get_review_for_user(request.user, pk)
    content = reports.review_pdf(own_data(request.user), found, practice_references())
    return pdf_response(content, f"interplay-review-{found.pk}.pdf")
