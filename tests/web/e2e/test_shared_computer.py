"""Leaving no trace on a shared computer, in Chromium.

A client saves a private entry, starts another and leaves it unsaved, then signs out. Back
shows neither text (the pages were sent `no-store`, and sign-out sent `Clear-Site-Data`), and
the browser's storage holds no copy of the unsaved text: while it was there it was sealed,
never plain."""

from __future__ import annotations

import re

import pytest

from tests.web.base import make_user
from tests.web.e2e.test_language_journey import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAVED = "Saved secret about my brother Idris"
UNSAVED = "Unsaved secret about the letter to Nadia"


def storage_text(page) -> str:  # type: ignore[no-untyped-def]
    return page.evaluate("() => JSON.stringify(Object.entries(localStorage))")


def test_back_after_sign_out_shows_nothing_private(live_server, browser):  # type: ignore[no-untyped-def]
    base = live_server.url
    client = make_user("maya@client.test", "Maya Browser")
    page = browser.new_context().new_page()
    sign_in(page, base, client.email)
    page.wait_for_url(base + "/")

    page.goto(base + "/journal/new/")
    page.get_by_label("What is on your mind?").fill(SAVED)
    page.get_by_role("button", name="Save entry").click()
    page.wait_for_url(re.compile(r".*/journal/\d+/$"))
    assert SAVED in page.content()

    page.goto(base + "/journal/new/")
    page.get_by_label("What is on your mind?").press_sequentially(UNSAVED[:12])
    page.get_by_label("What is on your mind?").fill(UNSAVED)
    page.wait_for_function(
        "() => Object.keys(localStorage).some(k => k.startsWith('interplay-draft-'))"
    )
    stored = storage_text(page)
    assert "sealed" in stored and "Nadia" not in stored  # kept on the device, never in plain

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/accounts/login/")
    assert "interplay-draft-" not in storage_text(page)

    for _ in range(2):
        page.go_back()
        page.wait_for_load_state()
        html = page.content()
        assert "Idris" not in html and "Nadia" not in html, page.url
        assert page.get_by_role("textbox", name="What is on your mind?").count() == 0 or (
            page.get_by_label("What is on your mind?").input_value() == ""
        )
