from __future__ import annotations

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from interplay.web.accounts.models import User

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

    def clean(self) -> dict[str, object]:
        cleaned: dict[str, object] = super().clean() or {}
        password = cleaned.get("password")
        if isinstance(password, str):
            try:
                validate_new_password(
                    password, str(cleaned.get("email") or ""), str(cleaned.get("name") or "")
                )
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


def validate_new_password(password: str, email: str, name: str) -> None:
    """Every password check, with the account the password is for: a password close to the
    person's email address or name is refused (UserAttributeSimilarityValidator)."""
    validate_password(password, User(email=email.strip().lower(), name=name.strip()))


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
