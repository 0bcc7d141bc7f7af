"""Coaches sign up here. A new coach goes straight to setting up their authenticator: no
page with client data opens before two-factor is in place (`coach_required`)."""

from __future__ import annotations

from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from interplay.web.accounts.actions import do_sign_up
from interplay.web.accounts.forms import SignUpForm
from interplay.web.accounts.models import Role
from interplay.web.kernel.errors import ActionError


def coach_sign_up(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            coach = do_sign_up(
                form.cleaned_data["email"],
                form.cleaned_data["name"],
                form.cleaned_data["password"],
                role=Role.COACH,
            )
        except ActionError as error:
            form.add_error("email", str(error))
        else:
            login(request, coach, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("accounts:two_factor_setup")
    return render(request, "coaching/sign_up.html", {"form": form})
