"""`has_coach` for every template: whether the signed-in client works with a coach now, so
pages read naturally for someone on their own (no sharing buttons aimed at nobody)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

from interplay.web.accounts.models import CoachingRelationship
from interplay.web.kernel.compiled import compiled


def current_coaching(client: Any) -> QuerySet[CoachingRelationship]:
    """The client's current coaching (`client`: an id, or an `OuterRef` for a page that reads
    whether there is one in the same statement as its other facts, inside `Exists`)."""
    return CoachingRelationship.objects.filter(client=client, ended_at__isnull=True)


class HasCoach:
    """True when the signed-in client has a current coach. Asked lazily and once: a page that
    never tests it costs no query."""

    def __init__(self, request: HttpRequest) -> None:
        self._request = request
        self._answer: bool | None = None

    def __bool__(self) -> bool:
        if self._answer is None:
            user = getattr(self._request, "user", None)
            self._answer = bool(
                user is not None
                and user.is_authenticated
                and compiled(  # asked on most of a client's pages: its SQL compiled once
                    ("has coach",),
                    lambda v: current_coaching(v["client"]).values("id")[:1],
                    {"client": "int"},
                ).rows({"client": user.pk})
            )
        return self._answer


def coaching(request: HttpRequest) -> dict[str, object]:
    return {"has_coach": HasCoach(request)}
