"""How long a session lasts: the one owner of the idle timeout and the absolute lifetime.

- **Idle**: a coach is signed out after `INTERPLAY_COACH_IDLE_MINUTES` (30) without a request,
  a client after `INTERPLAY_CLIENT_IDLE_HOURS` (two weeks). A coach's screen shows clients'
  private words, so a laptop left open must close itself soon; a client's own journal may stay
  open on their own device for longer.
- **Absolute**: however active, a session ends `INTERPLAY_COACH_SESSION_HOURS` (12) or
  `INTERPLAY_SESSION_HOURS` (30 days) after signing in, so a stolen session cookie does not
  live for ever.

Activity is noted in the session at most once a minute (`NOTE_EVERY`), not on every request,
so reading a page writes nothing; allauth.usersessions' "last seen" (and address) for the
session is updated at the same moments.

Timed out, the person lands on the sign-in page with a calm message and comes back to where
they were. A form sent after the timeout is not lost: its text is shown back to copy
(`storage_errors`' read-only boxes), and journal text was already kept on the server as a
draft while it was typed (the autosave answers 401 once the session has ended).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from interplay.web.kernel.storage_errors import sent_text

SIGNED_IN_KEY = "interplay_signed_in_at"
SEEN_KEY = "interplay_seen_at"
NOTE_EVERY = 60  # seconds between two notes of activity in the session


def limits_for(user: Any) -> tuple[int, int]:
    """(idle seconds, absolute seconds) for this person's role."""
    if getattr(user, "is_coach", False):
        return settings.COACH_IDLE_SECONDS, settings.COACH_SESSION_SECONDS
    return settings.CLIENT_IDLE_SECONDS, settings.SESSION_COOKIE_AGE


@receiver(user_logged_in, dispatch_uid="kernel-idle-signed-in")
def _note_sign_in(sender: Any, request: HttpRequest | None, **kwargs: Any) -> None:
    # Signing in writes the session anyway: both clocks start now.
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[SIGNED_IN_KEY] = now
        request.session[SEEN_KEY] = now


def _timed_out_response(request: HttpRequest, coach: bool, idle: bool) -> HttpResponse:
    if idle and coach:
        message = _(
            "You were signed out after %(minutes)d minutes without activity, so that nobody "
            "else at this computer can see your clients' information. Sign in again to carry on."
        ) % {"minutes": settings.COACH_IDLE_SECONDS // 60}
    elif idle:
        message = _(
            "You were signed out after a long time away. Sign in again to carry on where you were."
        )
    else:
        message = _("For safety, every sign-in ends after a while. Sign in again to carry on.")
    if request.headers.get("HX-Request"):
        text = _(
            "You have been signed out. What was saved before is kept; the text on this page is "
            "still here: copy it, sign in again in a new tab, then save."
        )
        return HttpResponse(text, status=401, content_type="text/plain; charset=utf-8")
    if request.method == "POST":
        fields = sent_text(request)
        if fields:
            # Nothing was saved, and the person must not lose what they wrote.
            context = {"message": message, "fields": fields}
            return render(request, "signed_out_text_kept.html", context, status=401)
    messages.info(request, message)
    login = reverse("account_login")
    if request.method == "GET":
        login = f"{login}?{urlencode({'next': request.get_full_path()})}"
    return redirect(login)


class SessionLifetimeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated:
            ended = self._check(request, user)
            if ended is not None:
                return ended
        return self.get_response(request)

    def _check(self, request: HttpRequest, user: Any) -> HttpResponse | None:
        session = request.session
        now = int(time.time())
        signed_in_at = session.get(SIGNED_IN_KEY)
        seen_at = session.get(SEEN_KEY)
        if not isinstance(signed_in_at, int) or not isinstance(seen_at, int):
            # A session from before these clocks: they start now.
            session[SIGNED_IN_KEY] = session[SEEN_KEY] = now
            return None
        idle_limit, lifetime = limits_for(user)
        idle = now - seen_at > idle_limit
        if idle or now - signed_in_at > lifetime:
            coach = bool(getattr(user, "is_coach", False))
            logout(request)
            return _timed_out_response(request, coach, idle)
        if now - seen_at >= NOTE_EVERY:
            session[SEEN_KEY] = now
            _note_last_seen(request, user)
        return None


def _note_last_seen(request: HttpRequest, user: Any) -> None:
    from allauth.usersessions.models import UserSession

    # allauth's own update of the session's row: last seen now, from this address and browser.
    if UserSession.objects.filter(session_key=request.session.session_key).exists():
        UserSession.objects.create_from_request(request, user=user, session=request.session)
