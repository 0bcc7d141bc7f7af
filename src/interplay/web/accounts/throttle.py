"""Database-backed sign-in throttling: every web process sees the same counters.

An account gets a few tries per window, an address a few more (one address may be a whole
office). Counting happens before the password is checked, so a guessing script is slowed
whether or not it guesses right.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from interplay.web.accounts.models import SignInAttempts

WINDOW = timedelta(minutes=15)
ACCOUNT_LIMIT = 5
ADDRESS_LIMIT = 30


def _key_limits(email: str, address: str) -> list[tuple[str, int]]:
    return [(f"account:{email.lower()}", ACCOUNT_LIMIT), (f"ip:{address}", ADDRESS_LIMIT)]


def allow_attempt(email: str, address: str) -> bool:
    """Count one attempt for the account and the address; False when either is over its
    limit for the current window."""
    now = timezone.now()
    allowed = True
    with transaction.atomic():
        for key, limit in _key_limits(email, address):
            row, _created = SignInAttempts.objects.select_for_update().get_or_create(key=key)
            if now - row.window_start > WINDOW:
                row.window_start, row.count = now, 0
                row.save(update_fields=["window_start", "count"])
            SignInAttempts.objects.filter(pk=row.pk).update(count=F("count") + 1)
            if row.count + 1 > limit:
                allowed = False
    return allowed


def clear_account(email: str) -> None:
    """A successful sign-in resets the account's counter (not the address's)."""
    SignInAttempts.objects.filter(key=f"account:{email.lower()}").delete()


def client_address(request_meta: dict[str, object]) -> str:
    """The address to count attempts against. Behind a proxy every request comes from the
    proxy, so the address it appended to X-Forwarded-For is used (the last one: earlier ones
    are whatever the client claimed)."""
    if settings.BEHIND_PROXY:
        forwarded = str(request_meta.get("HTTP_X_FORWARDED_FOR") or "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return str(request_meta.get("REMOTE_ADDR") or "unknown")
