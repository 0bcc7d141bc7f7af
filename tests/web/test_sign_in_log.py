"""Every sign-in, failed or successful, is logged in one place (accounts/sign_in_log.py, from
Django's and allauth's signals): what happened, the address, the account's number; never the
password, a code or the email address."""

from __future__ import annotations

from django.test import Client

from tests.web.base import PASSWORD, emailed_code, post_sign_in, signed_in, totp_code

LOGGER = "interplay.web.accounts.sign_in"


def _lines(caplog) -> list[str]:  # type: ignore[no-untyped-def]
    return [record.getMessage() for record in caplog.records if record.name == LOGGER]


def _no_secrets(lines: list[str], *secrets: str) -> None:
    text = " ".join(lines)
    assert "@" not in text
    for secret in secrets:
        assert secret not in text


def test_a_successful_password_sign_in_is_logged(practice, caplog):
    with caplog.at_level("INFO", logger=LOGGER):
        post_sign_in(Client(REMOTE_ADDR="127.0.0.2"), practice.client.email)
    (line,) = _lines(caplog)
    assert line == f"signed in: account {practice.client.pk} from 127.0.0.2 by password"
    _no_secrets([line], PASSWORD)


def test_a_coach_sign_in_is_logged_once_both_steps_are_done(practice, caplog):
    browser = Client(REMOTE_ADDR="127.0.0.2")
    with caplog.at_level("INFO", logger=LOGGER):
        post_sign_in(browser, practice.coach.email)
        assert _lines(caplog) == []  # the password alone is not a sign-in yet
        browser.post("/accounts/2fa/authenticate/", {"code": "000000"})
        browser.post("/accounts/2fa/authenticate/", {"code": totp_code(practice.coach)})
    lines = _lines(caplog)
    assert lines == [
        f"sign-in failed: wrong two-factor code from 127.0.0.2 (account {practice.coach.pk})",
        f"signed in: account {practice.coach.pk} from 127.0.0.2 by password and mfa",
    ]


def test_a_sign_in_by_emailed_code_and_a_wrong_code_are_logged(practice, outbox, caplog):
    browser = Client(REMOTE_ADDR="127.0.0.3")
    browser.post("/accounts/login/code/", {"email": practice.client.email})
    code = emailed_code(outbox[-1])
    with caplog.at_level("INFO", logger=LOGGER):
        browser.post("/accounts/login/code/confirm/", {"code": "WRONG1"})
        browser.post("/accounts/login/code/confirm/", {"code": code})
    number = practice.client.pk
    assert _lines(caplog) == [
        f"sign-in failed: wrong emailed code from 127.0.0.3 (account {number})",
        f"signed in: account {number} from 127.0.0.3 by code",
    ]
    _no_secrets(_lines(caplog), code)


def test_a_wrong_password_when_confirming_it_is_them_is_logged(practice, caplog):
    browser = signed_in(practice.client)
    with caplog.at_level("INFO", logger=LOGGER):
        browser.post("/accounts/reauthenticate/", {"password": "a wrong guess 5"})
    (line,) = _lines(caplog)
    assert "wrong password (confirming it is them)" in line
    assert f"(account {practice.client.pk})" in line
    _no_secrets([line], "a wrong guess")
