from __future__ import annotations

from django import template

from interplay.web.accounts.devices import describe

register = template.Library()


@register.filter
def device(user_agent: str) -> str:
    return describe(user_agent or "")
