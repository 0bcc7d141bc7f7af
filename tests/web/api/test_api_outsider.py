"""The outsider gets 404 on every API endpoint with every other person's ids, derived from the
API's own route list: a new route fails `test_every_api_route_is_in_the_outsider_table` until
it is placed here. Each route is also opened by its rightful caller, so a refusal here is never
just a broken route."""

from __future__ import annotations

import pytest

from interplay.web.api.actions import do_rotate_calendar_feed
from interplay.web.api.service import api
from interplay.web.journal.actions import do_save_entry, do_set_entry_sharing
from interplay.web.kernel.models import AuditEvent
from tests.web.pages import client_objects

# (method, path) -> who rightly calls it: "client" (their own things) or "coach" (the client's
# coach, about that client). Bodies for writes are in BODIES.
ROUTES = {
    ("POST", "/api/v1/score"): "client",
    ("POST", "/api/v1/analyse"): "client",
    ("GET", "/api/v1/profiles"): "client",
    ("GET", "/api/v1/profiles/{profile_id}"): "client",
    ("GET", "/api/v1/journal"): "client",
    ("POST", "/api/v1/journal"): "client",
    ("GET", "/api/v1/journal/{entry_id}"): "client",
    ("PUT", "/api/v1/journal/{entry_id}"): "client",
    ("DELETE", "/api/v1/journal/{entry_id}"): "client",
    ("PUT", "/api/v1/journal/{entry_id}/sharing"): "client",
    ("GET", "/api/v1/clients"): "coach",
    ("GET", "/api/v1/clients/{client_id}"): "coach",
    ("GET", "/api/v1/clients/{client_id}/profiles/{profile_id}"): "coach",
    ("GET", "/api/v1/clients/{client_id}/journal"): "coach",
    ("GET", "/api/v1/clients/{client_id}/journal/{entry_id}"): "coach",
    ("GET", "/api/v1/calendar/{secret}.ics"): "client",
}
BODIES = {
    "/api/v1/score": {"answers": {}},
    "/api/v1/analyse": {"text": "I always say yes."},
    "/api/v1/journal": {"body": "Outsider text."},
    "/api/v1/journal/{entry_id}": {"body": "Overwritten by an outsider."},
    "/api/v1/journal/{entry_id}/sharing": {"shared": True},
}
PRIVATE = (b"private thought", b"A shared thought", b"Private title")


def served_routes() -> set[tuple[str, str]]:
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    return {
        (method.upper(), path.replace("/api/v1//", "/api/v1/"))
        for path, operations in schema["paths"].items()
        for method in operations
    }


def test_every_api_route_is_in_the_outsider_table(db):
    assert served_routes() == set(ROUTES)


@pytest.fixture
def victim(practice):  # type: ignore[no-untyped-def]
    """The client's things, by id: a private entry, a shared one, a finished assessment."""
    objects = client_objects(practice)
    shared = do_save_entry("", "A shared thought.", actor=practice.client)
    do_set_entry_sharing(shared, True, actor=practice.client)
    return {
        "entry_id": objects.entry_pk,
        "shared_entry_id": shared.pk,
        "profile_id": objects.done_assessment_pk,
        "client_id": practice.client.pk,
        "secret": do_rotate_calendar_feed(actor=practice.client),
    }


def _call(caller, method, path, ids, entry_key="entry_id"):  # type: ignore[no-untyped-def]
    url = path.format(**{**ids, "entry_id": ids[entry_key]})
    if method == "GET":
        return caller.get(url)
    if method == "DELETE":
        return caller.delete(url)
    return caller.send(method.lower(), url, BODIES[path])


@pytest.mark.parametrize(("method", "path"), sorted(ROUTES))
def test_outsiders_are_refused_and_see_nothing(practice, callers, victim, method, path):
    owner_role = ROUTES[(method, path)]
    with_ids = "{" in path
    for who in ("other_client", "other_coach", "client" if owner_role == "coach" else "coach"):
        same_role = (who in ("client", "other_client")) == (owner_role == "client")
        if path.endswith(".ics"):
            continue  # the secret is the key: see test_calendar_api.py
        before = AuditEvent.objects.count()
        answer = _call(callers[who], method, path, victim)
        if with_ids and same_role:
            assert answer.status_code == 404, (method, path, who, answer.status_code)
        elif with_ids or not same_role:
            assert answer.status_code in (401, 403, 404), (method, path, who, answer.status_code)
        assert not any(marker in answer.content for marker in PRIVATE), (method, path, who)
        if with_ids or not same_role:
            assert AuditEvent.objects.count() == before, (method, path, who, "audit row")


@pytest.mark.parametrize(("method", "path"), sorted(ROUTES))
def test_the_rightful_caller_gets_through(practice, callers, victim, method, path):
    """The control for the refusals above: the owner (or, for coach routes, the client's
    coach, on the shared entry) is answered, not refused."""
    role = ROUTES[(method, path)]
    if path.endswith(".ics"):
        answer = callers["client"].get(path.format(**victim))
    else:
        key = "shared_entry_id" if role == "coach" else "entry_id"
        answer = _call(callers[role], method, path, victim, key)
    expected = 422 if path == "/api/v1/score" else None  # an empty answer set is refused
    assert answer.status_code in ((expected,) if expected else (200, 201, 204)), (
        method,
        path,
        answer.status_code,
        answer.content[:200],
    )


def test_the_clients_coach_gets_404_on_a_private_entry(practice, callers, victim):
    url = f"/api/v1/clients/{victim['client_id']}/journal/{victim['entry_id']}"
    assert callers["coach"].get(url).status_code == 404
