"""What Interplay adds to allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS): the person's
name and the safety consent (off unless ticked). It sits above every app in the layers because
the consent belongs to the safety app, while allauth builds the form from accounts' settings."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from interplay.web.accounts.models import User
from interplay.web.safety.actions import do_set_safety_consent


class SignUpDetails(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    tell_coach = forms.BooleanField(required=False)

    field_order = ["name", "email", "password1"]

    def signup(self, request: HttpRequest, user: User) -> None:
        """Called by allauth once the account exists (not yet usable: the address is proved
        by the emailed code first)."""
        if user.is_client and self.cleaned_data.get("tell_coach"):
            do_set_safety_consent(True, actor=user)

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        # allauth checks the password against an account holding only the email address; the
        # name is checked here too (UserAttributeSimilarityValidator).
        password, name = cleaned.get("password1"), cleaned.get("name")
        if isinstance(password, str) and isinstance(name, str):
            from django.contrib.auth.password_validation import validate_password

            try:
                validate_password(password, User(email="", name=name.strip()))
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
