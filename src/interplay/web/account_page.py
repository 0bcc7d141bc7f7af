"""The two account pages that bring several apps together, so they sit above every app in the
layers (import-linter): sign-up (with the safety consent) and the Account page (the coach, who
read what, downloads, safety settings, leaving a coach). Their URLs keep the `accounts:`
names (see `urls.py`)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from interplay.web.accounts import actions
from interplay.web.accounts.coaches import current_coach
from interplay.web.accounts.forms import SignUpForm
from interplay.web.coaching.access import reads_of
from interplay.web.coaching.actions import do_leave_coach
from interplay.web.kernel.errors import ActionError
from interplay.web.kernel.models import AuditEvent, AuditKind
from interplay.web.kernel.requests import AuthenticatedRequest
from interplay.web.safety.actions import do_set_safety_consent
from interplay.web.safety.presenters import safety_settings_context

RECENT_EXPORTS = 5


def sign_up(request: HttpRequest) -> HttpResponse:
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = actions.do_sign_up(
                form.cleaned_data["email"], form.cleaned_data["name"], form.cleaned_data["password"]
            )
        except ActionError as error:
            form.add_error("email", str(error))
        else:
            if request.POST.get("tell_coach") == "1":  # the safety consent, default off
                do_set_safety_consent(True, actor=user)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("home")
    return render(
        request,
        "accounts/sign_up.html",
        {"form": form, "tell_coach": request.POST.get("tell_coach") == "1"},
    )


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


urlpatterns = [
    path("sign-up/", sign_up, name="sign_up"),
    path("account/", account_settings, name="settings"),
]
