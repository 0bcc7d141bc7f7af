from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Client's email address"))


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Encrypted, and visible to you alone: never to the client or another coach."),
    )
    follow_up = forms.CharField(
        label=_("To pick up next time (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Stays on the client's open items until you mark it done."),
    )


class PlanForm(forms.Form):
    session_date = forms.DateField(
        label=_("Session date (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    agenda = forms.CharField(
        label=_("Agenda"),
        widget=forms.Textarea(attrs={"rows": 24}),
        help_text=_("Edit freely. Encrypted when saved, and visible to you alone."),
    )
