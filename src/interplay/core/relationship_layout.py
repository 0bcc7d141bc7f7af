"""Geometry for the relationship picture: the person at the centre, everyone else around them,
nearer the more they trust and receive from them.

Pure numbers only (x, y, radius in a square of `SIZE` units); the web layer draws the SVG and
shows `table` as the picture's text alternative. People are placed round the circle grouped by
kind of relationship, then by name, so the picture stays the same whatever order they were
entered in.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from interplay.core.relationships import SCORE_MAX, Person
from interplay.core.vocabulary import Energy, PersonBoundary, RelationshipKind

SIZE = 400.0
CENTRE = SIZE / 2
CLIENT_RADIUS = 26.0
NEAREST = 70.0  # distance from the centre at the greatest closeness
FARTHEST = 175.0  # distance at closeness 0
NODE_RADIUS_MIN = 10.0
MAX_CLOSENESS = 2 * SCORE_MAX


class Balance(StrEnum):
    """The mark for the give-and-receive balance with one person."""

    YOU_GIVE_MORE = "you_give_more"
    EVEN = "even"
    YOU_RECEIVE_MORE = "you_receive_more"


@dataclass(frozen=True)
class Node:
    name: str
    kind: RelationshipKind
    x: float
    y: float
    radius: float  # grows with the support flowing either way
    closeness: int  # trust + receive, 0 to 8
    balance: Balance
    balance_amount: int  # receive - give, -4 to 4
    boundary: PersonBoundary  # drawn as the node's outline: solid, double, dashed
    leaves_me: Energy


@dataclass(frozen=True)
class MapLayout:
    size: float
    centre: tuple[float, float]
    client_radius: float
    nodes: tuple[Node, ...]
    table: tuple[tuple[str, ...], ...]  # header row first: the text alternative


TABLE_HEADER = (
    "Name",
    "Kind",
    "Closeness (0-8)",
    "Support you give (0-4)",
    "Support you receive (0-4)",
    "Balance",
    "Boundary",
    "Leaves you",
    "Trust (0-4)",
)

_BALANCE_WORDS = {
    Balance.YOU_GIVE_MORE: "you give more",
    Balance.EVEN: "even",
    Balance.YOU_RECEIVE_MORE: "you receive more",
}


def _balance(person: Person) -> Balance:
    if person.give > person.receive:
        return Balance.YOU_GIVE_MORE
    if person.receive > person.give:
        return Balance.YOU_RECEIVE_MORE
    return Balance.EVEN


def layout_map(people: Sequence[Person]) -> MapLayout:
    kinds = list(RelationshipKind)
    ordered = sorted(people, key=lambda p: (kinds.index(p.kind), *p.sort_key))
    nodes = []
    rows = [TABLE_HEADER]
    for index, person in enumerate(ordered):
        # Start at the top and go clockwise (screen y grows downwards).
        angle = -math.pi / 2 + 2 * math.pi * index / len(ordered)
        distance = NEAREST + (MAX_CLOSENESS - person.closeness) / MAX_CLOSENESS * (
            FARTHEST - NEAREST
        )
        balance = _balance(person)
        nodes.append(
            Node(
                name=person.name,
                kind=person.kind,
                x=round(CENTRE + distance * math.cos(angle), 1),
                y=round(CENTRE + distance * math.sin(angle), 1),
                radius=NODE_RADIUS_MIN + person.give + person.receive,
                closeness=person.closeness,
                balance=balance,
                balance_amount=person.receive - person.give,
                boundary=person.boundary,
                leaves_me=person.leaves_me,
            )
        )
        rows.append(
            (
                person.name,
                person.kind.value,
                str(person.closeness),
                str(person.give),
                str(person.receive),
                _BALANCE_WORDS[balance],
                person.boundary.value,
                person.leaves_me.value,
                str(person.trust),
            )
        )
    return MapLayout(SIZE, (CENTRE, CENTRE), CLIENT_RADIUS, tuple(nodes), tuple(rows))
