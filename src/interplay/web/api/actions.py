"""Writes for API access: create and revoke tokens, rotate the calendar address. Each takes
`*, actor` and checks it itself; the tokens page calls them after reauthentication."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from interplay.web.accounts.models import User
from interplay.web.accounts.two_factor import has_second_factor
from interplay.web.api.models import AccessToken, CalendarFeed, Scope
from interplay.web.kernel.errors import ActionError, require_owner
from interplay.web.tokens import hash_token, new_token

TOKEN_PREFIX = "ipat_"  # noqa: S105 - a fixed prefix, so a leaked token is recognisable
MAX_ACTIVE_TOKENS = 20

CLIENT_SCOPES = frozenset({Scope.READ_OWN, Scope.WRITE_JOURNAL})
COACH_SCOPES = frozenset({Scope.READ_CLIENTS})


@dataclass(frozen=True)
class NewToken:
    token: AccessToken
    secret: str  # shown once, never stored


def scopes_for(user: User) -> frozenset[Scope]:
    """What a token of this person may carry: no more than their own pages give them."""
    return COACH_SCOPES if user.is_coach else CLIENT_SCOPES


def do_create_access_token(name: str, scopes: list[str], *, actor: User) -> NewToken:
    name = name.strip()
    if not name:
        raise ActionError(_("Give the token a name, so you know later what uses it."))
    if len(name) > 100:
        raise ActionError(_("Please keep the name under 100 characters."))
    allowed = scopes_for(actor)
    chosen = sorted(set(scopes))
    if not chosen:
        raise ActionError(_("Choose at least one thing the token may do."))
    if any(scope not in allowed for scope in chosen):
        raise ActionError(_("That permission is not available to your account."))
    if actor.is_coach and not has_second_factor(actor):
        raise ActionError(_("Set up two-factor sign-in before you create a token."))
    with transaction.atomic():
        active = AccessToken.objects.filter(owner=actor, revoked_at__isnull=True).count()
        if active >= MAX_ACTIVE_TOKENS:
            raise ActionError(_("You have too many tokens: revoke one you no longer use first."))
        raw, _hash = new_token()
        secret = TOKEN_PREFIX + raw
        token = AccessToken.objects.create(
            owner=actor, name=name, token_hash=hash_token(secret), scopes=chosen
        )
    return NewToken(token, secret)


def do_revoke_access_token(token: AccessToken, *, actor: User) -> AccessToken:
    require_owner(token.owner_id, actor)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def do_rotate_calendar_feed(*, actor: User) -> str:
    """A new secret calendar address for `actor` (the old one stops working); returns the
    secret, which is shown once."""
    if not actor.is_client:
        raise ActionError(_("The calendar of due check-ins is for clients."))
    secret, digest = new_token()
    CalendarFeed.objects.update_or_create(
        owner=actor, defaults={"secret_hash": digest, "created_at": timezone.now()}
    )
    return secret


def do_stop_calendar_feed(*, actor: User) -> None:
    CalendarFeed.objects.filter(owner=actor).delete()
