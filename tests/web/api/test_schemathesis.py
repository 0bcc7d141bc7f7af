"""Schemathesis against the schema the API serves (/api/v1/openapi.json), through the WSGI
app: for generated requests to every operation, no 5xx, and every response (status, content
type, body) matches what the schema declares. Runs in the ordinary suite, so in CI."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.web.api.conftest import token_for
from tests.web.pages import client_objects

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


# Loaded at collection, over WSGI from the app itself (fetching the schema needs no database).
# Django's own WSGI handler: interplay.web.wsgi adds only the start-up key check.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def connection_kept():  # type: ignore[no-untyped-def]
    """As Django's test client does: the WSGI handler would close the database connection after
    each request, and with it the test's transaction (PostgreSQL)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def tokens(practice, connection_kept):  # type: ignore[no-untyped-def]
    client_objects(practice)  # something to find: an entry and a finished assessment
    return {"client": token_for(practice.client), "coach": token_for(practice.coach)}


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_response_matches_the_served_schema(case, tokens):  # type: ignore[no-untyped-def]
    who = "coach" if case.path.startswith("/api/v1/clients") else "client"
    case.call_and_validate(headers={"Authorization": f"Bearer {tokens[who]}"}, checks=CHECKS)
