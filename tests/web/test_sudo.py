"""Sudo mode is allauth's reauthentication everywhere (`accounts.decorators.reauthenticated`,
ACCOUNT_REAUTHENTICATION_TIMEOUT ten minutes): the full export, deleting an account, closing a
practice, the API tokens page, the email address and two-factor changes each ask again once
ten minutes have passed; a password change asks for the current password itself. Frozen clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.test import Client

from tests.web.base import PASSWORD, post_sign_in, signed_in

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
ASKED = "/accounts/reauthenticate/"


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def _asks_again(response) -> bool:  # type: ignore[no-untyped-def]
    return response.status_code == 302 and response["Location"].startswith(ASKED)


# (who, method, path, data): each is something that cannot be undone or hands over everything.
SENSITIVE = [
    ("client", "post", "/account/everything.zip", {}),
    ("coach", "post", "/account/everything.zip", {}),
    ("client", "get", "/account/delete/", {}),
    ("coach", "get", "/account/delete/", {}),  # closing a practice
    ("client", "post", "/account/tokens/", {"action": "create", "name": "x"}),
    ("coach", "post", "/account/tokens/", {"action": "create", "name": "x"}),
    ("client", "post", "/accounts/email/", {"action_add": "", "email": "new@client.test"}),
    ("client", "post", "/accounts/sessions/", {}),  # sign out everywhere else
    ("client", "post", "/account/sessions/end/", {"session": "1"}),
    ("client", "get", "/accounts/2fa/totp/activate/", {}),
    ("coach", "get", "/accounts/2fa/totp/deactivate/", {}),
    ("coach", "get", "/accounts/2fa/recovery-codes/generate/", {}),
    ("coach", "get", "/accounts/2fa/webauthn/add/", {}),
]


@pytest.mark.parametrize(("who", "method", "path", "data"), SENSITIVE)
def test_each_asks_again_after_ten_minutes(practice, clock, who, method, path, data):
    user = getattr(practice, who)
    browser = signed_in(user, reauthenticated=True)
    clock.shift(timedelta(minutes=9))
    assert not _asks_again(getattr(browser, method)(path, data)), "within ten minutes"
    browser = signed_in(user, reauthenticated=True)
    clock.shift(timedelta(minutes=10, seconds=1))
    assert _asks_again(getattr(browser, method)(path, data)), "after ten minutes"


def test_confirming_again_opens_it_for_another_ten_minutes(practice, clock):
    browser = signed_in(practice.client, reauthenticated=True)
    clock.shift(timedelta(minutes=11))
    asked = browser.get("/account/delete/")
    assert _asks_again(asked)
    assert browser.post(asked["Location"], {"password": "not it"}).status_code == 200
    back = browser.post(asked["Location"], {"password": PASSWORD})
    assert back.status_code == 302 and back["Location"] == "/account/delete/"
    assert browser.get("/account/delete/").status_code == 200


def test_signing_in_counts_as_confirming(practice, clock):
    browser = Client()
    post_sign_in(browser, practice.client.email)
    assert browser.get("/account/delete/").status_code == 200
    clock.shift(timedelta(minutes=11))
    assert _asks_again(browser.get("/account/delete/"))


def test_an_email_change_is_made_only_after_confirming(practice, clock):
    browser = signed_in(practice.client, reauthenticated=True)
    clock.shift(timedelta(minutes=11))
    browser.post("/accounts/email/", {"action_add": "", "email": "new@client.test"})
    assert not EmailAddress.objects.filter(email="new@client.test").exists()


def test_a_password_change_needs_the_current_password(practice, clock):
    browser = signed_in(practice.client)
    new = "another long password 77"
    form = {"oldpassword": "not it", "password1": new, "password2": new}
    assert browser.post("/accounts/password/change/", form).status_code == 200
    practice.client.refresh_from_db()
    assert practice.client.check_password(PASSWORD)
