"""Changing the password or two-factor ends the person's other sessions
(accounts/session_ends.py, on allauth's signals and allauth.usersessions' flow); this one stays."""

from __future__ import annotations

import time

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value
from django.test import Client

from tests.web.base import PASSWORD, emailed_code, post_sign_in, signed_in

NEW_PASSWORD = "a brand new long password 9"  # noqa: S105


def _signed_in(browser: Client) -> bool:
    return browser.get("/account/").status_code == 200


def _other_device(email: str) -> Client:
    browser = Client(REMOTE_ADDR="127.0.0.3")
    assert post_sign_in(browser, email).status_code == 302
    return browser


def test_changing_the_password_ends_the_other_sessions_and_keeps_this_one(practice):
    other = _other_device(practice.client.email)
    here = signed_in(practice.client, reauthenticated=True)
    form = {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    assert here.post("/accounts/password/change/", form).status_code == 302
    assert _signed_in(here) and not _signed_in(other)


def test_a_password_reset_ends_every_session(practice, outbox):
    other = _other_device(practice.client.email)
    browser = Client()
    browser.post("/accounts/password/reset/", {"email": practice.client.email})
    browser.post("/accounts/password/reset/confirm/", {"code": emailed_code(outbox[-1])})
    done = browser.post(
        "/accounts/password/reset/complete/",
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert done.status_code == 302
    assert not _signed_in(other)


def test_adding_an_authenticator_ends_the_other_sessions(
    practice, django_capture_on_commit_callbacks
):
    other = _other_device(practice.client.email)
    here = signed_in(practice.client, reauthenticated=True)
    here.get("/accounts/2fa/totp/activate/")
    secret = here.session[SECRET_SESSION_KEY]
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    with django_capture_on_commit_callbacks(execute=True):  # allauth signals after the commit
        assert here.post("/accounts/2fa/totp/activate/", {"code": code}).status_code == 302
    assert Authenticator.objects.filter(user=practice.client, type="totp").exists()
    assert _signed_in(here) and not _signed_in(other)


def test_removing_an_authenticator_ends_the_other_sessions(practice):
    other = signed_in(practice.coach)
    here = signed_in(practice.coach, reauthenticated=True)
    assert here.post("/accounts/2fa/totp/deactivate/").status_code == 302
    assert not Authenticator.objects.filter(user=practice.coach, type="totp").exists()
    assert not _signed_in(other)
    assert here.get("/account/").status_code == 200


def test_new_recovery_codes_end_the_other_sessions(practice, django_capture_on_commit_callbacks):
    other = signed_in(practice.coach)
    here = signed_in(practice.coach, reauthenticated=True)
    with django_capture_on_commit_callbacks(execute=True):
        assert here.post("/accounts/2fa/recovery-codes/generate/").status_code == 302
    assert not _signed_in(other) and _signed_in(here)


def test_another_person_s_sessions_are_left_alone(practice):
    omar = _other_device(practice.other_client.email)
    here = signed_in(practice.client, reauthenticated=True)
    form = {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    here.post("/accounts/password/change/", form)
    assert _signed_in(omar)
