"""The coach's side as far as the foundation goes: the client list, invitations and a client's
overview of what they chose to share. Every read of client data goes through
`access_client_for_coach`, which audits it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from interplay.web.accounts.actions import ActionError
from interplay.web.accounts.decorators import coach_required
from interplay.web.accounts.models import User
from interplay.web.assessments import presenters
from interplay.web.assessments.access import latest_shared_profile
from interplay.web.coaching import actions
from interplay.web.coaching.access import access_client_for_coach, clients_of
from interplay.web.coaching.forms import AcceptForm, InviteForm
from interplay.web.emails import absolute_url
from interplay.web.journal.access import shared_entries_for_coach
from interplay.web.safety.actions import do_set_safety_consent, tells_coach


@coach_required
def coach_home(request: HttpRequest) -> HttpResponse:
    coach: User = request.user  # type: ignore[assignment]
    form = InviteForm(request.POST or None)
    invitation_url = None
    if request.method == "POST" and form.is_valid():
        path = actions.do_invite_client(coach, form.cleaned_data["email"])
        invitation_url = absolute_url(path)
        form = InviteForm()
    return render(
        request,
        "coaching/coach_home.html",
        {"clients": clients_of(coach), "form": form, "invitation_url": invitation_url},
    )


@coach_required
def client_overview(request: HttpRequest, client_id: int) -> HttpResponse:
    coach: User = request.user  # type: ignore[assignment]
    client = access_client_for_coach(coach, client_id, what="overview")
    assessment = latest_shared_profile(client)
    entries = shared_entries_for_coach(coach, client)
    return render(
        request,
        "coaching/client_overview.html",
        {
            "client": client,
            "assessment": assessment,
            "summary": presenters.summary(assessment.profile) if assessment else None,
            "entries": entries,
        },
    )


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
