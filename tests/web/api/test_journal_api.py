"""One's own journal through the API: the same actions and lookups as the pages."""

from __future__ import annotations

from django.test import Client

from interplay.web.journal.models import Entry
from tests.web.api.conftest import Api, token_for
from tests.web.base import signed_in

PROBLEM = "application/problem+json"


def test_client_creates_reads_updates_shares_and_deletes_an_entry(practice, callers):
    api = callers["client"]
    made = api.send("post", "/api/v1/journal", {"title": "Sunday", "body": "I said yes again."})
    assert made.status_code == 201, made.content
    entry_id = made.json()["id"]
    stored = Entry.objects.get(pk=entry_id)
    assert stored.owner == practice.client and not stored.shared_with_coach  # private by default
    assert api.get(f"/api/v1/journal/{entry_id}").json()["body"] == "I said yes again."

    changed = api.send("put", f"/api/v1/journal/{entry_id}", {"title": "Sun", "body": "And no."})
    assert changed.status_code == 200 and changed.json()["body"] == "And no."
    shared = api.send("put", f"/api/v1/journal/{entry_id}/sharing", {"shared": True})
    assert shared.json()["shared_with_coach"] is True
    assert Entry.objects.get(pk=entry_id).shared_with_coach

    assert api.delete(f"/api/v1/journal/{entry_id}").status_code == 204
    assert not Entry.objects.filter(pk=entry_id).exists()
    gone = api.get(f"/api/v1/journal/{entry_id}")
    assert gone.status_code == 404 and gone["Content-Type"] == PROBLEM


def test_the_list_pages_by_cursor_without_repeats_or_gaps(callers):
    api = callers["client"]
    for number in range(5):
        api.send("post", "/api/v1/journal", {"body": f"Entry number {number}."})
    seen, cursor = [], None
    for _page in range(5):
        query = "?limit=2" + (f"&cursor={cursor}" if cursor else "")
        page = api.get(f"/api/v1/journal{query}").json()
        seen += [item["body"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [f"Entry number {n}." for n in reversed(range(5))]


def test_a_made_up_cursor_is_a_clear_400(callers):
    answer = callers["client"].get("/api/v1/journal?cursor=not-a-cursor")
    assert answer.status_code == 400 and answer["Content-Type"] == PROBLEM
    assert answer.json()["code"] == "bad_cursor"


def test_an_empty_body_is_refused_with_the_reason_and_nothing_is_saved(callers):
    answer = callers["client"].send("post", "/api/v1/journal", {"title": "x", "body": ""})
    assert answer.status_code == 422 and answer["Content-Type"] == PROBLEM
    problem = answer.json()
    assert problem["status"] == 422 and problem["errors"][0]["where"][-1] == "body"
    blank = callers["client"].send("post", "/api/v1/journal", {"body": "   "})
    assert blank.status_code == 422 and "write something first" in blank.json()["detail"]
    assert Entry.objects.count() == 0


def test_no_csrf_token_is_needed_with_a_token(practice):
    browser = Client(enforce_csrf_checks=True)
    api = Api(token_for(practice.client), browser)
    assert api.send("post", "/api/v1/journal", {"body": "From a script."}).status_code == 201


def test_a_signed_in_session_does_not_authenticate_the_api(practice):
    """So a page on another site cannot use a signed-in browser to call the API."""
    browser = signed_in(practice.client)
    assert browser.get("/api/v1/journal").status_code == 401
    posted = Api(None, browser).send("post", "/api/v1/journal", {"body": "Forged."})
    assert posted.status_code == 401 and Entry.objects.count() == 0


def test_a_method_a_route_does_not_take_is_a_405(callers):
    answer = callers["client"].send("patch", "/api/v1/journal", {"body": "x"})
    assert answer.status_code == 405
    assert Entry.objects.count() == 0
