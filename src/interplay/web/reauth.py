"""`require_recent_auth`: the one place that asks "is this really you?" before something that
cannot be undone or that hands over everything (deleting an account, closing a practice, the
full export).

A person proves it is them by typing their password again, which then counts for
REAUTH_SECONDS in this session. The callers depend only on `require_recent_auth`, so the rule
has one owner whichever account stack checks the password.
"""

from __future__ import annotations

import time

from django.http import HttpRequest

REAUTH_SECONDS = 10 * 60
SESSION_KEY = "interplay_reauthenticated_at"


def require_recent_auth(request: HttpRequest, password: str | None = None) -> bool:
    """True when the signed-in person proved it is them within REAUTH_SECONDS, or does so now
    with `password` (which then starts a new period)."""
    user = request.user
    if not user.is_authenticated:
        return False
    if password:
        if not user.check_password(password):
            return False
        request.session[SESSION_KEY] = int(time.time())
        return True
    when = request.session.get(SESSION_KEY)
    return isinstance(when, int) and time.time() - when < REAUTH_SECONDS
