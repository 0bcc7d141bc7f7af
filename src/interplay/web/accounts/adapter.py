"""Interplay on top of django-allauth: who a new account is (client or coach), where people go
after signing in, how emails leave (the task queue, sealed) and the sign-in guards allauth has
no knob for (the counter per account *and* address; sign_in_log logs each sign-in).

Everything else (sign-up with the emailed code, sign-in by password or code, password reset
and change, reauthentication) is allauth's own flow.
"""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records, record_authentication
from allauth.core import context as allauth_context
from django import forms
from django.contrib.sites.shortcuts import get_current_site
from django.forms import BaseForm
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from interplay.web.accounts import sign_in_log, throttle
from interplay.web.accounts.models import Role
from interplay.web.emails import queue_email

# Set by the coach sign-up view for the one request that creates the account.
SIGN_UP_ROLE_ATTRIBUTE = "interplay_sign_up_role"


def _email_of(credentials: dict[str, Any]) -> str:
    return str(credentials.get("email") or credentials.get("username") or "").strip().lower()


class InterplayAccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]  # untyped
    # allauth's messages that people meet most, in the project's plain words.
    error_messages = DefaultAccountAdapter.error_messages | {
        "email_password_mismatch": gettext_lazy("That email address and password do not match."),
        "incorrect_code": gettext_lazy(
            "That code is not right, or it has expired. Check the latest email, or ask for a "
            "new code."
        ),
        "too_many_login_attempts": gettext_lazy(
            "Too many attempts to sign in. Please wait a little, or ask for a sign-in code by "
            "email."
        ),
        "rate_limited": gettext_lazy("That was a lot of requests at once. Please wait a minute."),
    }

    def save_user(
        self, request: HttpRequest, user: Any, form: BaseForm, commit: bool = True
    ) -> Any:
        user.name = str(form.cleaned_data.get("name") or "").strip()
        user.role = getattr(request, SIGN_UP_ROLE_ATTRIBUTE, Role.CLIENT)
        return super().save_user(request, user, form, commit=commit)

    def get_client_ip(self, request: HttpRequest) -> str:
        # One rule for "which address is this" (TRUSTED_PROXIES), for allauth's limits and ours.
        return throttle.client_address(request.META)

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        super().pre_authenticate(request, **credentials)
        email = _email_of(credentials)
        address = throttle.client_address(request.META)
        if not throttle.allow_password_attempt(email, address):
            sign_in_log.throttled(request, email)
            raise forms.ValidationError(
                _(
                    "Too many attempts to sign in from here. Please wait a little, or ask "
                    "for a sign-in code by email."
                )
            )

    def login(self, request: HttpRequest, user: Any) -> None:
        super().login(request, user)
        throttle.clear_after_sign_in(user.email, throttle.client_address(request.META))
        # Having just signed in (password or emailed code, and two-factor where set up) is
        # as good as confirming it again: the sudo window starts now, not at the first
        # sensitive page.
        # Signing in right after sign-up leaves no record of its own: the code from the
        # mailbox was just typed, which is what allauth's "code" method is.
        done = [r for r in get_authentication_records(request, user) if r.get("method")]
        method = done[-1]["method"] if done else "code"
        record_authentication(request, user, method, reauthenticated=True)

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """allauth's emails, in Interplay's words (templates/account/email/), sent by the task
        worker with the body sealed like every other email."""
        request = allauth_context.request
        context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        subject = self.format_email_subject(" ".join(subject.splitlines()).strip())
        body = render_to_string(f"{template_prefix}_message.txt", context).strip()
        queue_email(email, subject, body)
