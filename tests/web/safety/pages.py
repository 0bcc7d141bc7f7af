"""The safety pages' URLs for the site-wide guards in tests/web/pages.py."""

from __future__ import annotations

from django.urls import reverse

from interplay.core.vocabulary import SafetyRisk
from interplay.web.safety.actions import do_raise_safety_flag, do_set_safety_consent

POST_ONLY = {"safety:consent", "safety:acknowledge"}
COACH_PAGES = {"safety:acknowledge"}


def safety_urls(practice) -> dict[str, str]:  # type: ignore[no-untyped-def]
    do_set_safety_consent(True, actor=practice.client)
    flag = do_raise_safety_flag(practice.client, SafetyRisk.SELF_HARM)
    assert flag is not None
    return {
        "safety:support": reverse("safety:support"),
        "safety:plan": reverse("safety:plan"),
        "safety:consent": reverse("safety:consent"),
        "safety:acknowledge": reverse("safety:acknowledge", args=[flag.pk]),
    }
