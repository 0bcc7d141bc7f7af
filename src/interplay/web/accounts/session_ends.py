"""A change of what proves who someone is ends their other sessions: whoever had stolen a
session (or the password, or an old authenticator) is out as soon as the owner changes it.

- Password changed or set: this session stays signed in (allauth keeps it valid,
  `ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False`); every other one is ended.
- Password reset: the person is not signed in, so every session is ended.
- An authenticator or passkey added or removed, recovery codes made anew (allauth.mfa's
  signals): every other session is ended.

Ending is allauth.usersessions' own flow, which deletes the sessions themselves (Django's check
of the password hash alone would leave them in the table until they expire)."""

from __future__ import annotations

from typing import Any

from allauth.account.signals import password_changed, password_reset, password_set
from allauth.core import context as allauth_context
from allauth.mfa.signals import authenticator_added, authenticator_removed, authenticator_reset
from allauth.usersessions.internal.flows.sessions import end_other_sessions, end_sessions
from allauth.usersessions.models import UserSession
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.dispatch import receiver
from django.http import HttpRequest


def _end_the_others(request: HttpRequest | None, user: Any) -> None:
    if request is None or user is None:
        return
    # allauth.mfa sends its signals once the change is committed, possibly after allauth has
    # let go of the request it tells sessions apart by.
    with allauth_context.request_context(request):
        end_other_sessions(request, user)
    # Sessions allauth.usersessions never saw (made before it was installed) end too.
    current = getattr(getattr(request, "session", None), "session_key", None)
    for session in Session.objects.exclude(session_key=current or ""):
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            SessionStore(session.session_key).delete()


@receiver(password_changed, dispatch_uid="accounts-password-changed-ends-others")
@receiver(password_set, dispatch_uid="accounts-password-set-ends-others")
@receiver(authenticator_added, dispatch_uid="accounts-authenticator-added-ends-others")
@receiver(authenticator_removed, dispatch_uid="accounts-authenticator-removed-ends-others")
@receiver(authenticator_reset, dispatch_uid="accounts-authenticator-reset-ends-others")
def _factor_changed(sender: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
    _end_the_others(request, kwargs.get("user"))


@receiver(password_reset, dispatch_uid="accounts-password-reset-ends-all")
def _password_reset(sender: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
    user = kwargs.get("user")
    if request is not None and user is not None:
        with allauth_context.request_context(request):
            end_sessions(request, list(UserSession.objects.filter(user_id=user.pk)))
        _end_the_others(request, user)
