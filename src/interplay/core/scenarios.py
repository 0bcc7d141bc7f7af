"""Role-play scenarios: who the counterpart is, how they open, and what they say back.

Scenarios are content, shipped in `content/scenarios.toml` and written by coaches in the app.
Both go through the same validation (`load_scenarios` for files, `parse_scenario` for one
mapping), so a coach's scenario is refused with the same message a broken shipped file gets:
unknown tag, duplicate id, missing field, too few lines for a response.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from interplay.core.content_files import (
    CONTENT_DIR,
    ContentError,
    Field,
    integer_between,
    load_entries,
    one_of,
    text,
)
from interplay.core.vocabulary import Direction, RelationshipKind, Stakes

SCENARIOS_FILE = CONTENT_DIR / "scenarios.toml"
MIN_TURNS = 4
MAX_TURNS = 8
DEFAULT_MAX_TURNS = 6


class Response(StrEnum):
    """The ways the counterpart can answer, one list of lines each in a scenario."""

    RESPECT = "respect"  # accepts a clear, kind statement; also what they say once settled
    TEST = "test"  # tests a clear statement once, to see whether it holds
    PUSH = "push"  # pushes harder on a hedged or over-apologetic reply
    DEFEND = "defend"  # gets defensive when blamed
    ANSWER = "answer"  # gives a concrete answer to a clear request
    NEUTRAL = "neutral"  # asks what is meant when the reply is unclear


# The test is optional (some people simply accept a clear no); a test is used once per run,
# so one line is enough. Every other response needs two lines at least so the counterpart
# does not repeat itself at once.
MIN_LINES = {response: 2 for response in Response} | {Response.TEST: 0}


@dataclass(frozen=True)
class Counterpart:
    name: str
    relationship: str  # as the person would say it: "your manager"
    kind: RelationshipKind
    manner: str


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    direction: Direction
    stakes: Stakes
    situation: str
    feared_outcome: str
    counterpart: Counterpart
    opening: str
    responses: dict[Response, tuple[str, ...]]
    max_turns: int = DEFAULT_MAX_TURNS


def _counterpart(value: Any) -> Counterpart:
    if not isinstance(value, Mapping):
        raise ValueError("must be a table with name, relationship, kind and manner")
    unknown = sorted(set(value) - {"name", "relationship", "kind", "manner"})
    if unknown:
        raise ValueError(f"has unknown field(s): {', '.join(unknown)}")
    parts: dict[str, Any] = {}
    for name, convert in (
        ("name", text),
        ("relationship", text),
        ("kind", one_of(RelationshipKind)),
        ("manner", text),
    ):
        if name not in value:
            raise ValueError(f"is missing '{name}'")
        try:
            parts[name] = convert(value[name])
        except ValueError as error:
            raise ValueError(f"'{name}' {error}") from None
    return Counterpart(**parts)


def _responses(value: Any) -> dict[Response, tuple[str, ...]]:
    if not isinstance(value, Mapping):
        raise ValueError("must be a table of response lines")
    allowed = ", ".join(response.value for response in Response)
    unknown = sorted(set(value) - {response.value for response in Response})
    if unknown:
        raise ValueError(f"unknown tag(s): {', '.join(unknown)} (expected: {allowed})")
    responses: dict[Response, tuple[str, ...]] = {}
    for response in Response:
        lines = value.get(response.value, [])
        if not isinstance(lines, list) or not all(
            isinstance(line, str) and line.strip() for line in lines
        ):
            raise ValueError(f"'{response.value}' must be a list of non-empty lines")
        if len(lines) < MIN_LINES[response]:
            raise ValueError(
                f"'{response.value}' needs at least {MIN_LINES[response]} lines "
                f"(it has {len(lines)})"
            )
        if len(set(lines)) != len(lines):
            raise ValueError(f"'{response.value}' repeats a line")
        responses[response] = tuple(line.strip() for line in lines)
    return responses


FIELDS = (
    Field("title", text),
    Field("direction", one_of(Direction)),
    Field("stakes", one_of(Stakes)),
    Field("situation", text),
    Field("feared_outcome", text),
    Field("counterpart", _counterpart),
    Field("opening", text),
    Field("responses", _responses),
    Field(
        "max_turns",
        integer_between(MIN_TURNS, MAX_TURNS),
        required=False,
        default=DEFAULT_MAX_TURNS,
    ),
)


def load_scenarios(path: Path = SCENARIOS_FILE) -> tuple[Scenario, ...]:
    return tuple(Scenario(**entry) for entry in load_entries(path, "scenario", FIELDS))


@cache
def scenario_library() -> tuple[Scenario, ...]:
    """The shipped scenarios, read and validated once per process."""
    return load_scenarios()


def scenario_by_id(scenario_id: str) -> Scenario:
    for scenario in scenario_library():
        if scenario.id == scenario_id:
            return scenario
    raise KeyError(scenario_id)


def parse_scenario(
    mapping: Mapping[str, Any],
    existing_ids: frozenset[str] = frozenset(),
    source: str = "scenario",
) -> Scenario:
    """Validate one scenario written by a coach, with the rules and messages of the shipped
    file. `existing_ids` are the ids it must not repeat (the shipped ones and the coach's
    own); `source` names where it came from in the message."""
    raw_id = mapping.get("id")
    label = raw_id if isinstance(raw_id, str) and raw_id.strip() else None
    if label is None:
        raise ContentError(source, None, "missing field 'id'")
    if label in existing_ids:
        raise ContentError(source, label, "duplicate id")
    known = {"id"} | {field.name for field in FIELDS}
    unknown = sorted(set(mapping) - known)
    if unknown:
        raise ContentError(source, label, f"unknown field(s): {', '.join(unknown)}")
    entry: dict[str, Any] = {"id": label}
    for field in FIELDS:
        if field.name not in mapping:
            if field.required:
                raise ContentError(source, label, f"missing field '{field.name}'")
            entry[field.name] = field.default
            continue
        convert: Callable[[Any], Any] = field.convert
        try:
            entry[field.name] = convert(mapping[field.name])
        except ValueError as error:
            raise ContentError(source, label, f"field '{field.name}' {error}") from None
    return Scenario(**entry)


def scenario_to_dict(scenario: Scenario) -> dict[str, Any]:
    """Every field as plain data, in the shape `parse_scenario` accepts back."""
    return {
        "id": scenario.id,
        "title": scenario.title,
        "direction": scenario.direction.value,
        "stakes": scenario.stakes.value,
        "situation": scenario.situation,
        "feared_outcome": scenario.feared_outcome,
        "counterpart": {
            "name": scenario.counterpart.name,
            "relationship": scenario.counterpart.relationship,
            "kind": scenario.counterpart.kind.value,
            "manner": scenario.counterpart.manner,
        },
        "opening": scenario.opening,
        "responses": {
            response.value: list(lines) for response, lines in scenario.responses.items()
        },
        "max_turns": scenario.max_turns,
    }
