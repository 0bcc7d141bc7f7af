"""The tokens page: one's personal access tokens (create, see when each was last used, revoke)
and, for a client, the secret calendar address. Every change is in sudo mode
(`accounts.decorators.reauthenticated`, allauth's reauthentication, the same rule as the full
export and deletion); a new token or address is shown once."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from interplay.web.accounts.decorators import reauthenticated
from interplay.web.api import actions
from interplay.web.api.models import AccessToken, CalendarFeed, Scope
from interplay.web.kernel.errors import ActionError
from interplay.web.kernel.requests import AuthenticatedRequest

app_name = "api_tokens"


def _page(
    request: AuthenticatedRequest, *, error: str = "", shown: str = "", status: int = 200
) -> HttpResponse:
    user = request.user
    allowed = actions.scopes_for(user)
    labels = {scope.value: scope.label for scope in Scope}
    context = {
        "tokens": [
            (token, "; ".join(str(labels[s]) for s in token.scopes if s in labels))
            for token in AccessToken.objects.filter(owner=user, revoked_at__isnull=True)
        ],
        "scopes": [(scope.value, scope.label) for scope in Scope if scope in allowed],
        "has_feed": CalendarFeed.objects.filter(owner=user).exists(),
        "error": error,
        "shown": shown,
    }
    return render(request, "api/tokens.html", context, status=status)


def _change(request: AuthenticatedRequest) -> HttpResponse:
    user, action = request.user, request.POST.get("action", "")
    try:
        if action == "create":
            made = actions.do_create_access_token(
                request.POST.get("name", ""), request.POST.getlist("scopes"), actor=user
            )
            return _page(request, shown=made.secret)
        if action == "revoke":
            token = AccessToken.objects.filter(
                owner=user, pk=_number(request.POST.get("token"))
            ).first()
            if token is None:
                raise Http404
            actions.do_revoke_access_token(token, actor=user)
            return redirect("api_tokens:tokens")
        if action == "rotate_calendar":
            secret = actions.do_rotate_calendar_feed(actor=user)
            path_ = reverse("api:calendar", kwargs={"secret": secret})
            return _page(request, shown=request.build_absolute_uri(path_))
        if action == "stop_calendar":
            actions.do_stop_calendar_feed(actor=user)
            return redirect("api_tokens:tokens")
    except ActionError as error:
        return _page(request, error=str(error), status=422)
    return _page(
        request, error=_("Nothing was changed: that is not something this page does."), status=400
    )


def _number(value: str | None) -> int:
    return int(value) if value and value.isdigit() else 0


@reauthenticated(allow_get=True)
def tokens(request: AuthenticatedRequest) -> HttpResponse:
    if request.method == "POST":
        return _change(request)
    return _page(request)


urlpatterns = [path("account/tokens/", tokens, name="tokens")]
