from __future__ import annotations

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

EMAIL = forms.EmailInput(attrs={"autocomplete": "email"})
NEW_PASSWORD = forms.PasswordInput(attrs={"autocomplete": "new-password"})


class SignInForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), widget=EMAIL)
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        strip=False,
    )


class EmailForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), widget=EMAIL)


class SignUpForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(label=_("Email address"), widget=EMAIL)
    password = forms.CharField(
        label=_("Password"),
        widget=NEW_PASSWORD,
        strip=False,
        help_text=_("At least 10 characters. A few unrelated words make a good one."),
    )

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        validate_password(password)
        return password


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class NewPasswordForm(forms.Form):
    password = forms.CharField(label=_("New password"), widget=NEW_PASSWORD, strip=False)

    def __init__(self, *args: object, user: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        validate_password(password, self.user)  # type: ignore[arg-type]  # a User or None
        return password
