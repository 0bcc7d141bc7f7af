"""The shared cast for web tests: two coaches, each with one client, and an outsider's view.

Every test that opens a page with an id checks that the other coach, the other client and an
anonymous visitor get a 404 (or the sign-in page), never the data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

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
    coach = make_user(email, name, Role.COACH)
    TOTPDevice.objects.create(user=coach, name="test", confirmed=True)
    return coach


def make_practice() -> Practice:
    coach = make_coach("ana@coach.test", "Ana Coach")
    client = make_user("maya@client.test", "Maya Client")
    other_coach = make_coach("ben@coach.test", "Ben Coach")
    other_client = make_user("omar@client.test", "Omar Client")
    CoachingRelationship.objects.create(coach=coach, client=client)
    CoachingRelationship.objects.create(coach=other_coach, client=other_client)
    return Practice(coach, client, other_coach, other_client)


def signed_in(user: User, *, verified: bool = True) -> Client:
    """A test browser signed in as `user`; a coach also passed two-factor unless told not to."""
    browser = Client()
    browser.force_login(user)
    if user.is_coach and verified:
        device = TOTPDevice.objects.get(user=user, confirmed=True)
        session = browser.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return browser


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
