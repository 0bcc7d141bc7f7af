"""When the server cannot store anything, the page says so and gives the text back; a post
over the size limit gets a page that says what happened."""

from __future__ import annotations

import errno

import pytest
from django.db import OperationalError

from interplay.web.journal import actions
from interplay.web.kernel.storage_errors import storage_problem
from tests.web.base import signed_in

TEXT = "A long entry I would hate to lose about the weekend."


@pytest.mark.parametrize(
    ("error", "problem"),
    [
        (OperationalError("database or disk is full"), "full"),
        (OperationalError("attempt to write a readonly database"), "read-only"),
        (OperationalError('could not extend file "base/1/2": No space left on device'), "full"),
        (OperationalError("cannot execute INSERT in a read-only transaction"), "read-only"),
        (OSError(errno.ENOSPC, "No space left on device"), "full"),
        (OSError(errno.EROFS, "Read-only file system"), "read-only"),
        (OperationalError("database is locked"), None),
        (ValueError("disk is full"), None),
    ],
)
def test_storage_failures_are_recognised(error, problem):
    assert storage_problem(error) == problem


@pytest.mark.parametrize(
    "message", ["database or disk is full", "attempt to write a readonly database"]
)
def test_a_failed_save_says_not_saved_and_gives_the_text_back(practice, monkeypatch, message):
    def fail(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OperationalError(message)

    monkeypatch.setattr(actions, "do_save_entry", fail)
    response = signed_in(practice.client).post("/journal/new/", {"title": "", "body": TEXT})
    html = response.content.decode()
    assert response.status_code == 503
    assert "This was not saved" in html and TEXT in html
    assert "is safe" not in html and ">csrfmiddlewaretoken</label>" not in html
    assert "no-store" in response["Cache-Control"]


def test_an_autosave_that_cannot_be_stored_says_so_in_a_line(practice, monkeypatch):
    def fail(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OperationalError("database or disk is full")

    monkeypatch.setattr(actions, "do_save_draft", fail)
    response = signed_in(practice.client).post(
        "/journal/draft/", {"body": TEXT}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 503 and b"This was not saved" in response.content


def test_a_post_over_the_limit_gets_a_friendly_page(practice, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = signed_in(practice.client).post("/journal/new/", {"title": "", "body": "x" * 5000})
    assert response.status_code == 413
    assert "too large to send" in response.content.decode()
    assert not practice.client.journal_entries.exists()
