"""The two journeys end to end in Chromium, axe-core on every page.

A coach signs up, sets up two-factor (the code computed from the secret the page shows) and
invites a client; the client accepts, takes the assessment with a reload in the middle (the
answers stay), sees the profile, writes one private and one shared entry; the coach sees only
the shared one and plans a session. Then the main pages are opened 320 px wide."""

from __future__ import annotations

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail

from interplay.web.demo import maya_answers
from tests.web.base import emailed_code
from tests.web.e2e.checks import Auditor, has_horizontal_scroll

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PASSWORD = "a long browser password 31"  # noqa: S105


def totp_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret.strip(), int(time.time()) // 30))


def enter_the_emailed_code(page, address: str, audit: Auditor) -> None:  # type: ignore[no-untyped-def]
    """The account opens only with the code emailed to the address (allauth's verification)."""
    page.wait_for_url("**/accounts/confirm-email/")
    audit.check(page)
    sent = [message for message in mail.outbox if message.to == [address]]
    page.get_by_label("Code").fill(emailed_code(sent[-1]))
    page.get_by_role("button", name="Confirm").click()


def _path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url.strip())


def coach_signs_up_and_invites(page, base: str, audit: Auditor) -> str:  # type: ignore[no-untyped-def]
    page.goto(base + "/accounts/signup/")
    audit.check(page)
    page.get_by_role("link", name="I am a coach: create a coach account").click()
    audit.check(page)
    page.get_by_label("Your name").fill("Cora Coach")
    page.get_by_label("Email").fill("cora@coach.test")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create my coach account").click()
    enter_the_emailed_code(page, "cora@coach.test", audit)
    page.wait_for_url("**/accounts/2fa/totp/activate/")
    audit.check(page)
    secret = page.locator("code.secret").inner_text()
    page.get_by_label("Authenticator code").fill(totp_code(secret))
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/accounts/2fa/recovery-codes/**")  # shown once, to keep safe
    audit.check(page)
    page.goto(base + "/coach/dashboard/")  # the coach's one home, with the invitation form
    audit.check(page)
    page.get_by_label("Client's email address").fill("maya@client.test")
    page.get_by_role("button", name="Send invitation").click()
    audit.check(page)
    return _path(page.locator("code.secret").inner_text())


def answer_current_page(page, answers: dict[str, int], only: int | None = None) -> list[str]:  # type: ignore[no-untyped-def]
    names = page.eval_on_selector_all(
        "fieldset.item input[type=radio]", "els => [...new Set(els.map(e => e.name))]"
    )
    chosen = names if only is None else names[:only]
    for name in chosen:
        selector = f"input[name='{name}'][value='{answers[name]}']"
        if page.is_checked(selector):
            continue  # already saved (after the reload): no change, so nothing is sent
        with page.expect_response(lambda response: "/answer/" in response.url):
            page.check(selector)
    return chosen


def client_accepts_and_assesses(page, base: str, invitation: str, audit: Auditor) -> None:  # type: ignore[no-untyped-def]
    page.goto(base + invitation)
    audit.check(page)
    page.get_by_role("link", name="Create my account").click()
    page.get_by_label("Your name").fill("Maya Browser")
    page.get_by_label("Email").fill("maya@client.test")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    enter_the_emailed_code(page, "maya@client.test", audit)
    page.wait_for_url(base + invitation)  # back to the invitation once the address is proved
    page.get_by_role("button", name="Accept the invitation").click()
    page.wait_for_url(base + "/")
    audit.check(page)
    page.goto(base + "/assessment/")
    audit.check(page)
    page.get_by_role("button", name="Begin").click()
    page.wait_for_url(re.compile(r".*/assessment/\d+/page/1/$"))
    page.wait_for_load_state("load")
    answers = maya_answers()
    answer_current_page(page, answers)
    audit.check(page)
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url(re.compile(r".*/page/2/$"))
    page.wait_for_load_state("load")
    # Part 2: two answers saved as given, then the tab is reloaded.
    given = answer_current_page(page, answers, only=2)
    page.reload()
    audit.check(page)
    for name in given:
        assert page.is_checked(f"input[name='{name}'][value='{answers[name]}']"), name
    number = 2
    while True:
        answer_current_page(page, answers)
        next_button = page.get_by_role("button", name="Save and continue")
        if next_button.count() == 0:
            break
        next_button.click()
        number += 1
        page.wait_for_url(re.compile(rf".*/page/{number}/$"))
        page.wait_for_load_state("load")
    audit.check(page)
    page.get_by_role("button", name="Finish and see my profile").click()
    page.wait_for_url(re.compile(r".*/profile/\d+/$"))
    audit.check(page)
    assert page.locator("svg.balance-map").count() == 1


def client_writes(page, base: str, audit: Auditor) -> None:  # type: ignore[no-untyped-def]
    for title, body, share in (
        ("Kept to myself", "PRIVATE-NOTE about the boiler and my brother.", False),
        ("For my coach", "SHARED-NOTE: I asked Dev to read my slides.", True),
    ):
        page.goto(base + "/journal/new/")
        audit.check(page)
        page.get_by_label("Title (optional)").fill(title)
        page.get_by_label("What is on your mind?").fill(body)
        page.get_by_role("button", name="Save entry").click()
        page.wait_for_url(re.compile(r".*/journal/\d+/$"))
        audit.check(page)
        if share:
            page.get_by_role("button", name="Share with my coach").click()
            page.get_by_text("Shared with your coach.").first.wait_for()
            audit.check(page)
    page.goto(base + "/journal/")
    audit.check(page)


SECTIONS = ("Profile", "How it has moved", "Shared journal", "Practice", "Notes and plans")


def coach_reads_and_plans(page, base: str, audit: Auditor) -> None:  # type: ignore[no-untyped-def]
    page.goto(base + "/coach/dashboard/")
    audit.check(page)
    page.get_by_role("link", name="Maya Browser").click()
    audit.check(page)
    html = page.content()
    assert "SHARED-NOTE" in html
    assert "PRIVATE-NOTE" not in html and "Kept to myself" not in html
    tabs = page.get_by_role("navigation", name="Sections about Maya Browser")
    for section in SECTIONS:  # each section of the client page is its own page
        tabs.get_by_role("link", name=section).click()
        audit.check(page)
        html = page.content()
        assert "PRIVATE-NOTE" not in html and "Kept to myself" not in html
    sessions = page.url  # the last section: notes and plans, where a session is planned
    assert "SHARED-NOTE" in page.goto(sessions.replace("/sessions/", "/journal/")).text()
    page.goto(sessions)
    page.get_by_role("link", name="Plan the next session").first.click()
    audit.check(page)
    agenda = page.get_by_label("Agenda")
    assert "## Opening" in agenda.input_value()
    assert "For my coach" in agenda.input_value()
    agenda.fill(agenda.input_value() + "\n- Ask about the slides, in my own words\n")
    page.get_by_role("button", name="Save plan").click()
    page.get_by_text("Session plan saved.").wait_for()
    audit.check(page)
    assert "in my own words" in page.get_by_label("Agenda").input_value()


def test_coach_and_client_journeys_with_axe_on_every_page(live_server, browser):  # type: ignore[no-untyped-def]
    base = live_server.url
    audit = Auditor()
    # bypass_csp lets the test inject axe-core; the pages themselves still send their policy.
    coach = browser.new_context(bypass_csp=True)
    client = browser.new_context(bypass_csp=True)
    for context in (coach, client):
        context.set_default_timeout(90_000)  # a busy CI machine is slow, not broken
    coach_page, client_page = coach.new_page(), client.new_page()
    invitation = coach_signs_up_and_invites(coach_page, base, audit)
    client_accepts_and_assesses(client_page, base, invitation, audit)
    client_writes(client_page, base, audit)
    coach_reads_and_plans(coach_page, base, audit)
    assert len(audit.pages) >= 20
    audit.assert_clean()

    # The main pages at 320 px: nothing scrolls sideways.
    wide = {}
    for page, paths in (
        (coach_page, ["/coach/dashboard/", "/coach/"]),
        (client_page, ["/", "/profile/", "/journal/", "/journal/new/", "/check-in/"]),
    ):
        page.set_viewport_size({"width": 320, "height": 800})
        for path in paths:
            page.goto(base + path)
            if has_horizontal_scroll(page):
                wide[path] = page.url
    coach_page.goto(base + "/coach/dashboard/")
    coach_page.get_by_role("link", name="Maya Browser").click()
    for link in (None, *SECTIONS, "Plan the next session"):
        if link:
            coach_page.get_by_role("link", name=link).first.click()
        if has_horizontal_scroll(coach_page):
            wide[coach_page.url] = coach_page.url
    assert not wide, wide
    coach.close()
    client.close()


def test_axe_check_catches_a_planted_violation(browser):  # type: ignore[no-untyped-def]
    """The audit above can fail: an image with no text alternative is reported."""
    from tests.web.e2e.checks import axe_violations

    context = browser.new_context()
    page = context.new_page()
    page.set_content('<html lang="en"><title>t</title><main><img src="x.png"></main></html>')
    assert "image-alt" in {violation["id"] for violation in axe_violations(page)}
    context.close()
