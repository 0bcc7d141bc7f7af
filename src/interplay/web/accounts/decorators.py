"""Who may open a page. Coaches must have passed two-factor (allauth.mfa) in this session
before any page that could show client data; a coach without an authenticator is sent to set
one up."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, overload

from allauth.account.decorators import reauthentication_required
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from interplay.web.accounts.coaches import passed_two_factor
from interplay.web.accounts.two_factor import has_second_factor

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


def two_factor_first(request: HttpRequest) -> HttpResponse:
    """Where a signed-in coach who has not passed two-factor in this session goes: to give a
    code (then back here), or to set up an authenticator when they have none."""
    if has_second_factor(request.user):
        return redirect(f"{reverse('mfa_reauthenticate')}?{urlencode({'next': request.path})}")
    return redirect("mfa_activate_totp")


def coach_required(view: View) -> View:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not user.is_coach:  # type: ignore[union-attr]
            raise Http404
        if not passed_two_factor(user):  # type: ignore[arg-type]
            return two_factor_first(request)
        return view(request, *args, **kwargs)

    return wrapper


@overload
def reauthenticated(view: View) -> View: ...
@overload
def reauthenticated(*, allow_get: bool) -> Callable[[View], View]: ...
def reauthenticated(
    view: View | None = None, *, allow_get: bool = False
) -> View | Callable[[View], View]:
    """Sudo mode, the one rule for what cannot be undone or hands over everything (the full
    export, deleting an account or closing a practice, API tokens): allauth's reauthentication.
    The person must have confirmed it is them (password, an emailed code, or an authenticator)
    within ACCOUNT_REAUTHENTICATION_TIMEOUT (10 minutes, signing in counts); otherwise allauth
    asks and then sends the request on, a POST included. A coach passes two-factor first.
    `allow_get`: the page itself may be read without it; only its POSTs ask."""

    def decorate(inner: View) -> View:
        confirmed = reauthentication_required(inner, allow_get=allow_get)

        @login_required
        @wraps(inner)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            if user.is_coach and not passed_two_factor(user):  # type: ignore[union-attr,arg-type]
                return two_factor_first(request)
            response: HttpResponse = confirmed(request, *args, **kwargs)
            return response

        return wrapper

    return decorate(view) if view is not None else decorate
