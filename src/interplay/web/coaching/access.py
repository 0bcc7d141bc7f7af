"""The one way a coach reaches a client's data.

`access_client_for_coach` returns the client only while they are this coach's current client
and the coach has signed in with their authenticator; anyone else gets a 404, the same answer
as for an id that does not exist, so ids reveal nothing. Each successful read is audited.
"""

from __future__ import annotations

from django.http import Http404

from interplay.web.accounts.models import User
from interplay.web.coaching.models import AuditEvent, CoachingRelationship


def current_coach(client: User) -> User | None:
    relationship = (
        CoachingRelationship.objects.select_related("coach")
        .filter(client=client, ended_at__isnull=True)
        .first()
    )
    return relationship.coach if relationship else None


def clients_of(coach: User) -> list[User]:
    return [
        relationship.client
        for relationship in CoachingRelationship.objects.select_related("client")
        .filter(coach=coach, ended_at__isnull=True)
        .order_by("client__name", "client_id")
    ]


def passed_two_factor(user: User) -> bool:
    """True when this user object carries a verified second factor. django-otp marks the
    request's user; a user loaded any other way has not shown one."""
    is_verified = getattr(user, "is_verified", None)
    return bool(callable(is_verified) and is_verified())


def access_client_for_coach(coach: User, client_id: int, *, what: str, audit: bool = True) -> User:
    """The client with this id if they are the coach's current client, else Http404.

    Records an audit event naming `what` was read. Lookups of one object pass `audit=False`
    and record the read themselves, with the object's id, once the object is found."""
    if not coach.is_authenticated or not coach.is_coach or not passed_two_factor(coach):
        raise Http404
    relationship = (
        CoachingRelationship.objects.select_related("client")
        .filter(coach=coach, client_id=client_id, ended_at__isnull=True)
        .first()
    )
    if relationship is None:
        raise Http404
    if audit:
        record_coach_read(coach, relationship.client, what)
    return relationship.client


def record_coach_read(
    coach: User, client: User, what: str, object_id: int | None = None
) -> AuditEvent:
    return AuditEvent.objects.create(coach=coach, client=client, what=what, object_id=object_id)


def reads_of(client: User, limit: int = 20) -> list[AuditEvent]:
    """The latest coach reads of this client's data, for the client to see."""
    return list(AuditEvent.objects.filter(client=client).select_related("coach")[:limit])
