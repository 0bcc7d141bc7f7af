"""The client's self-assessment, profile and weekly check-in. Thin: lookups through
`access`, writes through `actions`, display data through `presenters`."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interplay.core.instrument import items_by_id, pulse_items
from interplay.web.accounts.decorators import client_required
from interplay.web.assessments import actions, fragments, pages, presenters
from interplay.web.assessments.access import (
    get_assessment_for_user,
    latest_profile,
    open_assessment,
)
from interplay.web.assessments.models import Assessment, PulseCheck
from interplay.web.assessments.profile_page import profile_page_html
from interplay.web.kernel.errors import ActionError
from interplay.web.kernel.requests import ClientRequest


def _open_for(request: ClientRequest, pk: int) -> Assessment:
    assessment = get_assessment_for_user(request.user, pk)
    if assessment.is_complete:
        raise Http404
    return assessment


@client_required
def start(request: ClientRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        assessment = actions.do_start_assessment(actor=user)
        return redirect("assessments:page", assessment.pk, pages.resume_page(assessment.answers))
    current = open_assessment(user)
    context = {
        "current": current,
        "resume_at": pages.resume_page(current.answers) if current else 1,
        "progress": pages.progress(current.answers) if current else None,
        "item_count": len(items_by_id()),
    }
    return render(request, "assessments/start.html", context)


@client_required
def page(request: ClientRequest, pk: int, page: int) -> HttpResponse:
    assessment = _open_for(request, pk)
    all_pages = pages.pages()
    if not 1 <= page <= len(all_pages):
        raise Http404
    error = None
    if request.method == "POST":
        given = {key: value for key, value in request.POST.items() if key in items_by_id()}
        try:
            actions.do_save_answers(assessment, given, actor=request.user)
        except ActionError as problem:
            error = str(problem)
        else:
            if page < len(all_pages) and "back" not in request.POST:
                return redirect("assessments:page", pk, page + 1)
            if "back" in request.POST and page > 1:
                return redirect("assessments:page", pk, page - 1)
            if page == len(all_pages):
                return redirect("assessments:page", pk, page)
    items = [
        {"item": item, "answer": assessment.answers.get(item.id)} for item in all_pages[page - 1]
    ]
    context = {
        "assessment": assessment,
        "items": items,
        "choices": pages.CHOICES,
        "page_number": page,
        "page_count": len(all_pages),
        "progress": pages.progress(assessment.answers),
        "is_last": page == len(all_pages),
        "error": error,
    }
    return render(request, "assessments/page.html", context)


@client_required
@require_POST
def answer(request: ClientRequest, pk: int) -> HttpResponse:
    """htmx: save the answers just given; answer with the progress line."""
    assessment = _open_for(request, pk)
    given = {key: value for key, value in request.POST.items() if key in items_by_id()}
    try:
        actions.do_save_answers(assessment, given, actor=request.user)
    except ActionError as problem:
        return render(request, "assessments/_saved.html", {"error": str(problem)}, status=422)
    return render(
        request, "assessments/_saved.html", {"progress": pages.progress(assessment.answers)}
    )


@client_required
@require_POST
def finish(request: ClientRequest, pk: int) -> HttpResponse:
    assessment = _open_for(request, pk)
    try:
        actions.do_finish_assessment(assessment, actor=request.user)
    except ActionError as problem:
        messages.error(request, str(problem))
        return redirect("assessments:page", pk, pages.resume_page(assessment.answers))
    return redirect("assessments:profile", assessment.pk)


@client_required
def profile_latest(request: ClientRequest) -> HttpResponse:
    assessment = latest_profile(request.user)
    if assessment is None:
        return render(request, "assessments/no_profile.html")
    return redirect("assessments:profile", assessment.pk)


@client_required
def profile(request: ClientRequest, pk: int) -> HttpResponse:
    user = request.user
    assessment = get_assessment_for_user(user, pk, without_json=True)
    if not assessment.is_complete:
        return redirect("assessments:page", pk, pages.resume_page(assessment.answers))
    context = presenters.profile_context(user, assessment)
    context["findings_html"] = fragments.findings_html(
        assessment,
        lambda: SafeString(
            render_to_string(
                "assessments/_profile_findings.html", presenters.findings_context(assessment)
            )
        ),
    )
    context["content_html"] = profile_page_html(context, request)
    return render(request, "assessments/profile.html", context)


@client_required
@require_POST
def sharing(request: ClientRequest, pk: int) -> HttpResponse:
    assessment = get_assessment_for_user(request.user, pk)
    shared = request.POST.get("shared") == "1"
    actions.do_set_assessment_sharing(assessment, shared, actor=request.user)
    messages.success(
        request,
        _("Your coach can see this result.") if shared else _("This result is now just for you."),
    )
    return redirect("assessments:profile", pk)


@client_required
def pulse(request: ClientRequest) -> HttpResponse:
    user = request.user
    error = None
    given: dict[str, str] = {}
    if request.method == "POST":
        wanted = {item.id for item in pulse_items()}
        given = {key: str(request.POST.get(key, "")) for key in request.POST if key in wanted}
        try:
            actions.do_record_pulse(given, actor=user)
        except ActionError as problem:
            error = str(problem)
        else:
            messages.success(request, _("Thank you. Your check-in is saved."))
            return redirect("home")
    items = [{"item": item, "answer": _as_int(given.get(item.id))} for item in pulse_items()]
    last = PulseCheck.objects.filter(user=user).order_by("-taken_at").first()
    return render(
        request,
        "assessments/pulse.html",
        {"items": items, "choices": pages.CHOICES, "error": error, "last": last},
    )


def _as_int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
