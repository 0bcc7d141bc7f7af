"""The coach's desk: dashboard, client page, notes and the session planner.

Thin views. Every client is reached through `access_client_for_coach` (404 to anyone but the
client's current coach, audited), every note and plan through the scoped helpers in
`coachdesk.access`, every write through `coachdesk.actions`."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interplay.web.accounts.actions import ActionError
from interplay.web.accounts.decorators import coach_required
from interplay.web.accounts.models import User
from interplay.web.coachdesk import access, actions, presenters
from interplay.web.coachdesk.dashboard import dashboard_page
from interplay.web.coachdesk.forms import NoteForm, PlanForm
from interplay.web.coachdesk.planner import propose_agenda, question_ids_in
from interplay.web.coachdesk.timeline import shared_entries
from interplay.web.coaching.access import access_client_for_coach


def _coach(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


@coach_required
def dashboard(request: HttpRequest) -> HttpResponse:
    coach = _coach(request)
    result = dashboard_page(coach, request.GET.get("sort"), request.GET.get("page"))
    return render(request, "coachdesk/dashboard.html", presenters.dashboard_context(result))


@coach_required
def client_page(request: HttpRequest, client_id: int) -> HttpResponse:
    coach = _coach(request)
    client = access_client_for_coach(coach, client_id, what="client page")
    query = request.GET.get("q", "").strip()[:200]
    context = presenters.client_context(coach, client, query)
    context["note_form"] = NoteForm()
    return render(request, "coachdesk/client.html", context)


@coach_required
@require_POST
def add_note(request: HttpRequest, client_id: int) -> HttpResponse:
    coach = _coach(request)
    client = access_client_for_coach(coach, client_id, what="add note")
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            actions.do_add_note(
                coach, client, form.cleaned_data["body"], form.cleaned_data["follow_up"]
            )
        except ActionError as problem:
            messages.error(request, str(problem))
        else:
            messages.success(request, _("Note saved. Only you can read it."))
            return redirect("coachdesk:client", client.pk)
    # Keep what was typed: show the page again with the form and its errors.
    context = presenters.client_context(coach, client, "")
    context["note_form"] = form
    return render(request, "coachdesk/client.html", context, status=400)


@coach_required
def edit_note(request: HttpRequest, client_id: int, note_id: int) -> HttpResponse:
    coach = _coach(request)
    client = access_client_for_coach(coach, client_id, what="note")
    note = access.get_note_for_coach(coach, client, note_id)
    if request.method == "POST":
        form = NoteForm(request.POST)
        if form.is_valid():
            try:
                actions.do_update_note(
                    note, form.cleaned_data["body"], form.cleaned_data["follow_up"]
                )
            except ActionError as problem:
                messages.error(request, str(problem))
            else:
                messages.success(request, _("Note saved."))
                return redirect("coachdesk:client", client.pk)
    else:
        form = NoteForm(initial={"body": note.body, "follow_up": note.follow_up})
    return render(request, "coachdesk/note.html", {"client": client, "note": note, "form": form})


@coach_required
@require_POST
def close_follow_up(request: HttpRequest, client_id: int, note_id: int) -> HttpResponse:
    coach = _coach(request)
    client = access_client_for_coach(coach, client_id, what="note")
    note = access.get_note_for_coach(coach, client, note_id)
    actions.do_close_follow_up(note)
    messages.success(request, _("Marked as done."))
    return redirect("coachdesk:client", client.pk)


def _plan_page(
    request: HttpRequest, client: User, form: PlanForm, plan: object, proposal: object
) -> HttpResponse:
    return render(
        request,
        "coachdesk/plan.html",
        {"client": client, "form": form, "plan": plan, "proposal": proposal},
    )


@coach_required
def new_plan(request: HttpRequest, client_id: int) -> HttpResponse:
    coach = _coach(request)
    client = access_client_for_coach(coach, client_id, what="session planner")
    if request.method == "POST":
        form = PlanForm(request.POST)
        if form.is_valid():
            try:
                plan = actions.do_save_plan(
                    coach, client, form.cleaned_data["agenda"], form.cleaned_data["session_date"]
                )
            except ActionError as problem:
                messages.error(request, str(problem))
            else:
                messages.success(request, _("Session plan saved. Only you can read it."))
                return redirect("coachdesk:plan", client.pk, plan.pk)
        return _plan_page(request, client, form, None, None)
    latest = presenters.latest_shared(client)
    previous = access.plans_for(coach, client, limit=1)
    proposal = propose_agenda(
        latest.profile if latest else None,
        shared_entries(client, limit=3),
        access.open_follow_ups(coach, client),
        presenters.due_reasons(client, latest),
        skip_questions=question_ids_in(previous[0].agenda) if previous else frozenset(),
    )
    form = PlanForm(initial={"agenda": proposal.as_text(), "session_date": None})
    return _plan_page(request, client, form, None, proposal)


@coach_required
def edit_plan(request: HttpRequest, client_id: int, plan_id: int) -> HttpResponse:
    coach = _coach(request)
    client = access_client_for_coach(coach, client_id, what="session plan")
    plan = access.get_plan_for_coach(coach, client, plan_id)
    if request.method == "POST":
        form = PlanForm(request.POST)
        if form.is_valid():
            try:
                actions.do_save_plan(
                    coach,
                    client,
                    form.cleaned_data["agenda"],
                    form.cleaned_data["session_date"],
                    plan=plan,
                )
            except ActionError as problem:
                messages.error(request, str(problem))
            else:
                messages.success(request, _("Session plan saved."))
                return redirect("coachdesk:plan", client.pk, plan.pk)
    else:
        form = PlanForm(initial={"agenda": plan.agenda, "session_date": plan.session_date})
    return _plan_page(request, client, form, plan, None)
