"""The Account page brings several apps together, so it sits above every app in the layers
(import-linter): the coach, who read what, downloads, safety settings, leaving a coach, and the
links to allauth's pages (email, password, sessions). Its URL keeps the `accounts:` name (see
`urls.py`)."""

from __future__ import annotations

from allauth.usersessions.internal.flows.sessions import end_sessions
from allauth.usersessions.models import UserSession
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interplay.web.accounts.coaches import current_coach
from interplay.web.accounts.decorators import reauthenticated
from interplay.web.coaching.access import reads_of
from interplay.web.coaching.actions import do_leave_coach
from interplay.web.kernel.models import AuditEvent, AuditKind
from interplay.web.kernel.requests import AuthenticatedRequest
from interplay.web.safety.presenters import safety_settings_context

RECENT_EXPORTS = 5


@login_required
def account_settings(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST" and request.POST.get("action") == "leave_coach":
        if do_leave_coach(actor=user):
            messages.success(request, _("You are no longer working with that coach."))
        return redirect("accounts:settings")
    coach = current_coach(user) if user.is_client else None
    reads = reads_of(user) if user.is_client else []
    # A download of someone's data is listed back to them, so none goes unnoticed.
    exports = (
        list(AuditEvent.objects.filter(client=user, kind=AuditKind.OWN_EXPORT)[:RECENT_EXPORTS])
        if user.is_client
        else []
    )
    context = {"coach": coach, "reads": reads, "exports": exports}
    if user.is_client:
        context |= safety_settings_context(user)
    return render(request, "accounts/settings.html", context)


@require_POST
@reauthenticated
def end_session(request: AuthenticatedRequest) -> HttpResponse:
    """Sign out one of one's own sessions (the list is allauth.usersessions'; it only ends all
    the others at once). The id is POSTed, so someone else's session is simply not found."""
    number = request.POST.get("session", "")
    session = UserSession.objects.filter(
        user=request.user, pk=int(number) if number.isdigit() else 0
    ).first()
    if session is None:
        raise Http404
    current = session.is_current()
    end_sessions(request, [session])  # allauth's own flow: signs this browser out when current
    if current:
        return redirect("account_login")
    messages.success(request, _("That session is signed out."))
    return redirect("usersessions_list")


urlpatterns = [
    path("account/", account_settings, name="settings"),
    path("account/sessions/end/", end_session, name="end_session"),
]
