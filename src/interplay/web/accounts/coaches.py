"""Who coaches whom: the relationship every app may ask about (a client's current coach, a
coach's current clients), below the apps that hold a client's data. What a coach may *see* of
a client goes through `coaching.access.access_client_for_coach` instead."""

from __future__ import annotations

from django.db.models import QuerySet

from interplay.web.accounts.models import CoachingRelationship, User
from interplay.web.accounts.two_factor import PASSED_ATTRIBUTE


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
    """True when this user object carries a second factor passed in this session:
    `two_factor.TwoFactorMiddleware` marks the request's user from allauth's record of the
    session; a user loaded any other way has not shown one."""
    return getattr(user, PASSED_ATTRIBUTE, False) is True


def is_current_client(coach: User, client_id: int) -> bool:
    return CoachingRelationship.objects.filter(
        coach=coach, client_id=client_id, ended_at__isnull=True
    ).exists()


def current_relationships(coach: User) -> QuerySet[CoachingRelationship]:
    """The coach's current clients as relationships (with the client), for callers that page
    through them (the API)."""
    return CoachingRelationship.objects.select_related("client").filter(
        coach=coach, ended_at__isnull=True
    )
