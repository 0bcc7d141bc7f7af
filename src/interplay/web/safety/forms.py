from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from interplay.web.safety.actions import MAX_FIELD


def _area(label: Any, help_text: Any) -> forms.CharField:  # str or a lazy translation
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=MAX_FIELD,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SafetyPlanForm(forms.Form):
    warning_signs = _area(
        _("Signs that things are getting hard"),
        _("Thoughts, feelings or situations that tell you a difficult time may be starting."),
    )
    what_helps = _area(
        _("Things that help me"),
        _("What you can do on your own to get through a bad moment, even a little."),
    )
    people = _area(
        _("People I can contact"),
        _("Friends, family or others you could call or sit with, and how to reach them."),
    )
    safe_places = _area(
        _("Places that feel safe"),
        _("Somewhere you could go, or be, that feels calmer or safer."),
    )
    professionals = _area(
        _("Professional contacts"),
        _("Your GP, a therapist, a helpline or anyone else whose job it is to help."),
    )
