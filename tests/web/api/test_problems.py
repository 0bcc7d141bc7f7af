"""Every error the API answers is an RFC 9457 problem document, also those that never reach
the API's own handlers: a method an address does not answer (405, for every route in the
served schema), an unknown address under /api/ (404), a server error (500), a storage failure
(503) and a body over the size limit (413). Pages outside /api/ keep their HTML pages."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest
from django.db import OperationalError
from django.test import Client

from tests.web.api.conftest import Api, token_for

PROBLEM = "application/problem+json"
METHODS = ("get", "post", "put", "patch", "delete")


def _is_problem(answer, status: int, code: str) -> dict:  # type: ignore[no-untyped-def]
    assert answer.status_code == status, answer.content
    assert answer["Content-Type"] == PROBLEM
    body = json.loads(answer.content)
    assert body["status"] == status and body["code"] == code
    assert body["type"] == "about:blank" and body["title"] and body["detail"]
    return body


def _routes() -> dict[str, set[str]]:
    schema = json.loads(Client().get("/api/v1/openapi.json").content)
    return {
        re.sub(r"\{[^}]+\}", "1", path): set(operations)
        for path, operations in schema["paths"].items()
    }


def test_the_schema_has_routes_to_check():
    assert len(_routes()) >= 10


@pytest.mark.django_db
def test_a_method_a_route_does_not_answer_is_a_405_problem_naming_the_allowed_ones():
    checked = 0
    for path, allowed in _routes().items():
        for method in METHODS:
            if method in allowed:
                continue
            answer = getattr(Client(), method)(path)
            body = _is_problem(answer, 405, "method_not_allowed")
            assert {m.strip().lower() for m in answer["Allow"].split(",")} == allowed, path
            assert method.upper() in body["detail"] and body["instance"] == path
            checked += 1
    assert checked > 20


@pytest.mark.parametrize(
    "path", ["/api/v1/", "/api/v1/nothing", "/api/v1/journal/", "/api/v1/journal/1/x", "/api/v2/"]
)
def test_an_unknown_api_address_is_a_404_problem(path, db):  # type: ignore[no-untyped-def]
    body = _is_problem(Client().get(path), 404, "not_found")
    assert body["instance"] == path


def test_with_a_token_an_unknown_address_is_the_same_404(practice):
    api = Api(token_for(practice.client))
    _is_problem(api.get("/api/v1/nothing"), 404, "not_found")


def test_a_page_outside_the_api_keeps_its_html_404(db):
    answer = Client().get("/no-such-page/")
    assert answer.status_code == 404 and answer["Content-Type"].startswith("text/html")


def test_a_server_error_is_a_500_problem_that_shows_nothing_of_the_failure(practice, monkeypatch):
    def fail(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("secret detail of the failure")

    monkeypatch.setattr("interplay.web.api.routes_own.build_profile", fail)
    browser = Client(raise_request_exception=False)
    answer = Api(token_for(practice.client), browser).send("post", "/api/v1/score", {"answers": {}})
    body = _is_problem(answer, 500, "server_error")
    assert "secret" not in answer.content.decode() and body["instance"] == "/api/v1/score"


def test_a_full_disk_is_a_503_problem_saying_nothing_was_saved(practice, monkeypatch):
    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OperationalError(sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr("interplay.web.api.routes_journal.actions.do_save_entry", full)
    api = Api(token_for(practice.client))
    answer = api.send("post", "/api/v1/journal", {"title": "t", "body": "Words I wrote."})
    body = _is_problem(answer, 503, "unavailable")
    assert answer["Retry-After"] and "Words I wrote" not in body["detail"]


def test_a_body_over_the_limit_is_a_413_problem(practice, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    api = Api(token_for(practice.client))
    answer = api.send("post", "/api/v1/journal", {"title": "t", "body": "word " * 200})
    _is_problem(answer, 413, "too_large")
