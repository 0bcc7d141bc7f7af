"""Every sign-in, failed or successful, logged in one place (logger
`interplay.web.accounts.sign_in`), from the signals Django and allauth send:

- a wrong password (Django's `user_login_failed`, which allauth's sign-in and reauthentication
  both go through), a wrong emailed sign-in code (allauth's `login_code_rejected`), a wrong
  authenticator or recovery code (allauth.mfa's `authentication_failed`), and a password refused
  by the throttle before it was checked (`throttled`, called by the adapter, which refuses it);
- a completed sign-in (allauth's `user_logged_in`), with how it was done.

Each line holds what happened, the client's address (throttle.client_address, the one rule
for it) and the account's number when there is one. Never the password, a code, or the email
address typed: people paste passwords into the wrong box, and an address names a person."""

from __future__ import annotations

import logging
from typing import Any

from allauth.account.internal.flows.login import get_authentication_records
from allauth.account.signals import login_code_rejected, user_logged_in
from allauth.mfa.signals import authentication_failed as mfa_authentication_failed
from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from interplay.web.accounts.models import User
from interplay.web.accounts.throttle import client_address

log = logging.getLogger("interplay.web.accounts.sign_in")


def _address(request: HttpRequest | None) -> str:
    return client_address(request.META) if request is not None else "unknown"


def _number(user: Any) -> str:
    return str(user.pk) if user is not None and getattr(user, "pk", None) else "unknown"


def account_for(email: str) -> Any:
    return User.objects.filter(email__iexact=email.strip()).only("pk").first() if email else None


def failed(reason: str, request: HttpRequest | None, user: Any) -> None:
    log.warning("sign-in failed: %s from %s (account %s)", reason, _address(request), _number(user))


def throttled(request: HttpRequest, email: str) -> None:
    failed("throttled", request, account_for(email))


@receiver(user_login_failed, dispatch_uid="sign-in-log-wrong-password")
def _wrong_password(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kw: Any
) -> None:
    email = str(credentials.get("email") or credentials.get("username") or "")
    confirming = request is not None and getattr(request.user, "is_authenticated", False)
    user = request.user if confirming else account_for(email)
    failed(
        "wrong password (confirming it is them)" if confirming else "wrong password", request, user
    )


@receiver(login_code_rejected, dispatch_uid="sign-in-log-wrong-code")
def _wrong_code(sender: Any, request: HttpRequest, user: Any = None, **kw: Any) -> None:
    failed("wrong emailed code", request, user)


@receiver(mfa_authentication_failed, dispatch_uid="sign-in-log-wrong-factor")
def _wrong_factor(sender: Any, request: HttpRequest, user: Any = None, **kw: Any) -> None:
    reason = "wrong two-factor code"
    if kw.get("reauthentication"):
        reason += " (confirming it is them)"
    failed(reason, request, user)


@receiver(user_logged_in, dispatch_uid="sign-in-log-signed-in")
def _signed_in(sender: Any, request: HttpRequest, user: Any, **kw: Any) -> None:
    methods = [
        str(r["method"]) for r in get_authentication_records(request, user) if r.get("method")
    ]
    how = " and ".join(dict.fromkeys(methods)) or "code"
    log.info("signed in: account %s from %s by %s", _number(user), _address(request), how)
