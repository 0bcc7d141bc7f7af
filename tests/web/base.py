"""The shared cast for web tests: two coaches, each with one client, and an outsider's view.

Every test that opens a page with an id checks that the other coach, the other client and an
anonymous visitor get a 404 (or the sign-in page), never the data.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from allauth.mfa.utils import decrypt
from django.test import Client

from interplay.web.accounts.addresses import record_verified_address
from interplay.web.accounts.models import CoachingRelationship, Role, User

PASSWORD = "a long test password 42"  # noqa: S105
SIGN_IN_PATH = "/accounts/login/"


@dataclass
class Practice:
    coach: User
    client: User
    other_coach: User
    other_client: User


def make_user(email: str, name: str, role: str = Role.CLIENT) -> User:
    """An account whose address is already verified, as every account made before allauth."""
    user = User.objects.create_user(email, PASSWORD, name=name, role=role)
    record_verified_address(user)
    return user


def make_coach(email: str, name: str) -> User:
    """A coach with an authenticator app (allauth TOTP), as every coach has."""
    coach = make_user(email, name, Role.COACH)
    TOTP.activate(coach, generate_totp_secret())
    RecoveryCodes.activate(coach)  # allauth makes them with the first authenticator
    return coach


def totp_code(user: User, steps_ahead: int = 0) -> str:
    """The code the person's authenticator app shows now (or `steps_ahead` periods on, for a
    second code in one test: allauth accepts each code once)."""
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    secret = decrypt(authenticator.data["secret"])
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 + steps_ahead))


def make_practice() -> Practice:
    coach = make_coach("ana@coach.test", "Ana Coach")
    client = make_user("maya@client.test", "Maya Client")
    other_coach = make_coach("ben@coach.test", "Ben Coach")
    other_client = make_user("omar@client.test", "Omar Client")
    CoachingRelationship.objects.create(coach=coach, client=client)
    CoachingRelationship.objects.create(coach=other_coach, client=other_client)
    return Practice(coach, client, other_coach, other_client)


def signed_in(user: User, *, verified: bool = True, reauthenticated: bool = False) -> Client:
    """A test browser signed in as `user`; a coach also passed two-factor unless told not to.
    `reauthenticated`: the password was also given again just now (allauth's sudo mode)."""
    browser = Client()
    browser.force_login(user)
    record_sign_in(
        browser, user, two_factor=user.is_coach and verified, reauthenticated=reauthenticated
    )
    return browser


def record_sign_in(
    browser: Client,
    user: User,
    *,
    two_factor: bool,
    reauthenticated: bool = False,
    at: float | None = None,
) -> None:
    """What allauth writes in the session when someone signs in (and passes two-factor):
    the record reauthentication and the coach's two-factor check read."""
    at = time.time() if at is None else at
    records = [{"method": "password", "at": at, "email": user.email}]
    if two_factor:
        records.append({"method": "mfa", "at": at, "type": "totp"})
    if reauthenticated:
        records.append({"method": "password", "at": at, "reauthenticated": True})
    session = browser.session
    session["account_authentication_methods"] = records
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()


def is_refused(response) -> bool:  # type: ignore[no-untyped-def]
    """A 404, or a redirect to sign-in: what an outsider must get."""
    if response.status_code == 404:
        return True
    return response.status_code == 302 and SIGN_IN_PATH in response["Location"]


def post_sign_in(browser: Client, email: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    """Sign in through allauth's form, as a person would."""
    return browser.post(SIGN_IN_PATH, {"login": email, "password": password})


CODE_LINE = re.compile(r"^([A-Z0-9]{4}-[A-Z0-9]{4}|[A-Z0-9]{6})$", re.MULTILINE)


def emailed_code(message) -> str:  # type: ignore[no-untyped-def]
    """The one-time code in an email allauth sent (sign-in, verification or reset)."""
    match = CODE_LINE.search(message.body)
    assert match, message.body
    return match.group(1)


def mark_passed_two_factor(user: User) -> User:
    """What `accounts.two_factor.TwoFactorMiddleware` does to the request's user once the
    session has passed two-factor, for tests that call a coach lookup directly."""
    from interplay.web.accounts.two_factor import PASSED_ATTRIBUTE

    setattr(user, PASSED_ATTRIBUTE, True)
    return user
