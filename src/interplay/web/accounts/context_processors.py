"""`has_coach` for every template: whether the signed-in client works with a coach now, so
pages read naturally for someone on their own (no sharing buttons aimed at nobody)."""

from __future__ import annotations

from django.http import HttpRequest

from interplay.web.accounts.models import CoachingRelationship
from interplay.web.kernel.compiled import compiled


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
                    lambda v: CoachingRelationship.objects.filter(
                        client=v["client"], ended_at__isnull=True
                    ).values("id")[:1],
                    {"client": "int"},
                ).rows({"client": user.pk})
            )
        return self._answer


def coaching(request: HttpRequest) -> dict[str, object]:
    return {"has_coach": HasCoach(request)}
