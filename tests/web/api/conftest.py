"""Tokens for the shared cast (tests/web/base.py): each client with the client scopes, each
coach with `read:clients`, and a test browser that sends one."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
from django.test import Client

from interplay.web.api.actions import do_create_access_token


@dataclass
class Api:
    """A caller of the API with one token (or none)."""

    secret: str | None = None
    browser: Client | None = None

    def _headers(self) -> dict[str, str]:
        return {"HTTP_AUTHORIZATION": f"Bearer {self.secret}"} if self.secret else {}

    def get(self, path: str, **extra):  # type: ignore[no-untyped-def]
        return (self.browser or Client()).get(path, **self._headers(), **extra)

    def delete(self, path: str):  # type: ignore[no-untyped-def]
        return (self.browser or Client()).delete(path, **self._headers())

    def send(self, method: str, path: str, body: object):  # type: ignore[no-untyped-def]
        browser = self.browser or Client()
        call = getattr(browser, method)
        return call(path, json.dumps(body), content_type="application/json", **self._headers())


CLIENT_SCOPES = ["read:own", "write:journal"]
COACH_SCOPES = ["read:clients"]


def token_for(user, scopes=None) -> str:  # type: ignore[no-untyped-def]
    chosen = scopes or (COACH_SCOPES if user.is_coach else CLIENT_SCOPES)
    return do_create_access_token("tests", chosen, actor=user).secret


@pytest.fixture
def callers(practice):  # type: ignore[no-untyped-def]
    """An `Api` for each of the four people, with every scope their role allows."""
    return {
        who: Api(token_for(getattr(practice, who)))
        for who in ("client", "other_client", "coach", "other_coach")
    }
