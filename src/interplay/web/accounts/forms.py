from __future__ import annotations

from typing import Any

from allauth.account import forms as allauth_forms
from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


# allauth's forms with Interplay's words (ACCOUNT_FORMS): the same fields and checks, labels
# and help in the site's plain, calm voice instead of allauth's title-case defaults.
def _relabel(form: forms.Form, words: dict[str, Any]) -> None:
    for name, label in words.items():
        field = form.fields.get(name)
        if field is not None:
            field.label = label
            field.widget.attrs.pop("placeholder", None)  # the label says it; no grey copy


def _forgotten_link() -> str:
    return format_html(
        '<a href="{}">{}</a>',
        reverse("account_reset_password"),
        _("Forgotten it? We can email you a code to choose a new one."),
    )


class CalmLoginForm(allauth_forms.LoginForm):  # type: ignore[misc]  # untyped
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _relabel(self, {"login": _("Email address"), "password": _("Password")})
        self.fields["password"].help_text = ""  # the page links to the reset itself


class CalmSignupForm(allauth_forms.SignupForm):  # type: ignore[misc]  # untyped
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _relabel(self, {"email": _("Email address"), "password1": _("Choose a password")})
        self.fields["password1"].help_text = _(
            "At least 10 characters. A few words you will remember work well; it must not be "
            "like your name or email address."
        )


class CalmChangePasswordForm(allauth_forms.ChangePasswordForm):  # type: ignore[misc]  # untyped
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _relabel(
            self,
            {
                "oldpassword": _("Your current password"),
                "password1": _("New password"),
                "password2": _("The new password again"),
            },
        )
        self.fields["oldpassword"].help_text = _forgotten_link()
        self.fields["password1"].help_text = _(
            "At least 10 characters, not like your name or email address. Your other devices "
            "will be signed out; this one stays signed in."
        )


class CalmSetPasswordForm(allauth_forms.SetPasswordForm):  # type: ignore[misc]  # untyped
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _relabel(self, {"password1": _("New password"), "password2": _("The new password again")})


class CalmResetPasswordKeyForm(allauth_forms.ResetPasswordKeyForm):  # type: ignore[misc]  # untyped
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _relabel(self, {"password1": _("New password"), "password2": _("The new password again")})


class CalmAddEmailForm(allauth_forms.AddEmailForm):  # type: ignore[misc]  # untyped
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _relabel(self, {"email": _("New email address")})
        self.fields["email"].help_text = _(
            "We will email a code to it; it is used only once you have typed that code."
        )


class CalmReauthenticateForm(allauth_forms.ReauthenticateForm):  # type: ignore[misc]  # untyped
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _relabel(self, {"password": _("Your password")})
        self.fields["password"].help_text = ""


class CalmResetPasswordForm(allauth_forms.ResetPasswordForm):  # type: ignore[misc]  # untyped
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _relabel(self, {"email": _("Email address")})


class CalmRequestLoginCodeForm(allauth_forms.RequestLoginCodeForm):  # type: ignore[misc]  # untyped
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _relabel(self, {"email": _("Email address")})
