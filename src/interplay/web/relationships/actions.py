"""Writes for the relationship map: people, snapshots, and sharing the whole map."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from interplay.core.relationships import MapError
from interplay.core.vocabulary import RelationshipKind
from interplay.web.accounts.models import User
from interplay.web.kernel.errors import ActionError, require_owner
from interplay.web.relationships.mapping import core_person, person_to_dict
from interplay.web.relationships.models import SCALE_STEPS, MapPerson, MapSharing, MapSnapshot
from interplay.web.values.models import PersonalValue

SCORES = {
    "give": (gettext_lazy("Support you give"), 4),
    "receive": (gettext_lazy("Support you receive"), 4),
    "trust": (gettext_lazy("Trust and safety"), 4),
    "energy": (gettext_lazy("How time with them leaves you"), SCALE_STEPS - 1),
    "boundary": (gettext_lazy("Your boundary with them now"), SCALE_STEPS - 1),
}


def _score(data: Mapping[str, Any], name: str) -> int:
    label, top = SCORES[name]
    raw = str(data.get(name, "") or "").strip()
    if not raw.isdigit() or not 0 <= int(raw) <= top:
        raise ActionError(
            _("Please choose “%(field)s” (0 to %(top)s).") % {"field": label, "top": top}
        )
    return int(raw)


def do_save_person(
    data: Mapping[str, Any], person: MapPerson | None = None, *, actor: User
) -> MapPerson:
    if person is not None and person.owner_id != actor.pk:
        raise ActionError(_("You can only change your own map."))
    name = str(data.get("name", "") or "").strip()
    if not name:
        raise ActionError(_("Please give a name or a nickname."))
    if len(name) > 100:
        raise ActionError(_("Please keep the name under 100 characters."))
    kind = str(data.get("kind", "") or "")
    if kind not in {k.value for k in RelationshipKind}:
        raise ActionError(_("Please choose what kind of relationship this is."))
    note = str(data.get("note", "") or "").strip()
    if len(note) > 2_000:
        raise ActionError(_("Please keep the note under 2,000 characters."))
    value = None
    raw_value = str(data.get("value", "") or "").strip()
    if raw_value:
        value = PersonalValue.objects.filter(
            pk=int(raw_value) if raw_value.isdigit() else -1, owner=actor
        ).first()
        if value is None:
            raise ActionError(_("That value no longer exists; please choose again."))
    target = person or MapPerson(owner=actor)
    target.name, target.kind, target.note, target.value = name, kind, note, value
    for field in SCORES:
        setattr(target, field, _score(data, field))
    try:
        core_person(target)  # the core's own checks, so the map always reads back
    except MapError as error:
        raise ActionError(str(error)) from None
    target.updated_at = timezone.now()
    target.save()
    return target


def do_delete_person(person: MapPerson, *, actor: User) -> None:
    require_owner(person.owner_id, actor)
    person.delete()


def do_set_map_sharing(shared: bool, *, actor: User) -> MapSharing:
    sharing, _created = MapSharing.objects.get_or_create(owner=actor)
    sharing.shared_with_coach = shared
    sharing.save(update_fields=["shared_with_coach"])
    return sharing


def do_take_snapshot(*, actor: User) -> MapSnapshot:
    people = MapPerson.objects.filter(owner=actor)
    if not people.exists():
        raise ActionError(_("Add someone to your map before keeping a snapshot of it."))
    return MapSnapshot.objects.create(
        owner=actor,
        people_json=json.dumps([person_to_dict(p) for p in people]),
    )
