from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from interplay.web.accounts.forms import validate_new_password


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Client's email address"))


class AcceptForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    password = forms.CharField(
        label=_("Choose a password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
        help_text=_("At least 10 characters."),
    )

    def __init__(self, *args: object, email: str = "", **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.email = email  # the invited address: the password must not resemble it

    def clean(self) -> dict[str, object]:
        cleaned: dict[str, object] = super().clean() or {}
        password = cleaned.get("password")
        if isinstance(password, str):
            try:
                validate_new_password(password, self.email, str(cleaned.get("name") or ""))
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


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
