"""Journal themes and the safety message in Chromium, axe-core on every page.

A client who agreed to safety flags writes an entry that shows a theme and sees the highlights;
writes a safety plan; writes an entry with a risk and sees the calm message with the plan
before the crisis services. Their coach, past two-factor, sees the flag's date and kind and
none of the words, and acknowledges it."""

from __future__ import annotations

import re

import pytest

from interplay.web.accounts.models import CoachingRelationship
from interplay.web.safety.actions import do_set_safety_consent
from tests.web.base import PASSWORD, make_coach, make_user, totp_code
from tests.web.e2e.checks import Auditor
from tests.web.insights.texts import POROUS, SELF_HARM

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, base: str, email: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def write(page, base: str, body: str, audit: Auditor) -> None:  # type: ignore[no-untyped-def]
    page.goto(base + "/journal/new/")
    audit.check(page)
    page.get_by_label("What is on your mind?").fill(body)
    page.get_by_role("button", name="Save entry").click()
    page.wait_for_url(re.compile(r".*/journal/\d+/$"))
    audit.check(page)


def test_themes_highlighted_and_the_safety_message_puts_the_plan_first(live_server, browser):  # type: ignore[no-untyped-def]
    base = live_server.url
    coach = make_coach("cora@coach.test", "Cora Coach")
    client = make_user("maya@client.test", "Maya Browser")
    CoachingRelationship.objects.create(coach=coach, client=client)
    do_set_safety_consent(True, actor=client)
    audit = Auditor()

    # bypass_csp lets the test inject axe-core; the pages themselves still send their policy.
    page = browser.new_context(bypass_csp=True).new_page()
    sign_in(page, base, client.email)
    page.wait_for_url(base + "/")
    write(page, base, POROUS, audit)
    mark = page.locator("mark.theme-porous_boundaries").first
    assert mark.is_visible()
    assert "Porous boundaries" in mark.get_attribute("title")
    assert "(theme: Porous boundaries)" in mark.text_content()  # read out by screen readers
    assert page.get_by_text("a reflection aid, not a judgement").is_visible()

    page.goto(base + "/account/")
    audit.check(page)
    page.get_by_role("link", name="Your safety plan").first.click()
    audit.check(page)
    page.get_by_label("People I can contact").fill("My cousin Dev")
    page.get_by_role("button", name="Save my plan").click()
    page.get_by_text("Your safety plan is saved").wait_for()
    audit.check(page)

    # While the draft autosaves, the message (plan first) appears above the editor.
    page.goto(base + "/journal/new/")
    page.get_by_label("What is on your mind?").fill(SELF_HARM)
    support = page.locator("#draft-safety .safety-support")
    support.wait_for()
    assert support.inner_text().index("My cousin Dev") < support.inner_text().index("Samaritans")
    audit.check(page)

    write(page, base, SELF_HARM, audit)
    text = page.locator("main").inner_text()
    assert text.index("how are you right now?") < text.index("My cousin Dev")
    assert text.index("My cousin Dev") < text.index("Samaritans")
    assert "Coaching is not crisis care." in text
    page.close()

    coach_page = browser.new_context(bypass_csp=True).new_page()
    sign_in(coach_page, base, coach.email)
    coach_page.wait_for_url(re.compile(r".*/accounts/2fa/authenticate/$"))
    coach_page.get_by_label("Code").fill(totp_code(coach))
    coach_page.get_by_role("button", name="Sign in").click()
    coach_page.wait_for_url(re.compile(r".*/coach/dashboard/$"))
    coach_page.goto(base + "/coach/dashboard/")
    audit.check(coach_page)
    html = coach_page.content()
    assert "Possible risk to themselves" in html
    assert "giving my things away" not in html and "My cousin Dev" not in html
    coach_page.get_by_role("button", name=re.compile("^Acknowledge")).click()
    coach_page.get_by_text("Flag acknowledged.").wait_for()
    audit.check(coach_page)
    coach_page.close()
    audit.assert_clean()
