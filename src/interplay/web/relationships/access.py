"""Scoped lookups for the relationship map. The owner reaches their own people; a coach sees
the whole map only while a current client shares it (`ClientView.map()`)."""

from __future__ import annotations

from django.http import Http404

from interplay.web.accounts.models import User
from interplay.web.relationships.models import MapPerson, MapSharing, MapSnapshot


def get_person_for_user(user: User, pk: int) -> MapPerson:
    person = MapPerson.objects.filter(pk=pk, owner=user).first()
    if person is None:
        raise Http404
    return person


def people_of(owner: User) -> list[MapPerson]:
    return list(MapPerson.objects.select_related("value").filter(owner=owner))


def map_is_shared(owner: User) -> bool:
    """The owner's own switch, for their map page (a coach reads the map through
    `ClientView.map()`)."""
    sharing = MapSharing.objects.filter(owner=owner).first()
    return bool(sharing and sharing.shared_with_coach)


def get_snapshot_for_user(user: User, pk: int) -> MapSnapshot:
    snapshot = MapSnapshot.objects.filter(pk=pk, owner=user).first()
    if snapshot is None:
        raise Http404
    return snapshot


def snapshots_of(owner: User) -> list[MapSnapshot]:
    return list(MapSnapshot.objects.filter(owner=owner))
