"""Who may open a page. Coaches must have signed in with their authenticator before any page
that could show client data; a coach without one is sent to set it up."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django_otp import user_has_device

View = Callable[..., HttpResponse]


def _session_ended(request: HttpRequest) -> HttpResponse | None:
    """For htmx requests from a page whose session has ended: a short message in place of a
    redirect (which htmx would follow and paste the sign-in page into a status line)."""
    if request.user.is_authenticated or not getattr(request, "htmx", False):
        return None
    message = _(
        "Your session has ended. Your text is kept on this device: sign in again in a new tab, "
        "then come back and save."
    )
    return HttpResponse(message, status=401, content_type="text/plain; charset=utf-8")


def client_required(view: View) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        ended = _session_ended(request)
        if ended is not None:
            return ended
        return _signed_in_client(request, *args, **kwargs)

    @login_required
    def _signed_in_client(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not getattr(request.user, "is_client", False):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def coach_required(view: View) -> View:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not user.is_coach:  # type: ignore[union-attr]
            raise Http404
        if not user.is_verified():  # type: ignore[union-attr]
            if user_has_device(user, confirmed=True):
                return redirect("accounts:two_factor")
            return redirect("accounts:two_factor_setup")
        return view(request, *args, **kwargs)

    return wrapper
