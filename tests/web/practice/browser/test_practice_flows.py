"""The practice screens in Chromium: the flows from the issue, axe on every page, 320 px and
the keyboard."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from interplay.web.practice.models import Experiment, RolePlay
from interplay.web.values.models import Belief
from tests.web.base import make_practice
from tests.web.e2e.checks import has_horizontal_scroll
from tests.web.practice.browser.conftest import assert_axe_clean, sign_in
from tests.web.practice.pages import practice_objects, practice_urls

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def cast(transactional_db):  # type: ignore[no-untyped-def]
    return make_practice()


@pytest.fixture
def client_page(cast, live_server, context):  # type: ignore[no-untyped-def]
    sign_in(context, live_server, cast.client)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def test_name_values_and_record_a_belief_with_its_reframe(client_page, live_server):
    page = client_page
    page.goto(live_server.url + reverse("values:list"))
    page.get_by_label("Choose from the list").select_option(index=1)
    page.get_by_role("button", name="Add this value").click()
    page.get_by_label("Or in your own words").fill("Time that is mine")
    page.get_by_role("button", name="Add this value").click()
    assert page.get_by_text("Time that is mine").first.is_visible()
    page.goto(live_server.url + reverse("values:new_belief"))
    page.get_by_label("The belief", exact=True).fill("If someone helps me, I'll owe them.")
    page.get_by_label("What it costs you").fill("I carry everything alone.")
    page.get_by_label("An alternative belief, in your own words").fill(
        "Help can be given freely, and I can give back in my own time."
    )
    page.get_by_role("button", name="Save belief").click()
    page.wait_for_url(re.compile(r"/values/beliefs/\d+/$"))
    assert page.get_by_text("Not tested yet.").is_visible()
    assert Belief.objects.get().alternative.startswith("Help can be given freely")


def test_experiment_from_a_recommendation_tests_the_reframe_then_reflect(
    client_page, live_server, cast
):
    page = client_page
    belief = Belief.objects.create(
        owner=cast.client, belief="Asking is a weakness.", alternative="Asking is ordinary."
    )
    page.goto(live_server.url + reverse("practice:home"))
    page.get_by_role("link", name=re.compile(r"^Plan “")).first.click()
    page.wait_for_url(re.compile(r"/practice/experiments/new/\?library="))
    page.get_by_label("When").fill("Thursday after work")
    page.get_by_label("What I fear will happen").fill("They will think less of me.")
    page.get_by_label("How anxious I expect to be").select_option("7")
    page.get_by_label("The belief it tests").select_option(str(belief.pk))
    page.get_by_role("button", name="Save plan").click()
    page.wait_for_url(re.compile(r"/practice/experiments/\d+/$"))
    assert page.get_by_text("Not tested yet.").is_visible()
    page.get_by_role("link", name="I did it: reflect").click()
    page.get_by_label("What happened").fill("I asked and it was fine.")
    page.get_by_label("How anxious I was during it").select_option("3")
    page.get_by_label("No", exact=True).check()
    page.get_by_label("What worked").fill("Asking early in the day.")
    page.get_by_role("button", name="Save reflection").click()
    page.wait_for_url(re.compile(r"/practice/experiments/\d+/$"))
    assert page.get_by_text("Tested once; the feared outcome did not happen.").is_visible()
    experiment = Experiment.objects.get()
    assert experiment.status == "done" and experiment.library_id
    page.goto(live_server.url + reverse("practice:history"))
    assert page.locator("svg.history-chart rect.during").count() == 1


def test_three_people_on_the_map_show_the_recommendation(client_page, live_server):
    page = client_page
    page.goto(live_server.url + reverse("relationships:map"))
    people = [
        ("Sam", "friend", "4", "1", "4", "4", "2"),
        ("Jo", "partner", "2", "3", "0", "0", "4"),
        ("Amir", "work", "1", "1", "2", "2", "2"),
    ]
    for name, kind, give, receive, energy, boundary, trust in people:
        page.get_by_label("Name or nickname").fill(name)
        page.get_by_label("Kind of relationship").select_option(kind)
        page.get_by_label("Support you give them").select_option(give)
        page.get_by_label("Support you receive from them").select_option(receive)
        page.get_by_label("Trust and safety with them").select_option(trust)
        page.get_by_label("Time with them usually leaves me").select_option(energy)
        page.get_by_label("My boundary with them now").select_option(boundary)
        page.get_by_role("button", name="Add to my map").click()
        page.wait_for_load_state()
    assert page.locator("svg.relationship-map g.person").count() == 3
    firm = page.locator("li.recommendation-firm_up")
    assert "Consider firming up" in firm.inner_text() and "Sam" in firm.inner_text()
    assert page.locator("li.recommendation-loosen").inner_text().count("Jo") == 1


def test_role_play_to_its_debrief_and_into_an_experiment(client_page, live_server):
    page = client_page
    page.goto(live_server.url + reverse("practice:scenarios"))
    page.get_by_role("button", name="Rehearse “Asking for a lift”").click()
    page.wait_for_url(re.compile(r"/practice/rehearse/\d+/$"))
    for _ in range(8):
        if "/debrief/" in page.url:
            break
        page.get_by_label(re.compile(r"Your reply")).fill(
            "I'd really appreciate a lift to the station, could you take me at eight?"
        )
        page.get_by_role("button", name="Say it").click()
        page.wait_for_load_state()
    assert "/debrief/" in page.url
    assert page.get_by_role("heading", name="One thing to adjust").is_visible()
    page.get_by_role("link", name="Turn this into an experiment").click()
    assert page.get_by_label("A short name").input_value() == "For real: Asking for a lift"
    page.get_by_label("When").fill("Saturday morning")
    page.get_by_role("button", name="Save plan").click()
    page.wait_for_url(re.compile(r"/practice/experiments/\d+/$"))
    experiment = Experiment.objects.get()
    assert experiment.statement_draft.startswith("I'd really appreciate")
    assert RolePlay.objects.get().replies.count() >= 4


def test_statement_coach_gives_live_feedback_as_you_type(client_page, live_server):
    page = client_page
    page.goto(live_server.url + reverse("practice:statements"))
    page.get_by_label("What I want to say").press_sequentially("You never listen to me.", delay=10)
    page.locator("#statement-feedback mark").first.wait_for()
    assert "Uses always or never" in page.locator("#statement-feedback").inner_text()


def _client_pages(cast) -> list[str]:
    from tests.web.practice.pages import COACH_PAGES, POST_ONLY

    urls = practice_urls(cast, practice_objects(cast))
    return [url for name, url in urls.items() if name not in POST_ONLY | COACH_PAGES]


def test_every_client_page_is_axe_clean_at_320px_and_fits(cast, live_server, context):
    sign_in(context, live_server, cast.client)
    page = context.new_page()
    page.set_viewport_size({"width": 320, "height": 640})
    for url in _client_pages(cast):
        page.goto(live_server.url + url)
        assert page.locator("h1").count() == 1, url
        assert_axe_clean(page)
        assert not has_horizontal_scroll(page), url


def test_every_coach_page_is_axe_clean(cast, live_server, context):
    from tests.web.practice.pages import COACH_PAGES, POST_ONLY

    urls = practice_urls(cast, practice_objects(cast))
    sign_in(context, live_server, cast.coach)
    page = context.new_page()
    for name in sorted(COACH_PAGES - POST_ONLY):
        page.goto(live_server.url + urls[name])
        assert page.locator("h1").count() == 1, name
        assert_axe_clean(page)


def test_a_belief_can_be_recorded_by_keyboard_alone(client_page, live_server):
    page = client_page
    page.goto(live_server.url + reverse("values:new_belief"))
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.get_by_label("The belief", exact=True).focus()
    page.keyboard.type("My opinion only causes trouble.")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Save belief":
            break
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/values/beliefs/\d+/$"))
    assert Belief.objects.get().belief == "My opinion only causes trouble."


def test_the_axe_check_does_find_a_planted_violation(client_page, live_server):
    """Guards the guard: the evaluated axe-core really runs and reports."""
    from tests.web.practice.browser.conftest import axe_violations

    page = client_page
    page.goto(live_server.url + reverse("practice:home"))
    page.evaluate(
        "() => { const i = document.createElement('img'); i.src = '/x.png';"
        " document.querySelector('main').appendChild(i); }"
    )
    assert "image-alt" in {v["id"] for v in axe_violations(page)}
