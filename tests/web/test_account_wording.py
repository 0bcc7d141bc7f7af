"""allauth's pages speak Interplay's words (accounts/forms.py relabels allauth's forms; the
templates in templates/account/ and templates/mfa/ override allauth's): plain labels, help that
says what happens, none of allauth's title-case defaults."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.web.base import post_sign_in, signed_in

ALLAUTH_DEFAULTS = (
    "Change Password",
    "Current Password",
    "New Password (again)",
    "Email Addresses",
    "Two-Factor Authentication",
    "Forgot your password?",
    "Make Primary",
    "Re-send Verification",
)

SIGNED_OUT = {
    "/accounts/login/": ["Email address", "Password"],
    "/accounts/signup/": ["Email address", "Choose a password", "At least 10 characters"],
    "/accounts/password/reset/": ["Email address"],
    "/accounts/login/code/": ["Email address"],
}
SIGNED_IN = {
    "/accounts/password/change/": [
        "Your current password",
        "The new password again",
        "Your other devices will be signed out",
    ],
    "/accounts/email/": ["New email address", "main address", "Make it my main address"],
    "/accounts/reauthenticate/": ["Your password"],
    "/accounts/2fa/": ["Two-factor sign-in", "Authenticator app", "Passkeys and security keys"],
    "/accounts/sessions/": ["Where you are signed in", "Sign out here"],
}


@pytest.mark.parametrize(("path", "words"), sorted(SIGNED_OUT.items()))
def test_signed_out_pages(db, path, words):
    page = Client().get(path).content.decode()
    for word in words:
        assert word in page, (path, word)
    assert not [default for default in ALLAUTH_DEFAULTS if default in page]


@pytest.mark.parametrize(("path", "words"), sorted(SIGNED_IN.items()))
def test_signed_in_pages(practice, path, words):
    browser = signed_in(practice.client, reauthenticated=True)
    if path == "/accounts/sessions/":  # allauth.usersessions lists sessions made by signing in
        browser = Client()
        post_sign_in(browser, practice.client.email)
    page = browser.get(path).content.decode()
    for word in words:
        assert word in page, (path, word)
    assert not [default for default in ALLAUTH_DEFAULTS if default in page]


def test_a_coach_is_told_why_two_factor_is_required(practice):
    page = signed_in(practice.coach).get("/accounts/2fa/").content.decode()
    assert "As a coach" in page and "Recovery codes" in page
