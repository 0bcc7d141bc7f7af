"""A new person on their own walks the whole guided path in Chromium on a 320 px screen.

They sign up without a coach, begin the path and take each step through its exercise: the
self-assessment, the reflection questions (two journal entries on the steps' prompts), a
belief with its reframe, a value, a first experiment with a prediction, its words in the
statement coach, a rehearsal to its debrief, the reflection on the experiment, a person on the
map and a check-in. After each, the path shows the step done and offers the next one. Every
page passes axe-core and nothing scrolls sideways."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from interplay.web.demo import maya_answers
from tests.web.base import emailed_code
from tests.web.e2e.checks import Auditor, has_horizontal_scroll
from tests.web.e2e.test_journeys import answer_current_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long browser password 47"  # noqa: S105
STEPS = [
    "Where I stand",
    "My boundaries now",
    "What standing alone and together mean to me",
    "Roots",
    "What I stand for",
    "Start small",
    "Say it as an “I”",
    "Rehearse",
    "Do it, reflect and adjust",
    "Flexibility and consistency",
    "Looking back",
]


class Walk:
    """The page, the auditor, and a record of pages that scroll sideways at 320 px."""

    def __init__(self, page, base: str) -> None:  # type: ignore[no-untyped-def]
        self.page = page
        self.base = base
        self.audit = Auditor()
        self.wide: list[str] = []

    def check(self) -> None:
        self.audit.check(self.page)
        if has_horizontal_scroll(self.page):
            self.wide.append(self.page.url)

    def open_step(self, number: int) -> None:
        """From the overview, the offered next step is this one; open it and go to its exercise."""
        page = self.page
        page.goto(self.base + "/path/")
        self.check()
        offered = page.locator("section[aria-labelledby=next-heading]")
        assert f"Step {number}: {STEPS[number - 1]}" in offered.inner_text()
        offered.get_by_role("link", name="Open this step").click()
        page.wait_for_url(re.compile(r".*/path/[\w-]+/$"))
        self.check()
        assert page.locator("h1").inner_text() == STEPS[number - 1]
        page.get_by_role("button", name="Go to the exercise").click()
        page.wait_for_load_state("load")
        self.check()

    def assert_done(self, number: int) -> None:
        page = self.page
        page.goto(self.base + "/path/")
        row = page.locator("ol li", has_text=f"Step {number}: {STEPS[number - 1]}")
        assert row.locator(".tag").inner_text() == "Done", (number, row.inner_text())
        done = page.get_by_text(re.compile(r"\d+ of 11 steps done\.")).inner_text()
        assert done.startswith(f"{number} of 11"), done


def sign_up_alone(walk: Walk) -> None:
    page = walk.page
    page.goto(walk.base + "/accounts/signup/")
    walk.check()
    page.get_by_label("Your name").fill("Sol Walker")
    page.get_by_label("Email").fill("sol@solo.test")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    # The account opens only once the emailed code proves the address (allauth's verification).
    page.wait_for_url("**/accounts/confirm-email/")
    walk.check()
    sent = [message for message in mail.outbox if message.to == ["sol@solo.test"]]
    page.get_by_label("Code").fill(emailed_code(sent[-1]))
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(walk.base + "/")
    walk.check()
    page.get_by_role("link", name="See the path").click()
    walk.check()
    page.get_by_role("button", name="Begin the path").click()
    page.wait_for_url(walk.base + "/path/")
    walk.check()


def assess(walk: Walk) -> None:
    page = walk.page
    page.get_by_role("button", name="Begin").click()
    page.wait_for_url(re.compile(r".*/assessment/\d+/page/1/$"))
    answers = maya_answers()
    number = 1
    while True:
        page.wait_for_load_state("load")
        answer_current_page(page, answers)
        next_button = page.get_by_role("button", name="Save and continue")
        if next_button.count() == 0:
            break
        next_button.click()
        number += 1
        page.wait_for_url(re.compile(rf".*/page/{number}/$"))
    walk.check()
    page.get_by_role("button", name="Finish and see my profile").click()
    page.wait_for_url(re.compile(r".*/profile/\d+/$"))
    walk.check()


def write_on_the_prompt(walk: Walk, body: str) -> None:
    page = walk.page
    assert "/journal/new/?prompt=p:" in page.url
    page.get_by_label("What is on your mind?").fill(body)
    page.get_by_role("button", name="Save entry").click()
    page.wait_for_url(re.compile(r".*/journal/\d+/$"))
    walk.check()
    deeper = page.locator("section[aria-labelledby=deeper-heading]")
    assert deeper.locator("li").count() in (1, 2)  # one or two optional follow-ups


def test_a_solo_person_walks_the_whole_path_at_320px_with_axe_on_every_page(live_server, browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(bypass_csp=True, viewport={"width": 320, "height": 800})
    context.set_default_timeout(90_000)
    walk = Walk(context.new_page(), live_server.url)
    page = walk.page
    sign_up_alone(walk)

    walk.open_step(1)
    assess(walk)
    walk.assert_done(1)

    walk.open_step(2)
    write_on_the_prompt(walk, "With my sister I end up carrying what is hers, and I feel drained.")
    walk.assert_done(2)

    walk.open_step(3)
    write_on_the_prompt(walk, "I always handle everything myself; asking for help feels weak.")
    walk.assert_done(3)

    walk.open_step(4)
    page.get_by_label("The belief", exact=True).fill("If I ask for help I am a burden.")
    page.get_by_label("What it costs you").fill("I carry everything alone.")
    page.get_by_label("An alternative belief, in your own words").fill("Asking lets people in.")
    page.get_by_role("button", name="Save belief").click()
    page.wait_for_load_state("load")
    walk.check()
    walk.assert_done(4)

    walk.open_step(5)
    page.get_by_label("Choose from the list").select_option(index=1)
    page.get_by_role("button", name="Add this value").click()
    page.wait_for_load_state("load")
    walk.check()
    walk.assert_done(5)

    walk.open_step(6)
    # The first experiment opens filled in from the library, leaning the way the focus points.
    assert "/practice/experiments/new/?library=" in page.url
    assert page.get_by_label("Direction").input_value() in ("toward_autonomy", "toward_connection")
    assert page.get_by_label("Stakes").input_value() == "low"
    page.get_by_label("A short name").fill("Ask Dev for a lift")
    page.get_by_label("What exactly you will do").fill("Ask Dev for a lift to the station.")
    page.get_by_label("What I fear will happen").fill("Dev will think I am needy.")
    page.get_by_label("How anxious I expect to be (0 calm, 10 very)").select_option("6")
    page.get_by_role("button", name="Save plan").click()
    page.wait_for_url(re.compile(r".*/practice/experiments/\d+/$"))
    walk.check()
    walk.assert_done(6)

    walk.open_step(7)
    page.get_by_label("What I want to say").fill("I would like a lift to the station on Friday.")
    page.get_by_role("button", name="Save as a draft").click()
    page.wait_for_load_state("load")
    walk.check()
    walk.assert_done(7)

    walk.open_step(8)
    page.get_by_role("button", name=re.compile("^Rehearse ")).first.click()
    page.wait_for_url(re.compile(r".*/rehearse/\d+/$"))
    walk.check()
    page.get_by_label(re.compile(r"Your reply \(turn 1\)")).fill("I need a lift on Friday, please.")
    page.get_by_role("button", name="Say it").click()
    page.wait_for_load_state("load")
    if "/debrief/" not in page.url:
        walk.check()
        page.get_by_role("button", name="Stop here and see the debrief").click()
    page.wait_for_url(re.compile(r".*/debrief/$"))
    walk.check()
    walk.assert_done(8)

    walk.open_step(9)
    assert "/reflect/" in page.url  # the planned experiment's reflection opens
    page.get_by_label("What happened").fill("Dev said yes straight away.")
    page.get_by_label("How anxious I was during it (0 calm, 10 very)").select_option("3")
    page.get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Save reflection").click()
    page.wait_for_load_state("load")
    walk.check()
    walk.assert_done(9)

    walk.open_step(10)
    page.get_by_label("Name or nickname").fill("Dev")
    page.get_by_role("button", name="Add to my map").click()
    page.wait_for_load_state("load")
    walk.check()
    walk.assert_done(10)

    walk.open_step(11)
    names = page.eval_on_selector_all(
        "fieldset.item input[type=radio]", "els => [...new Set(els.map(e => e.name))]"
    )
    for name in names:
        page.check(f"input[name='{name}'][value='3']")
    page.get_by_role("button", name="Save my check-in").click()
    page.wait_for_load_state("load")
    walk.check()
    walk.assert_done(11)

    page.goto(walk.base + "/path/")
    walk.check()
    assert page.get_by_role("heading", name="You have walked the whole path").count() == 1
    page.goto(walk.base + "/")
    walk.check()
    assert "You have walked the whole path" in page.content()
    assert "coach" not in page.locator("main").inner_text().lower()
    assert len(walk.audit.pages) >= 45
    walk.audit.assert_clean()
    assert not walk.wide, walk.wide
    context.close()
