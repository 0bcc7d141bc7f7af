"""The coach's desk: the coach's one home (the dashboard, with invitations), the one client
page, notes and the session planner.

Thin views. Every client is reached through `access_client_for_coach` (404 to anyone but the
client's current coach; the planner's `access_client_for_planner` is the same check, reading
a little more), which gives the `ClientView` every shared read goes through; once
access is granted the view records the read with one `kernel.audit.record()` call. Every note and
plan is reached through the scoped helpers in `coaching.access`, every write through
`coaching.actions`."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interplay.web.accounts.decorators import coach_required
from interplay.web.accounts.models import User
from interplay.web.coaching import access, actions, practice_page, presenters
from interplay.web.coaching.access import access_client_for_coach, coach_read, list_reads
from interplay.web.coaching.actions import do_invite_client
from interplay.web.coaching.client_pages import address, section_links
from interplay.web.coaching.dashboard import dashboard_page
from interplay.web.coaching.dashboard_html import dashboard_html
from interplay.web.coaching.forms import InviteForm, NoteForm, PlanForm
from interplay.web.coaching.models import SessionPlan
from interplay.web.coaching.plan_html import plan_html
from interplay.web.coaching.planner import Agenda, agenda_sections, proposal_html
from interplay.web.coaching.practice import coach_practice_view
from interplay.web.emails import absolute_url
from interplay.web.kernel.audit import record
from interplay.web.kernel.blank_forms import blank_form_html, initial_form_html
from interplay.web.kernel.errors import ActionError
from interplay.web.kernel.requests import CoachRequest, user_of
from interplay.web.practice import actions as practice_actions
from interplay.web.safety.actions import do_set_safety_consent, open_flags_for_coach, tells_coach
from interplay.web.schedule.actions import do_set_reassess_weeks


def _coach(request: CoachRequest) -> User:
    return user_of(request)  # the user itself: the views read its id many times


@coach_required
def dashboard(request: CoachRequest) -> HttpResponse:
    """The coach's home: waiting safety flags first, every client at a glance, and the
    invitation form (posted here)."""
    coach = _coach(request)
    # A visit shows the blank form kept per language: no form is made unless one was sent.
    form = InviteForm(request.POST) if request.POST else None
    invitation_url = None
    if request.method == "POST" and form is not None and form.is_valid():
        invitation_url = absolute_url(do_invite_client(form.cleaned_data["email"], actor=coach))
        form = None
    result = dashboard_page(coach, request.GET.get("sort"), request.GET.get("page"))
    record(*list_reads(coach, [row.client_id for row in result.page.object_list], "dashboard"))
    context = presenters.dashboard_context(result)
    context.update(
        # A fresh form renders the same every time: once per language (kernel.blank_forms).
        form_html=form.as_div() if form is not None else blank_form_html(InviteForm),
        invitation_url=invitation_url,
        safety_flags=open_flags_for_coach(coach),
    )
    context["content_html"] = dashboard_html(context, request)
    return render(request, "coaching/dashboard.html", context)


@coach_required
def edit_note(request: CoachRequest, client_id: int, note_id: int) -> HttpResponse:
    coach = _coach(request)
    view = access_client_for_coach(coach, client_id)
    client = view.client
    note = access.get_note_for_coach(coach, client, note_id)
    record(coach_read(view, "note", note.pk))
    if request.method == "POST":
        form = NoteForm(request.POST)
        if form.is_valid():
            try:
                actions.do_update_note(
                    note,
                    form.cleaned_data["body"],
                    form.cleaned_data["follow_up"],
                    actor=request.user,
                )
            except ActionError as problem:
                messages.error(request, str(problem))
            else:
                messages.success(request, _("Note saved."))
                return redirect("coaching:client_sessions", client.pk)
    else:
        form = NoteForm(initial={"body": note.body, "follow_up": note.follow_up})
    return render(request, "coaching/note.html", {"client": client, "note": note, "form": form})


@coach_required
@require_POST
def set_schedule(request: CoachRequest, client_id: int) -> HttpResponse:
    """The coach sets how often their client re-assesses (a small form on the client page)."""
    coach = _coach(request)
    view = access_client_for_coach(coach, client_id)  # reads nothing of theirs: no audit row
    try:
        schedule = do_set_reassess_weeks(view.client, request.POST.get("weeks", ""), actor=coach)
    except ActionError as problem:
        messages.error(request, str(problem))
    else:
        messages.success(
            request,
            _("Re-assessment every %(weeks)d weeks from now on.")
            % {"weeks": schedule.reassess_weeks},
        )
    return redirect("coaching:client", view.client.pk)


@coach_required
@require_POST
def close_follow_up(request: CoachRequest, client_id: int, note_id: int) -> HttpResponse:
    coach = _coach(request)
    view = access_client_for_coach(coach, client_id)
    client = view.client
    note = access.get_note_for_coach(coach, client, note_id)
    record(coach_read(view, "note", note.pk))
    actions.do_close_follow_up(note, actor=request.user)
    messages.success(request, _("Marked as done."))
    return redirect("coaching:client_sessions", client.pk)


def _plan_page(
    request: CoachRequest, client: User, form: PlanForm, plan: object, proposal: object
) -> HttpResponse:
    saved = plan if isinstance(plan, SessionPlan) else None
    # A fresh form with the proposal (or the saved plan) in it renders the same for the same
    # text: kept (kernel.blank_forms); a posted one is rendered afresh.
    form_html = form.as_div() if form.is_bound else initial_form_html(PlanForm, form.initial)
    content = plan_html(
        request,
        client,
        form_html,
        plan_id=saved.pk if saved is not None else None,
        proposal_html=proposal_html(proposal) if isinstance(proposal, Agenda) else None,
        agenda=agenda_sections(saved.agenda) if saved is not None else [],
    )
    return render(
        request,
        "coaching/plan.html",
        {
            "client": client,
            "form": form,
            "plan": plan,
            "proposal": proposal,
            "content_html": content,
        },
    )


@coach_required
def new_plan(request: CoachRequest, client_id: int) -> HttpResponse:
    coach = _coach(request)
    # The access check that also reads what the proposal needs beside the shared reads.
    view, previous_agenda = access.access_client_for_planner(coach, client_id)
    record(coach_read(view, "session planner"))
    client = view.client
    if request.method == "POST":
        form = PlanForm(request.POST)
        if form.is_valid():
            try:
                plan = actions.do_save_plan(
                    client,
                    form.cleaned_data["agenda"],
                    form.cleaned_data["session_date"],
                    actor=coach,
                )
            except ActionError as problem:
                messages.error(request, str(problem))
            else:
                messages.success(request, _("Session plan saved. Only you can read it."))
                return redirect("coaching:plan", client.pk, plan.pk)
        return _plan_page(request, client, form, None, None)
    proposal = presenters.proposed_agenda(view, previous_agenda)
    form = PlanForm(initial={"agenda": proposal.as_text(), "session_date": None})
    return _plan_page(request, client, form, None, proposal)


@coach_required
def edit_plan(request: CoachRequest, client_id: int, plan_id: int) -> HttpResponse:
    coach = _coach(request)
    view = access_client_for_coach(coach, client_id)
    client = view.client
    plan = access.get_plan_for_coach(coach, client, plan_id)
    record(coach_read(view, "session plan", plan.pk))
    if request.method == "POST":
        form = PlanForm(request.POST)
        if form.is_valid():
            try:
                actions.do_save_plan(
                    client,
                    form.cleaned_data["agenda"],
                    form.cleaned_data["session_date"],
                    plan=plan,
                    actor=coach,
                )
            except ActionError as problem:
                messages.error(request, str(problem))
            else:
                messages.success(request, _("Session plan saved."))
                return redirect("coaching:plan", client.pk, plan.pk)
    else:
        form = PlanForm(initial={"agenda": plan.agenda, "session_date": plan.session_date})
    return _plan_page(request, client, form, plan, None)


@coach_required
def coach_home(request: CoachRequest) -> HttpResponse:
    """The old client list: the coach's one home is now the dashboard (with invitations)."""
    return redirect("coaching:dashboard", permanent=True)


@coach_required
def client_overview(request: CoachRequest, client_id: int) -> HttpResponse:
    """The old quick overview: the one client page is the coach desk's. Access is checked
    first, so an outsider still gets a 404 here; nothing is read, so nothing is recorded."""
    view = access_client_for_coach(_coach(request), client_id)
    return redirect("coaching:client", view.pk, permanent=True)


def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Signed out, the page explains and points to sign-up or sign-in (back here after);
    signed in, it asks for the safety consent and joins."""
    invitation = actions.find_open_invitation(token)
    if invitation is None:
        return render(request, "coaching/invitation_gone.html", status=404)
    user = request.user if isinstance(request.user, User) else None
    if request.method == "POST" and user is not None:
        try:
            joined = actions.do_accept_invitation(token, actor=user)
        except ActionError as error:
            messages.error(request, str(error))
        else:
            # The safety consent is asked at joining; unticked means no (the default).
            do_set_safety_consent(request.POST.get("tell_coach") == "1", actor=joined)
            messages.success(
                request, _("You are now working with %(coach)s.") % {"coach": invitation.coach}
            )
            return redirect("home")
    return render(
        request,
        "coaching/accept_invitation.html",
        {
            "invitation": invitation,
            "here": request.path,
            "tell_coach": request.POST.get("tell_coach") == "1"
            if request.method == "POST"
            else bool(user and tells_coach(user)),
        },
    )


SUGGEST_FIELDS = ("title", "technique", "direction", "stakes", "what", "feared_outcome")


@coach_required
def client_practice(request: CoachRequest, client_id: int) -> HttpResponse:
    coach = _coach(request)
    view = access_client_for_coach(coach, client_id)
    record(coach_read(view, "practice"))
    client = view.client
    form: dict[str, str] = {"technique": "start_small", "stakes": "low"}
    error = None
    if request.method == "POST":
        form = {name: request.POST.get(name, "") for name in SUGGEST_FIELDS}
        try:
            practice_actions.do_suggest_experiment(client, form, actor=coach)
        except ActionError as problem:
            error = str(problem)
        else:
            messages.success(request, _("Suggested. Your client will see it and can take it up."))
            return redirect("coaching:practice", client_id)
    context = {
        "client": client,
        "view": coach_practice_view(view),
        "sections": section_links(client_id, "practice"),
        "form": form,
        "error": error,
        "client_href": address("coaching:client", view.pk),
    }
    # The content written in Python, its wording translated once per language.
    context["title"] = practice_page.title(client.name)
    context["content_html"] = practice_page.practice_page_html(context, request)
    return render(request, "practice/coach_client.html", context, status=422 if error else 200)
