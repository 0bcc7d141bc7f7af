"""What the safety pages show: the person's own plan first, then the crisis services for
their locale with the date the numbers were last checked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from interplay.core.crisis import crisis_resources
from interplay.core.vocabulary import SafetyRisk
from interplay.web.accounts.models import User
from interplay.web.safety.actions import flags_about, plan_for, tells_coach


def support_context(user: User, risk: SafetyRisk = SafetyRisk.NONE) -> dict[str, Any]:
    resources = crisis_resources(get_language() or "")
    return {
        "plan": plan_for(user),
        "crisis": resources,
        "services": resources.for_risk(risk),
        "crisis_stale": resources.is_stale(timezone.localdate()),
        "risk": risk.value,
    }


def safety_settings_context(client: User) -> dict[str, Any]:
    """The client's own safety section on the account page."""
    return {"safety_tell_coach": tells_coach(client), "safety_flags": flags_about(client)}


def coach_flags_html(
    flags: Sequence[Any], request: HttpRequest, *, show_client: bool, empty: str
) -> str:
    """The coach's safety flags (`safety/_coach_flags.html`) for a page written in Python;
    `empty` stands in when there are none (what the page's template wrote around its empty
    include), so the flags keep one wording wherever a coach meets them."""
    if not flags:
        return empty
    return render_to_string(
        "safety/_coach_flags.html", {"safety_flags": flags, "show_client": show_client}, request
    )
