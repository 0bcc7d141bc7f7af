"""Database-backed password throttling: every web process sees the same counters. allauth's
own rate limits (settings.ACCOUNT_RATE_LIMITS) count per address and per account in the cache;
this module keeps the one promise they cannot: a counter per account *and* address, with
windows that grow each time a guesser fills one.

So a stranger guessing at someone's password from one address slows only themselves: the
owner, from their own address, still signs in, and signing in by emailed code never counts
here at all. One address gets a larger budget across all accounts (it may be a whole office),
and an account a much larger one across all addresses, which only a guessing script spread
over many addresses reaches; even then the emailed code keeps working. Counting happens before
the password is checked, so a guessing script is slowed whether or not it guesses right.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from interplay.web.accounts.models import SignInAttempts

WINDOW = timedelta(minutes=15)
# Each window that ended over its limit doubles the next one (15 min, 30, 1 h ... a day at
# most): growing delays for a guesser, never a lock that outlasts the longest window.
LONGEST_WINDOW = timedelta(hours=24)
PAIR_LIMIT = 5  # one account from one address
ADDRESS_LIMIT = 30  # one address, every account
ACCOUNT_LIMIT = 100  # one account, every address: passwords only


def _account(email: str) -> str:
    # Keys hold a digest, not the address typed: the table then holds no email addresses.
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:32]


def window_after(strikes: int) -> timedelta:
    """How long a counting window lasts after `strikes` windows in a row ended over the limit."""
    longer: timedelta = WINDOW * (2 ** min(strikes, 16))
    return min(longer, LONGEST_WINDOW)


def _count(keys_limits: list[tuple[str, int]]) -> bool:
    now = timezone.now()
    allowed = True
    with transaction.atomic():
        for key, limit in keys_limits:
            row, _created = SignInAttempts.objects.select_for_update().get_or_create(key=key)
            window = window_after(row.strikes)
            if now - row.window_start > window:
                quiet_since_the_window_ended = now - row.window_start - window
                if row.count > limit and quiet_since_the_window_ended < LONGEST_WINDOW:
                    row.strikes += 1
                else:
                    row.strikes = 0
                row.window_start, row.count = now, 0
                row.save(update_fields=["window_start", "count", "strikes"])
            SignInAttempts.objects.filter(pk=row.pk).update(count=F("count") + 1)
            if row.count + 1 > limit:
                allowed = False
    return allowed


def allow_password_attempt(email: str, address: str) -> bool:
    """Count one password attempt; False when this account from this address, this address,
    or (rarely) this account from everywhere is over its limit for the current window."""
    account = _account(email)
    return _count(
        [
            (f"pair:{account}|{address}", PAIR_LIMIT),
            (f"ip:{address}", ADDRESS_LIMIT),
            (f"account:{account}", ACCOUNT_LIMIT),
        ]
    )


def clear_after_sign_in(email: str, address: str) -> None:
    """A successful sign-in resets the count for this account from this address only."""
    SignInAttempts.objects.filter(key=f"pair:{_account(email)}|{address}").delete()


def forget_account(email: str) -> None:
    """Erasure: every counter about this account, from any address. Counters written before
    keys held a digest (`account:<email>`) still name the address, so they go too."""
    SignInAttempts.objects.filter(key__contains=_account(email)).delete()
    SignInAttempts.objects.filter(key__iexact=f"account:{email}").delete()


def client_address(request_meta: dict[str, object]) -> str:
    """The address to count attempts against. Behind `TRUSTED_PROXIES` proxies each one
    appended the address it saw to X-Forwarded-For, so the client is the entry that many
    places from the end; entries before it are whatever the client claimed and are ignored."""
    proxies = int(settings.TRUSTED_PROXIES)
    if proxies > 0:
        forwarded = str(request_meta.get("HTTP_X_FORWARDED_FOR") or "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-proxies] if len(hops) >= proxies else hops[0]
    return str(request_meta.get("REMOTE_ADDR") or "unknown")
