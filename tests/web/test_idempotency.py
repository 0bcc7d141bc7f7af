"""A form sent twice saves once: the second POST with the same key is sent where the first
went. A failed POST gives its key back, so the corrected form saves."""

from __future__ import annotations

import re

import pytest

from interplay.web.kernel.models import SubmittedForm
from tests.web.base import signed_in

KEY = "idempotency_key"


def key_on(page_html: str) -> str:
    match = re.search(r'name="idempotency_key" value="([0-9a-f]{32})"', page_html)
    assert match, "the form carries no idempotency key"
    return match[1]


def test_a_journal_entry_sent_twice_is_saved_once(practice):
    browser = signed_in(practice.client)
    key = key_on(browser.get("/journal/new/").content.decode())
    data = {"title": "", "body": "Only once, please.", KEY: key}
    first = browser.post("/journal/new/", data)
    second = browser.post("/journal/new/", data)
    assert practice.client.journal_entries.count() == 1
    assert first.status_code == 302
    assert second.status_code == 303 and second["Location"] == first["Location"]


def test_a_fresh_key_saves_a_second_entry(practice):
    browser = signed_in(practice.client)
    for _ in range(2):
        key = key_on(browser.get("/journal/new/").content.decode())
        browser.post("/journal/new/", {"title": "", "body": "Twice on purpose.", KEY: key})
    assert practice.client.journal_entries.count() == 2


def test_a_refused_form_gives_its_key_back(practice):
    browser = signed_in(practice.client)
    key = key_on(browser.get("/journal/new/").content.decode())
    refused = browser.post("/journal/new/", {"title": "", "body": "", KEY: key})
    assert refused.status_code != 302 and not SubmittedForm.objects.exists()
    browser.post("/journal/new/", {"title": "", "body": "Now with text.", KEY: key})
    assert practice.client.journal_entries.count() == 1


def test_a_coach_note_sent_twice_is_saved_once(practice):
    browser = signed_in(practice.coach)
    url = f"/coach/client/{practice.client.pk}/notes/"
    key = key_on(browser.get(f"/coach/client/{practice.client.pk}/").content.decode())
    for _ in range(2):
        browser.post(url, {"body": "One note.", "follow_up": "", KEY: key})
    assert practice.coach.session_notes_written.count() == 1


def test_another_persons_key_is_their_own(practice):
    key = "a" * 32
    signed_in(practice.client).post("/journal/new/", {"title": "", "body": "Mine.", KEY: key})
    signed_in(practice.other_client).post("/journal/new/", {"title": "", "body": "Mine.", KEY: key})
    assert practice.other_client.journal_entries.count() == 1


@pytest.mark.parametrize(
    "path",
    ["/journal/new/", "/values/", "/values/beliefs/new/", "/map/", "/check-in/"],
)
def test_client_create_forms_carry_a_key(practice, path):
    from tests.web.pages import client_objects

    client_objects(practice)  # a finished assessment, so the check-in form is offered
    response = signed_in(practice.client).get(path, follow=True)
    assert response.status_code == 200, path
    key_on(response.content.decode())
