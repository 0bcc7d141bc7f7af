"""What Interplay adds to allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS): the person's
name, checked with the password. Nothing about a coach: a person signing up has none yet, and
the safety consent is asked when they accept a coach's invitation (or on the safety page)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from interplay.web.accounts.models import User


class SignUpDetails(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)

    field_order = ["name", "email", "password1"]

    def signup(self, request: HttpRequest, user: User) -> None:
        """Called by allauth once the account exists; the name is saved by the adapter."""

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
