"""Safety flags on the coach desk's pages (client page and dashboard), and the client's own
safety section on the account page, without those apps' views knowing about them."""

from __future__ import annotations

from typing import Any

from django import template

from interplay.web.accounts.models import User
from interplay.web.safety.actions import (
    flags_about,
    flags_for_coach,
    open_flags_for_coach,
    tells_coach,
)

register = template.Library()


def _coach(context: template.Context) -> User | None:
    request = context.get("request")
    user = getattr(request, "user", None)
    return user if isinstance(user, User) and user.is_coach else None


@register.inclusion_tag("safety/_coach_flags.html", takes_context=True)
def client_safety_flags(context: template.Context, client: User) -> dict[str, Any]:
    """Flags about `client` for the signed-in coach. Only used on pages that reached `client`
    through `access_client_for_coach`; flags are filtered on the coach as well."""
    coach = _coach(context)
    flags = flags_for_coach(coach, client) if coach else []
    return {
        "safety_flags": flags,
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "show_client": False,
    }


@register.inclusion_tag("safety/_coach_flags.html", takes_context=True)
def waiting_safety_flags(context: template.Context) -> dict[str, Any]:
    """Every flag still waiting for the signed-in coach, for the dashboard."""
    coach = _coach(context)
    flags = open_flags_for_coach(coach) if coach else []
    return {
        "safety_flags": flags,
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "show_client": True,
    }


@register.inclusion_tag("safety/_settings.html", takes_context=True)
def my_safety_settings(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    if not isinstance(user, User) or not user.is_client:
        return {}
    return {
        "safety_tell_coach": tells_coach(user),
        "safety_flags": flags_about(user),
        "csrf_token": context.get("csrf_token"),
    }
