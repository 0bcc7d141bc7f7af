"""Coaches sign up here: allauth's sign-up (the address proved by an emailed code), with the
new account made a coach's. After the code a coach goes straight to setting up an
authenticator: no page with client data opens before two-factor is in place
(`coach_required`)."""

from __future__ import annotations

from typing import Any

from allauth.account.views import SignupView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from interplay.web.accounts.adapter import SIGN_UP_ROLE_ATTRIBUTE
from interplay.web.accounts.models import Role


class CoachSignUpView(SignupView):  # type: ignore[misc]
    template_name = "coaching/sign_up.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            return redirect("home")
        setattr(request, SIGN_UP_ROLE_ATTRIBUTE, Role.COACH)
        response: HttpResponse = super().dispatch(request, *args, **kwargs)
        return response


coach_sign_up = CoachSignUpView.as_view()
