"""Personal access tokens: hashed, shown once, scoped, revocable, throttled, and made on a
page that asks for the password again."""

from __future__ import annotations

import hashlib

import pytest
from allauth.mfa.models import Authenticator

from interplay.web.api.actions import do_create_access_token, do_revoke_access_token
from interplay.web.api.models import AccessToken
from interplay.web.kernel.errors import ActionError
from tests.web.api.conftest import Api, token_for
from tests.web.base import PASSWORD, signed_in


def test_a_token_is_stored_only_as_its_sha256(practice):
    made = do_create_access_token("script", ["read:own"], actor=practice.client)
    row = AccessToken.objects.get(pk=made.token.pk)
    assert row.token_hash == hashlib.sha256(made.secret.encode()).hexdigest()
    assert made.secret not in str(AccessToken.objects.values().get(pk=row.pk))
    assert len(made.secret) >= 40  # 32 random bytes, URL-safe


def test_a_revoked_token_stops_working(practice):
    made = do_create_access_token("script", ["read:own"], actor=practice.client)
    api = Api(made.secret)
    assert api.get("/api/v1/journal").status_code == 200
    do_revoke_access_token(made.token, actor=practice.client)
    assert api.get("/api/v1/journal").status_code == 401


def test_a_token_of_a_deactivated_account_stops_working(practice):
    api = Api(token_for(practice.client))
    practice.client.is_active = False
    practice.client.save()
    assert api.get("/api/v1/journal").status_code == 401


def test_scopes_are_enforced(practice):
    reader = Api(token_for(practice.client, ["read:own"]))
    assert reader.get("/api/v1/journal").status_code == 200
    refused = reader.send("post", "/api/v1/journal", {"body": "Not allowed."})
    assert refused.status_code == 403 and refused.json()["code"] == "insufficient_scope"
    writer = Api(token_for(practice.client, ["write:journal"]))
    assert writer.get("/api/v1/journal").status_code == 403


def test_a_token_never_carries_more_than_its_owners_pages(practice):
    with pytest.raises(ActionError):
        do_create_access_token("x", ["read:clients"], actor=practice.client)
    with pytest.raises(ActionError):
        do_create_access_token("x", ["write:journal"], actor=practice.coach)
    with pytest.raises(ActionError):
        do_create_access_token("x", ["admin"], actor=practice.client)


def test_a_coach_token_needs_two_factor_set_up(practice):
    api = Api(token_for(practice.coach))
    assert api.get("/api/v1/clients").status_code == 200
    Authenticator.objects.filter(user=practice.coach).delete()
    assert api.get("/api/v1/clients").status_code == 401
    with pytest.raises(ActionError):
        do_create_access_token("x", ["read:clients"], actor=practice.coach)


def test_last_used_time_is_recorded(practice):
    made = do_create_access_token("script", ["read:own"], actor=practice.client)
    assert made.token.last_used_at is None
    Api(made.secret).get("/api/v1/journal")
    assert AccessToken.objects.get(pk=made.token.pk).last_used_at is not None


def test_each_token_has_its_own_request_budget(practice, settings):
    settings.INTERPLAY_API_REQUESTS_PER_MINUTE = 3
    from django.core.cache import cache

    cache.clear()
    busy, other = Api(token_for(practice.client)), Api(token_for(practice.client))
    assert [busy.get("/api/v1/journal").status_code for _ in range(3)] == [200, 200, 200]
    over = busy.get("/api/v1/journal")
    assert over.status_code == 429 and int(over["Retry-After"]) >= 1
    assert over["Content-Type"] == "application/problem+json"
    assert other.get("/api/v1/journal").status_code == 200


# The tokens page ------------------------------------------------------------------------


def test_making_a_token_asks_for_the_password_and_shows_it_once(practice):
    browser = signed_in(practice.client)
    form = {"action": "create", "name": "notes app", "scopes": ["read:own"]}
    asked = browser.post("/account/tokens/", form)
    assert asked["Location"] == "/accounts/reauthenticate/?next=%2Faccount%2Ftokens%2F"
    assert AccessToken.objects.count() == 0
    refused = browser.post(asked["Location"], {"password": "wrong"})
    assert refused.status_code == 200 and AccessToken.objects.count() == 0
    # allauth keeps the POST while asking, and sends it on once the password is right.
    made = browser.post(asked["Location"], {"password": PASSWORD})
    assert made.status_code == 200
    token = AccessToken.objects.get()
    secret = made.context["shown"]
    assert secret.encode() in made.content
    assert hashlib.sha256(secret.encode()).hexdigest() == token.token_hash
    again = browser.get("/account/tokens/")
    assert secret.encode() not in again.content and b"notes app" in again.content


def test_revoking_on_the_page(practice):
    made = do_create_access_token("old", ["read:own"], actor=practice.client)
    browser = signed_in(practice.client, reauthenticated=True)
    answer = browser.post("/account/tokens/", {"action": "revoke", "token": made.token.pk})
    assert answer.status_code == 302
    assert Api(made.secret).get("/api/v1/journal").status_code == 401


def test_nobody_revokes_someone_elses_token(practice):
    made = do_create_access_token("mine", ["read:own"], actor=practice.client)
    browser = signed_in(practice.other_client, reauthenticated=True)
    answer = browser.post("/account/tokens/", {"action": "revoke", "token": made.token.pk})
    assert answer.status_code == 404
    assert Api(made.secret).get("/api/v1/journal").status_code == 200


def test_a_coach_reaches_the_page_only_past_two_factor(practice):
    assert signed_in(practice.coach, verified=False).get("/account/tokens/").status_code == 302
    assert signed_in(practice.coach).get("/account/tokens/").status_code == 200


def test_the_account_page_links_to_the_tokens_page(practice):
    assert b'href="/account/tokens/"' in signed_in(practice.client).get("/account/").content
