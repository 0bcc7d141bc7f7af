"""The client's own safety section on the account page."""

from __future__ import annotations

from typing import Any

from django import template

from interplay.web.accounts.models import User
from interplay.web.safety.actions import flags_about, tells_coach

register = template.Library()


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
