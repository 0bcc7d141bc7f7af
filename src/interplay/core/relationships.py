"""The relationship map: the people in a person's life, and where boundaries could change.

Per person the map holds the support given and received (0 to 4), how time with them usually
leaves you, the boundary held with them now, and how much you trust them and feel safe with
them (0 to 4). The recommendations follow the method's rule: loosen where it is safe, firm up
where it drains, notice giving that far outweighs receiving, and notice when there is no one
to lean on. Each recommendation carries its rule in plain words and the people it rests on.
The results do not depend on the order people were entered in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from interplay.core.vocabulary import Energy, PersonBoundary, RecommendationKind, RelationshipKind

SCORE_MIN = 0
SCORE_MAX = 4
SAFE_TRUST = 3  # trust at or above this counts as safe (with a relationship that is not draining)
GAP = 2  # giving at least this much more than receiving is a reciprocity gap
LEAN_ON = 3  # receive and trust at or above this: someone you can lean on

E = TypeVar("E", Energy, PersonBoundary)


class MapError(ValueError):
    """A person on the map has a bad value; the message names the person and the field."""

    def __init__(self, person: str, field_name: str, problem: str) -> None:
        self.person = person
        self.field = field_name
        self.problem = problem
        super().__init__(f"{person}: field '{field_name}' {problem}")


@dataclass(frozen=True)
class Person:
    name: str
    kind: RelationshipKind
    give: int
    receive: int
    leaves_me: Energy
    boundary: PersonBoundary
    trust: int
    note: str = ""
    value_id: str | None = None  # the value a boundary with this person protects

    def __post_init__(self) -> None:
        label = self.name.strip() or "a person"
        if not self.name.strip():
            raise MapError(label, "name", "must not be empty")
        for name in ("give", "receive", "trust"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise MapError(label, name, f"must be a whole number from {SCORE_MIN} to 4")
            if not SCORE_MIN <= value <= SCORE_MAX:
                raise MapError(label, name, f"must be a whole number from {SCORE_MIN} to 4")

    @property
    def closeness(self) -> int:
        """Trust plus support received, 0 to 8: how near the centre the picture puts them."""
        return self.trust + self.receive

    @property
    def sort_key(self) -> tuple[str, str, str, int, int, int, str, str, str, str]:
        """A total order over every field, so no result depends on the order of entry."""
        return (
            self.name.casefold(),
            self.name,
            self.kind.value,
            self.give,
            self.receive,
            self.trust,
            self.leaves_me.value,
            self.boundary.value,
            self.note,
            self.value_id or "",
        )


def from_scale(position: int, steps: int, members: tuple[E, ...]) -> E:
    """Map a finer scale on a screen (position 0 to steps - 1) onto a coarse vocabulary, in
    equal bands: with five steps and (energised, neutral, drained), 0-1 -> energised,
    2 -> neutral, 3-4 -> drained."""
    if steps < len(members) or not 0 <= position < steps:
        raise ValueError(f"position must be from 0 to {steps - 1} on a scale of {steps} steps")
    # The middle of the scale lands in the middle member; the ends in the end members.
    return members[round(position * (len(members) - 1) / (steps - 1))]


ENERGY_SCALE: tuple[Energy, ...] = (Energy.ENERGISED, Energy.NEUTRAL, Energy.DRAINED)
BOUNDARY_SCALE: tuple[PersonBoundary, ...] = (
    PersonBoundary.RIGID,
    PersonBoundary.BALANCED,
    PersonBoundary.POROUS,
)


@dataclass(frozen=True)
class Snapshot:
    """The map as it stood on one day."""

    taken_on: date
    people: tuple[Person, ...] = field(default_factory=tuple)


def _choice(raw: Mapping[str, Any], label: str, name: str, enum: Any) -> Any:
    value = raw.get(name)
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise MapError(label, name, f"must be one of: {allowed} (got {value!r})") from None


def parse_person(raw: Any, position: int) -> Person:
    """One person from plain data (JSON); `position` (1-based) names them if the name is bad."""
    label = f"person {position}"
    if not isinstance(raw, Mapping):
        raise MapError(label, "person", "must be an object with name, kind, give, ...")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise MapError(label, "name", "must be non-empty text")
    label = f"person {position} ({name.strip()!r})"
    for required in ("kind", "give", "receive", "leaves_me", "boundary", "trust"):
        if required not in raw:
            raise MapError(label, required, "is missing")
    note = raw.get("note", "")
    if not isinstance(note, str):
        raise MapError(label, "note", "must be text")
    value_id = raw.get("value_id")
    if value_id is not None and not isinstance(value_id, str):
        raise MapError(label, "value_id", "must be text")
    for score in ("give", "receive", "trust"):
        value = raw[score]
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not SCORE_MIN <= value <= SCORE_MAX
        ):
            raise MapError(label, score, f"must be a whole number from {SCORE_MIN} to {SCORE_MAX}")
    return Person(
        name=name.strip(),
        kind=_choice(raw, label, "kind", RelationshipKind),
        give=raw["give"],
        receive=raw["receive"],
        leaves_me=_choice(raw, label, "leaves_me", Energy),
        boundary=_choice(raw, label, "boundary", PersonBoundary),
        trust=raw["trust"],
        note=note.strip(),
        value_id=value_id or None,
    )


def parse_map(document: Any) -> tuple[Person, ...]:
    """The `{"people": [...]}` document read by `interplay relationships recommend`."""
    if not isinstance(document, Mapping) or not isinstance(document.get("people"), list):
        raise MapError("the map", "people", 'must be a list: {"people": [...]}')
    return tuple(parse_person(raw, position) for position, raw in enumerate(document["people"], 1))


@dataclass(frozen=True)
class Recommendation:
    kind: RecommendationKind
    rule: str
    people: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "rule": self.rule, "people": list(self.people)}


RULES: dict[RecommendationKind, str] = {
    RecommendationKind.LOOSEN: (
        "You trust these people and time with them does not drain you, yet your boundary with "
        "them is rigid. Somewhere this safe may be a good place to let a little more in."
    ),
    RecommendationKind.FIRM_UP: (
        "Time with these people leaves you drained and your boundary with them is porous. A "
        "firmer boundary here could protect your energy."
    ),
    RecommendationKind.RECIPROCITY_GAP: (
        "You give these people at least two points more support than you receive from them. "
        "It may be worth noticing whether the give and take feels fair to you."
    ),
    RecommendationKind.CONNECTION_GAP: (
        "No one on your map is someone you both trust (3 or more) and receive support from "
        "(3 or more). Finding one person to lean on a little could be a place to start."
    ),
}


def _names(people: Iterable[Person]) -> tuple[str, ...]:
    return tuple(p.name for p in sorted(people, key=lambda p: p.sort_key))


def recommend(people: Sequence[Person]) -> list[Recommendation]:
    """Recommendations in a fixed order of kinds, each naming its people alphabetically, so
    the result does not depend on the order of `people`. An empty map has none."""
    if not people:
        return []
    found: list[Recommendation] = []
    groups = {
        RecommendationKind.LOOSEN: [
            p
            for p in people
            if p.trust >= SAFE_TRUST
            and p.leaves_me is not Energy.DRAINED
            and p.boundary is PersonBoundary.RIGID
        ],
        RecommendationKind.FIRM_UP: [
            p
            for p in people
            if p.leaves_me is Energy.DRAINED and p.boundary is PersonBoundary.POROUS
        ],
        RecommendationKind.RECIPROCITY_GAP: [p for p in people if p.give - p.receive >= GAP],
    }
    for kind, group in groups.items():
        if group:
            found.append(Recommendation(kind, RULES[kind], _names(group)))
    if not any(p.receive >= LEAN_ON and p.trust >= LEAN_ON for p in people):
        # This rests on the whole map: it is about who is missing.
        found.append(
            Recommendation(
                RecommendationKind.CONNECTION_GAP,
                RULES[RecommendationKind.CONNECTION_GAP],
                _names(people),
            )
        )
    return found


@dataclass(frozen=True)
class ReciprocitySummary:
    total_give: int
    total_receive: int
    gives_most_to_you: tuple[str, ...]  # highest receive; ties all named
    you_give_most_to: tuple[str, ...]  # highest give; ties all named
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "total_give": self.total_give,
            "total_receive": self.total_receive,
            "balance": self.total_receive - self.total_give,
            "gives_most_to_you": list(self.gives_most_to_you),
            "you_give_most_to": list(self.you_give_most_to),
            "sentence": self.sentence,
        }


def _most(people: Sequence[Person], score: str) -> tuple[str, ...]:
    top = max((getattr(p, score) for p in people), default=0)
    if top == 0:
        return ()
    return _names(p for p in people if getattr(p, score) == top)


def reciprocity_summary(people: Sequence[Person]) -> ReciprocitySummary:
    give = sum(p.give for p in people)
    receive = sum(p.receive for p in people)
    if not people:
        sentence = "No one is on the map yet."
    elif give > receive:
        sentence = f"Across your map you give more support ({give}) than you receive ({receive})."
    elif receive > give:
        sentence = f"Across your map you receive more support ({receive}) than you give ({give})."
    else:
        sentence = f"Across your map the support you give and receive is even ({give} each)."
    return ReciprocitySummary(
        total_give=give,
        total_receive=receive,
        gives_most_to_you=_most(people, "receive"),
        you_give_most_to=_most(people, "give"),
        sentence=sentence,
    )
