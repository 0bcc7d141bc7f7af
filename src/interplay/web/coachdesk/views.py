"""The coach's desk: the coach's one home (the dashboard, with invitations), the one client
page, notes and the session planner.

Thin views. Every client is reached through `access_client_for_coach` (404 to anyone but the
client's current coach), which gives the `ClientView` every shared read goes through; once
access is granted the view records the read with one `record_coach_read` call. Every note and
plan is reached through the scoped helpers in `coachdesk.access`, every write through
`coachdesk.actions`."""

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
from interplay.web.coaching.access import (
    access_client_for_coach,
    record_coach_read,
    record_coach_reads,
)
from interplay.web.coaching.actions import do_invite_client
from interplay.web.coaching.client_view import ClientView
from interplay.web.coaching.forms import InviteForm
from interplay.web.emails import absolute_url
from interplay.web.practice.planner import coach_client_summary
from interplay.web.safety.actions import open_flags_for_coach


def _coach(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


@coach_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The coach's home: waiting safety flags first, every client at a glance, and the
    invitation form (posted here)."""
    coach = _coach(request)
    form = InviteForm(request.POST or None)
    invitation_url = None
    if request.method == "POST" and form.is_valid():
        invitation_url = absolute_url(do_invite_client(coach, form.cleaned_data["email"]))
        form = InviteForm()
    result = dashboard_page(coach, request.GET.get("sort"), request.GET.get("page"))
    record_coach_reads(coach, [row.client_id for row in result.page.object_list], "dashboard")
    context = presenters.dashboard_context(result)
    context.update(
        form=form, invitation_url=invitation_url, safety_flags=open_flags_for_coach(coach)
    )
    return render(request, "coachdesk/dashboard.html", context)


def _client_page(
    request: HttpRequest, view: ClientView, form: NoteForm, status: int = 200
) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200] if request.method == "GET" else ""
    context = presenters.client_context(view, query)
    context["note_form"] = form
    context["practice"] = coach_client_summary(view)
    return render(request, "coachdesk/client.html", context, status=status)


@coach_required
def client_page(request: HttpRequest, client_id: int) -> HttpResponse:
    view = access_client_for_coach(_coach(request), client_id)
    record_coach_read(view, "client page", flags=True)
    return _client_page(request, view, NoteForm())


@coach_required
@require_POST
def add_note(request: HttpRequest, client_id: int) -> HttpResponse:
    coach = _coach(request)
    view = access_client_for_coach(coach, client_id)
    record_coach_read(view, "add note")
    client = view.client
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
    return _client_page(request, view, form, status=400)


@coach_required
def edit_note(request: HttpRequest, client_id: int, note_id: int) -> HttpResponse:
    coach = _coach(request)
    view = access_client_for_coach(coach, client_id)
    client = view.client
    note = access.get_note_for_coach(coach, client, note_id)
    record_coach_read(view, "note", note.pk)
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
    view = access_client_for_coach(coach, client_id)
    client = view.client
    note = access.get_note_for_coach(coach, client, note_id)
    record_coach_read(view, "note", note.pk)
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
    view = access_client_for_coach(coach, client_id)
    record_coach_read(view, "session planner")
    client = view.client
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
    proposal = presenters.proposed_agenda(view)
    form = PlanForm(initial={"agenda": proposal.as_text(), "session_date": None})
    return _plan_page(request, client, form, None, proposal)


@coach_required
def edit_plan(request: HttpRequest, client_id: int, plan_id: int) -> HttpResponse:
    coach = _coach(request)
    view = access_client_for_coach(coach, client_id)
    client = view.client
    plan = access.get_plan_for_coach(coach, client, plan_id)
    record_coach_read(view, "session plan", plan.pk)
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
