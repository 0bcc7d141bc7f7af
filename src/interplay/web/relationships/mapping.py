"""Stored people as the core's `Person`, and snapshots back into people."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from interplay.core.relationships import (
    BOUNDARY_SCALE,
    ENERGY_SCALE,
    Person,
    Snapshot,
    from_scale,
    parse_person,
)
from interplay.core.vocabulary import RelationshipKind
from interplay.web.relationships.models import SCALE_STEPS, MapPerson, MapSnapshot


def core_person(person: MapPerson) -> Person:
    return Person(
        name=person.name,
        kind=RelationshipKind(person.kind),
        give=person.give,
        receive=person.receive,
        leaves_me=from_scale(person.energy, SCALE_STEPS, ENERGY_SCALE),
        boundary=from_scale(person.boundary, SCALE_STEPS, BOUNDARY_SCALE),
        trust=person.trust,
        note=person.note,
        value_id=str(person.value_id) if person.value_id else None,
    )


def core_people(people: Iterable[MapPerson]) -> tuple[Person, ...]:
    return tuple(core_person(p) for p in people)


def person_to_dict(person: MapPerson) -> dict[str, Any]:
    """The core's JSON shape (what `interplay relationships recommend` reads)."""
    core = core_person(person)
    return {
        "name": core.name,
        "kind": core.kind.value,
        "give": core.give,
        "receive": core.receive,
        "leaves_me": core.leaves_me.value,
        "boundary": core.boundary.value,
        "trust": core.trust,
        "note": core.note,
    }


def snapshot_of(stored: MapSnapshot) -> Snapshot:
    raw = json.loads(stored.people_json)
    return Snapshot(
        taken_on=stored.taken_at.date(),
        people=tuple(parse_person(entry, n) for n, entry in enumerate(raw, 1)),
    )
