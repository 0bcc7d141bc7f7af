"""Who is calling: a personal access token in `Authorization: Bearer ...`, never the session.

A session cookie does not authenticate the API, so a page on another site cannot make a signed-in
browser call it, and the API needs no CSRF token. Each endpoint names the scope it needs; the
token's owner must still be active, and a coach's token works only while the coach has
two-factor set up (the token was made on a page they reached with it). Each token has its own
request budget per minute, counted in the cache, which every process shares (Redis with
`REDIS_URL`, else the database cache)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import cast

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from interplay.web.accounts.models import User
from interplay.web.accounts.two_factor import PASSED_ATTRIBUTE, has_second_factor
from interplay.web.api.actions import scopes_for
from interplay.web.api.models import AccessToken, Scope
from interplay.web.api.problems import missing_scope, throttled
from interplay.web.tokens import hash_token

TOUCH_EVERY = timedelta(minutes=1)  # last-used time: fine enough, and reads stay (nearly) reads
WINDOW_SECONDS = 60


@dataclass(frozen=True)
class Caller:
    user: User
    token: AccessToken


def caller(request: HttpRequest) -> Caller:
    """The authenticated caller of an endpoint (set by `TokenAuth`)."""
    return cast(Caller, getattr(request, "auth"))  # noqa: B009 - set by django-ninja


def find_token(secret: str) -> AccessToken | None:
    if not secret or len(secret) > 200:
        return None
    return (
        AccessToken.objects.select_related("owner")
        .filter(token_hash=hash_token(secret), revoked_at__isnull=True, owner__is_active=True)
        .first()
    )


def _within_budget(token: AccessToken) -> int:
    """0 when this request fits the token's budget, else the seconds until the next window."""
    limit = int(settings.INTERPLAY_API_REQUESTS_PER_MINUTE)
    now = timezone.now().timestamp()
    window = int(now // WINDOW_SECONDS)
    # Keyed by the token's hash, not its row number: a number can come back after a deletion.
    key = f"api-throttle:{token.token_hash[:32]}:{window}"
    cache.add(key, 0, timeout=WINDOW_SECONDS * 2)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: this request starts the window
        cache.set(key, 1, timeout=WINDOW_SECONDS * 2)
        count = 1
    if count <= limit:
        return 0
    return max(1, int((window + 1) * WINDOW_SECONDS - now))


def _touch(token: AccessToken) -> None:
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= TOUCH_EVERY:
        AccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


def _vouch_for_second_factor(user: User) -> None:
    """The coach made this token on a page they reached with their authenticator, and still has
    one: mark this request's user as having passed two-factor, as `TwoFactorMiddleware` marks a
    session's user, so `access_client_for_coach` treats both the same way."""
    setattr(user, PASSED_ATTRIBUTE, True)


class TokenAuth(HttpBearer):
    """Bearer-token authentication that also requires `scope`."""

    def __init__(self, scope: Scope) -> None:
        super().__init__()
        self.scope = scope

    def authenticate(self, request: HttpRequest, token: str) -> Caller | None:
        found = find_token(token)
        if found is None:
            return None
        owner = found.owner
        if owner.is_coach:
            if not has_second_factor(owner):
                return None
            _vouch_for_second_factor(owner)
        wait = _within_budget(found)
        if wait:
            raise throttled(wait)
        if self.scope.value not in found.scopes or self.scope not in scopes_for(owner):
            raise missing_scope(self.scope.value)
        _touch(found)
        request.user = owner
        return Caller(owner, found)


READ_OWN = TokenAuth(Scope.READ_OWN)
WRITE_JOURNAL = TokenAuth(Scope.WRITE_JOURNAL)
READ_CLIENTS = TokenAuth(Scope.READ_CLIENTS)
