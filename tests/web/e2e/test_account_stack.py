"""The account stack in Chromium (issue 10): sign-up needs the emailed code; an invitation
accepted by the wrong person is refused; a stranger's wrong passwords from one address do not
stop the owner signing in by emailed code from another; the full export asks for the password
again after ten minutes. (Back after sign-out showing nothing private is
test_shared_computer.py.)

The two addresses are real: each browser reaches the live server through a forwarder that
connects from 127.0.0.2 or 127.0.0.3 (forwarder.py), so the server sees two computers."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from allauth.usersessions.models import UserSession
from django.core import mail
from django.utils import timezone

from interplay.web.accounts import throttle
from interplay.web.accounts.models import CoachingRelationship, User
from interplay.web.coaching.actions import do_invite_client
from interplay.web.coaching.models import Invitation
from tests.web.base import PASSWORD, emailed_code, make_coach, make_user
from tests.web.e2e.forwarder import Forwarder
from tests.web.e2e.test_language_journey import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _latest_code() -> str:
    return emailed_code(mail.outbox[-1])


def test_sign_up_needs_the_emailed_code(live_server, browser):  # type: ignore[no-untyped-def]
    base = live_server.url
    page = browser.new_context().new_page()
    page.goto(base + "/accounts/signup/")
    page.get_by_label("Your name").fill("Nell New")
    page.get_by_label("Email").fill("nell@client.test")
    page.get_by_label("Password").fill("a long new password 64")
    page.get_by_role("button", name="Create my account").click()
    page.wait_for_url("**/accounts/confirm-email/")
    assert "Enter the code we emailed you" in page.content()
    page.goto(base + "/journal/")  # the account cannot be used yet: back to the code
    assert "/journal/" not in page.url and "Enter the code" in page.content()
    page.get_by_label("Code").fill("WRONG1")
    page.get_by_role("button", name="Confirm").click()
    assert "That code is not right" in page.content()
    page.get_by_label("Code").fill(_latest_code())
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(base + "/")
    page.goto(base + "/journal/")
    assert page.url == base + "/journal/"


def test_an_invitation_accepted_by_the_wrong_person_is_refused(live_server, browser):  # type: ignore[no-untyped-def]
    base = live_server.url
    coach = make_coach("ana@coach.test", "Ana Coach")
    make_user("omar@client.test", "Omar Client")
    invitation_path = do_invite_client("invited@client.test", send=False, actor=coach)
    page = browser.new_context().new_page()
    sign_in(page, base, "omar@client.test")
    page.wait_for_url(base + "/")
    page.goto(base + invitation_path)
    page.get_by_role("button", name="Accept the invitation").click()
    page.wait_for_load_state()
    assert "This invitation was sent to a different email address" in page.content()
    assert not Invitation.objects.filter(used_at__isnull=False).exists()
    omar = User.objects.get(email="omar@client.test")
    assert not CoachingRelationship.objects.filter(client=omar).exists()  # not linked


def test_a_stranger_s_guesses_do_not_stop_the_owner_signing_in_by_code(live_server, browser):  # type: ignore[no-untyped-def]
    make_user("maya@client.test", "Maya Client")
    stranger_route, owner_route = (
        Forwarder(live_server.url, "127.0.0.2"),
        Forwarder(live_server.url, "127.0.0.3"),
    )
    try:
        stranger = browser.new_context().new_page()
        for number in range(throttle.PAIR_LIMIT + 1):
            stranger.goto(stranger_route.url + "/accounts/login/")
            stranger.get_by_label("Email").fill("maya@client.test")
            stranger.get_by_label("Password").fill(f"a wrong guess {number}")
            stranger.get_by_role("button", name="Sign in").click()
            stranger.wait_for_load_state()
        # From the stranger's address even the right password is refused now...
        sign_in(stranger, stranger_route.url, "maya@client.test")
        assert "Too many attempts to sign in" in stranger.content()
        assert "/accounts/login/" in stranger.url

        # ...while the owner, elsewhere, signs in by a code sent to their mailbox.
        owner = browser.new_context().new_page()
        owner.goto(owner_route.url + "/accounts/login/code/")
        owner.get_by_label("Email").fill("maya@client.test")
        owner.get_by_role("button", name="Email me a code").click()
        owner.wait_for_url("**/accounts/login/code/confirm/")
        owner.get_by_label("Code").fill(_latest_code())
        owner.get_by_role("button", name="Confirm").click()
        owner.wait_for_url(owner_route.url + "/")
        owner.goto(owner_route.url + "/journal/")
        assert owner.url == owner_route.url + "/journal/"
        # The server saw two computers: the owner's session is from 127.0.0.3.
        sessions = UserSession.objects.filter(user__email="maya@client.test")
        assert list(sessions.values_list("ip", flat=True)) == ["127.0.0.3"]
    finally:
        stranger_route.close()
        owner_route.close()


def test_the_full_export_asks_for_the_password_again_after_ten_minutes(live_server, browser):  # type: ignore[no-untyped-def]
    base = live_server.url
    make_user("maya@client.test", "Maya Client")
    with time_machine.travel(timezone.now(), tick=True) as clock:
        page = browser.new_context(accept_downloads=True).new_page()
        sign_in(page, base, "maya@client.test")
        page.wait_for_url(base + "/")
        page.goto(base + "/account/delete/")  # signing in counts as confirming, for ten minutes
        assert "Download everything (zip)" in page.content()
        clock.shift(timedelta(minutes=11))
        page.get_by_role("button", name="Download everything (zip)").click()
        page.wait_for_url(re.compile(r".*/accounts/reauthenticate/.*"))
        assert "Please confirm it is you" in page.content()
        page.get_by_label("Password").fill(PASSWORD)
        with page.expect_download() as download:
            page.get_by_role("button", name="Confirm").click()
        assert download.value.suggested_filename.startswith("interplay-everything-")
