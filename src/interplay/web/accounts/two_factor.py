"""Whether this session passed two-factor: allauth records each way a person proved who they
are in the session (password, code, "mfa"); a coach's session that has no "mfa" record sees no
client data (`coaches.passed_two_factor`, `decorators.coach_required`).

The middleware marks the request's user, as django-otp did before, so the access helpers keep
asking the user object they are given; a user loaded any other way has not shown a factor.
Setting up an authenticator in this session proves it too (the person just typed a code from
it, or touched the key).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from allauth.account.internal.flows.login import get_authentication_records
from allauth.mfa.models import Authenticator
from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

PASSED_ATTRIBUTE = "interplay_passed_two_factor"
# The authenticators that are a second factor (recovery codes only stand in for one).
SECOND_FACTORS = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)


def has_second_factor(user: Any) -> bool:
    """True when the account holds an authenticator or security key (set up, whatever this
    session has shown)."""
    found: bool = Authenticator.objects.filter(user=user, type__in=SECOND_FACTORS).exists()
    return found


def session_passed_two_factor(request: HttpRequest, user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    records = get_authentication_records(request, user)
    if any(record.get("method") == "mfa" for record in records):
        return True
    # An authenticator added since this session signed in: its code was typed to add it.
    times = [record["at"] for record in records if isinstance(record.get("at"), int | float)]
    if not times:
        return False
    signed_in_at = datetime.fromtimestamp(min(times), tz=UTC)
    added: bool = Authenticator.objects.filter(
        user=user, type__in=SECOND_FACTORS, created_at__gte=signed_in_at
    ).exists()
    return added


class TwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        lazy_user = request.user

        def marked() -> Any:
            # Attributes set on the lazy user land on the real one it wraps.
            # Only a coach's pages ask (clients see their own data whatever their factors),
            # so a client's request costs no query for it.
            if lazy_user.is_authenticated and getattr(lazy_user, "is_coach", False):
                setattr(lazy_user, PASSED_ATTRIBUTE, session_passed_two_factor(request, lazy_user))
            return lazy_user

        setattr(request, "user", SimpleLazyObject(marked))  # noqa: B010  # typed as a User
        return self.get_response(request)
