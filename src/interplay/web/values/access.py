"""Scoped lookups for values and beliefs: the owner reaches their own; a coach reaches only
items a current client shared, one by one, through `ClientView.values()` and `.beliefs()`."""

from __future__ import annotations

from django.http import Http404

from interplay.web.accounts.models import User
from interplay.web.values.models import Belief, PersonalValue


def get_value_for_user(user: User, pk: int) -> PersonalValue:
    value = PersonalValue.objects.filter(pk=pk, owner=user).first()
    if value is None:
        raise Http404
    return value


def get_belief_for_user(user: User, pk: int) -> Belief:
    belief = Belief.objects.filter(pk=pk, owner=user).first()
    if belief is None:
        raise Http404
    return belief


def values_of(owner: User) -> list[PersonalValue]:
    return list(PersonalValue.objects.filter(owner=owner))


def beliefs_of(owner: User) -> list[Belief]:
    return list(Belief.objects.filter(owner=owner))
