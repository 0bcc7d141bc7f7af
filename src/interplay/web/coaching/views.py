"""Joining a coach (the invitation link), and the old addresses of the coach's home and client
overview, which now lead to the coach desk's one home and one client page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from interplay.web.accounts.actions import ActionError
from interplay.web.accounts.decorators import coach_required
from interplay.web.accounts.models import User
from interplay.web.coaching import actions
from interplay.web.coaching.access import access_client_for_coach
from interplay.web.coaching.forms import AcceptForm
from interplay.web.safety.actions import do_set_safety_consent, tells_coach


@coach_required
def coach_home(request: HttpRequest) -> HttpResponse:
    """The old client list: the coach's one home is now the dashboard (with invitations)."""
    return redirect("coachdesk:dashboard", permanent=True)


@coach_required
def client_overview(request: HttpRequest, client_id: int) -> HttpResponse:
    """The old quick overview: the one client page is the coach desk's. Access is checked
    first, so an outsider still gets a 404 here; nothing is read, so nothing is recorded."""
    view = access_client_for_coach(_coach(request), client_id)
    return redirect("coachdesk:client", view.pk, permanent=True)


def _coach(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = actions.find_open_invitation(token)
    if invitation is None:
        return render(request, "coaching/invitation_gone.html", status=404)
    user = request.user if request.user.is_authenticated else None
    form = AcceptForm(request.POST or None) if user is None else None
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            joined = actions.do_accept_invitation(
                token,
                user=user,  # type: ignore[arg-type]
                name=form.cleaned_data["name"] if form else "",
                password=form.cleaned_data["password"] if form else None,
            )
        except ActionError as error:
            messages.error(request, str(error))
        else:
            # The safety consent is asked at joining; unticked means no (the default).
            do_set_safety_consent(joined, request.POST.get("tell_coach") == "1")
            if user is None:
                login(request, joined, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request, _("You are now working with %(coach)s.") % {"coach": invitation.coach}
            )
            return redirect("home")
    return render(
        request,
        "coaching/accept_invitation.html",
        {
            "invitation": invitation,
            "form": form,
            "tell_coach": request.POST.get("tell_coach") == "1"
            if request.method == "POST"
            else bool(user and tells_coach(user)),  # type: ignore[arg-type]
        },
    )
