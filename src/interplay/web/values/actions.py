"""Writes for values and beliefs. New items are private; sharing is one item at a time."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils import timezone
from django.utils.translation import gettext as _

from interplay.core.values import value_by_id
from interplay.web.accounts.models import User
from interplay.web.kernel.errors import ActionError, require_owner
from interplay.web.values.models import Belief, PersonalValue

MAX_TEXT = 5_000  # characters per field: far beyond a belief or a value, short of abuse
BELIEF_FIELDS = ("belief", "origin", "cost", "protects", "alternative")


def _check_length(label: str, text: str) -> None:
    if len(text) > MAX_TEXT:
        raise ActionError(
            _("“%(field)s” is too long; please keep it under %(limit)s characters.")
            % {"field": label, "limit": MAX_TEXT}
        )


def do_add_value(value_id: str = "", own_words: str = "", *, actor: User) -> PersonalValue:
    """Name a value: one from the list or in one's own words, not both, and not twice."""
    value_id, own_words = value_id.strip(), own_words.strip()
    if bool(value_id) == bool(own_words):
        raise ActionError(_("Choose a value from the list or write one in your own words."))
    _check_length(_("In your own words"), own_words)
    if value_id:
        try:
            value_by_id(value_id)
        except KeyError:
            raise ActionError(_("That value is not on the list; please choose again.")) from None
        if PersonalValue.objects.filter(owner=actor, value_id=value_id).exists():
            raise ActionError(_("You have already named this value."))
    return PersonalValue.objects.create(owner=actor, value_id=value_id, own_words=own_words)


def do_set_value_sharing(value: PersonalValue, shared: bool, *, actor: User) -> PersonalValue:
    require_owner(value.owner_id, actor)
    value.shared_with_coach = shared
    value.save(update_fields=["shared_with_coach"])
    return value


def do_delete_value(value: PersonalValue, *, actor: User) -> None:
    require_owner(value.owner_id, actor)
    value.delete()  # links from experiments and the map are cleared, not the items


def do_save_belief(data: Mapping[str, str], belief: Belief | None = None, *, actor: User) -> Belief:
    """Create or update a belief and its reframe. Only the belief itself is required."""
    if belief is not None and belief.owner_id != actor.pk:
        raise ActionError(_("You can only change your own beliefs."))
    fields = {name: str(data.get(name, "")).strip() for name in BELIEF_FIELDS}
    if not fields["belief"]:
        raise ActionError(_("Please write the belief itself, in a few words."))
    for name, text in fields.items():
        _check_length(name, text)
    if belief is None:
        return Belief.objects.create(owner=actor, **fields)
    for name, text in fields.items():
        setattr(belief, name, text)
    belief.updated_at = timezone.now()
    belief.save()
    return belief


def do_set_belief_sharing(belief: Belief, shared: bool, *, actor: User) -> Belief:
    require_owner(belief.owner_id, actor)
    belief.shared_with_coach = shared
    belief.save(update_fields=["shared_with_coach"])
    return belief


def do_delete_belief(belief: Belief, *, actor: User) -> None:
    require_owner(belief.owner_id, actor)
    belief.delete()
