"""Requests as the views behind each decorator see them, so `request.user` is typed.

`client_required` and `coach_required` (accounts/decorators.py) let a view run only for a
signed-in client, or a signed-in coach past two-factor; the view's `request` parameter says
which with `ClientRequest` or `CoachRequest`, and `request.user` is then the project's `User`
(no `type: ignore` at each use)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils.functional import LazyObject, empty

if TYPE_CHECKING:
    from interplay.web.accounts.models import User


class AuthenticatedRequest(HttpRequest):
    user: User  # narrower than HttpRequest's: the decorator has checked who it is


class ClientRequest(AuthenticatedRequest):
    """A request from a signed-in client (`client_required`)."""


class CoachRequest(AuthenticatedRequest):
    """A request from a signed-in coach who passed two-factor (`coach_required`)."""


def user_of(request: AuthenticatedRequest) -> User:
    """The signed-in user itself rather than the lazy proxy Django's middleware puts on the
    request. Every attribute read through the proxy runs two Python functions and raises and
    catches an AttributeError (some 25,000 instructions): a view that reads the user's id once
    a row of a list takes the object first. The proxy's object is the same user, so a mark set
    on it (the second factor passed) is there too."""
    user = request.user
    if isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        return user._wrapped  # type: ignore[no-any-return]
    return user
