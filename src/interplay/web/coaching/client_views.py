"""The coach's client page, in sections: the overview (`coaching:client`) and the profile,
history, shared journal and notes-and-plans pages, plus adding a note (posted from the notes
page). The shared practice is `views.client_practice`.

Every section is a coach client page like the others: reached through
`access_client_for_coach` (404 to anyone but the client's current coach), and once access is
granted the view records what it read with one `kernel.audit.record()` call."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interplay.web.accounts.decorators import coach_required
from interplay.web.coaching import actions, client_pages
from interplay.web.coaching.access import access_client_for_coach, coach_read, flags_first_seen
from interplay.web.coaching.client_view import ClientView
from interplay.web.coaching.forms import NoteForm
from interplay.web.coaching.overview_html import overview_html
from interplay.web.coaching.path_views import path_summary
from interplay.web.kernel.audit import record
from interplay.web.kernel.blank_forms import blank_form_html
from interplay.web.kernel.errors import ActionError
from interplay.web.kernel.requests import CoachRequest


def _granted(request: CoachRequest, client_id: int, what: str) -> ClientView:
    """The client's view for this coach (else 404), its read and the safety flags it shows
    for the first time recorded: every section shows the flags at the top."""
    view = access_client_for_coach(request.user, client_id)
    record(coach_read(view, what), *flags_first_seen(view))
    return view


@coach_required
def client_page(request: CoachRequest, client_id: int) -> HttpResponse:
    """The overview a coach lands on for one client."""
    view = _granted(request, client_id, "overview")
    context = client_pages.overview_context(view)
    context["path"] = path_summary(view)  # where they are on the guided path, if shared
    context["content_html"] = overview_html(context, request)
    return render(request, "coaching/client.html", context)


@coach_required
def client_profile(request: CoachRequest, client_id: int) -> HttpResponse:
    view = _granted(request, client_id, "client profile")
    context = client_pages.profile_context(view)
    context["header_html"] = client_pages.header_html(context, request)
    return render(request, "coaching/client_profile.html", context)


@coach_required
def client_history(request: CoachRequest, client_id: int) -> HttpResponse:
    view = _granted(request, client_id, "client history")
    page = client_pages.page_number(request.GET.get("page"))
    context = client_pages.history_context(view, page)
    context["header_html"] = client_pages.header_html(context, request)
    return render(request, "coaching/client_history.html", context)


@coach_required
def client_journal(request: CoachRequest, client_id: int) -> HttpResponse:
    view = _granted(request, client_id, "shared journal")
    query = request.GET.get("q", "").strip()[:200]
    page = client_pages.page_number(request.GET.get("page"))
    context = client_pages.journal_context(view, query, page)
    context["header_html"] = client_pages.header_html(context, request)
    return render(request, "coaching/client_journal.html", context)


def _sessions_page(
    request: CoachRequest, view: ClientView, form: NoteForm, page: int = 1, status: int = 200
) -> HttpResponse:
    context = client_pages.sessions_context(view, page)
    context["header_html"] = client_pages.header_html(context, request)
    context["note_form_html"] = form.as_div() if form.is_bound else blank_form_html(NoteForm)
    context["content_html"] = client_pages.sessions_html(context, request)
    return render(request, "coaching/client_sessions.html", context, status=status)


@coach_required
def client_sessions(request: CoachRequest, client_id: int) -> HttpResponse:
    view = _granted(request, client_id, "notes and plans")
    page = client_pages.page_number(request.GET.get("page"))
    return _sessions_page(request, view, NoteForm(), page)


@coach_required
@require_POST
def add_note(request: CoachRequest, client_id: int) -> HttpResponse:
    coach = request.user
    view = access_client_for_coach(coach, client_id)
    record(coach_read(view, "add note"))
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            actions.do_add_note(
                view.client, form.cleaned_data["body"], form.cleaned_data["follow_up"], actor=coach
            )
        except ActionError as problem:
            messages.error(request, str(problem))
        else:
            messages.success(request, _("Note saved. Only you can read it."))
            return redirect("coaching:client_sessions", view.pk)
    # Keep what was typed: show the notes page again with the form and its errors.
    return _sessions_page(request, view, form, status=400)
