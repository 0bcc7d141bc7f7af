"""The profile's stored JSON: written fast, each scale's evidence once; read in any form.

The first form (until December 2026) wrote every finding's evidence out in full (each scale
with all its answers, again for every finding that used it: about 42 kB a profile) and every
reason as English text. The second form names the scales (`"evidence": ["dependence"]`),
whose scores and answers are in the profile's `scales` once, and writes every reason as
`{"code": ..., "params": {...}}` (core/reasons.py); it is still `Profile.to_dict`, the JSON of
the API and the command line. Layout 3 (core/profile_stored.py, `Profile.to_stored`, what
assessments store from December 2026) is read by writing it out in the second form first.
`profile_from_stored` turns any form into the second, so `Profile.from_dict` and the web's
presenters read one shape.

`plain_profile_json` walks the frozen tree directly instead of through `dataclasses.fields`:
the field names of each class are read once, a reason writes its code and parameters, an enum
its id. `Profile.to_dict` uses the faster `core/profile_writer.py`, which knows each class's
fields; the walker is the plain path it is tested against.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any

from interplay.core.from_json import ShapeError
from interplay.core.profile_stored import is_layout_3, readable
from interplay.core.reasons import Reason
from interplay.core.scoring import ScaleScore

# Findings whose `evidence` is a list of scales (balance ... focus), and the lists of them.
FINDINGS = ("balance", "stage", "boundaries", "confluence", "focus")
FINDING_LISTS = ("barriers", "risks")

_PLAIN = frozenset((str, int, float, bool, type(None)))
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _names(kind: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = tuple(field.name for field in dataclasses.fields(kind))
        _FIELD_NAMES[kind] = names
    return names


_ENUMS: set[type] = set()  # the vocabulary's enums met so far: their members write their ids


def _plain(value: Any) -> Any:
    kind = type(value)
    names = _FIELD_NAMES.get(kind)
    if names is not None:  # a dataclass met before: the most common case, tested first
        return _fields(value, names)
    if kind is Reason:
        return value.to_json()
    if kind in _ENUMS:
        return value._value_
    if kind in _PLAIN:
        return value
    if isinstance(value, Enum):
        _ENUMS.add(kind)
        return value._value_
    if kind is tuple or kind is list:
        return _items(value)
    if kind is ScaleScore:
        return _scale(value)
    if dataclasses.is_dataclass(value):
        return _fields(value, _names(kind))
    if isinstance(value, Mapping):
        return {str(_plain(key)): _plain(item) for key, item in value.items()}
    raise TypeError(f"cannot store a {kind.__name__} in a profile")


def _fields(value: Any, names: tuple[str, ...]) -> dict[str, Any]:
    # Plain values, reasons and enum members are written here without a call of `_plain`:
    # they are most of a profile's fields.
    attributes = value.__dict__
    data = {}
    for name in names:
        field = attributes[name]
        kind = type(field)
        if kind in _PLAIN:
            data[name] = field
        elif kind is Reason:
            data[name] = field.to_json()
        elif kind in _ENUMS:
            data[name] = field._value_
        elif name == "evidence":
            data[name] = [score.scale._value_ for score in field]
        elif kind is tuple:
            data[name] = _items(field)
        else:
            data[name] = _plain(field)
    return data


def _items(values: tuple[Any, ...] | list[Any]) -> list[Any]:
    # A profile's lists hold reasons, scales and findings: written here by kind, the rest
    # (enum members, nested lists) by `_plain`.
    written = []
    for item in values:
        kind = type(item)
        if kind in _PLAIN:
            written.append(item)
        elif kind is Reason:
            written.append(item.to_json())
        elif kind is ScaleScore:
            written.append(_scale(item))
        else:
            names = _FIELD_NAMES.get(kind)
            written.append(_plain(item) if names is None else _fields(item, names))
    return written


def _scale(score: ScaleScore) -> dict[str, Any]:
    # An ItemAnswer's attributes are its fields, all plain (ids, text, numbers, a flag): its
    # dictionary is its JSON, copied so no two profiles share one.
    return {
        "scale": score.scale._value_,
        "score": score.score,
        "level": score.level._value_,
        "answered": score.answered,
        "total": score.total,
        "answers": [answer.__dict__.copy() for answer in score.answers],
    }


def plain_profile_json(profile: object) -> dict[str, Any]:
    """Any frozen tree walked field by field: the plain path `profile_writer` (the one
    `Profile.to_dict` uses) is held to in tests/core/test_profile_writer.py."""
    data: dict[str, Any] = _plain(profile)
    return data


def _scale_names(rows: object) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for row in rows if isinstance(rows, list) else ():
        if isinstance(row, Mapping) and isinstance(row.get("scale"), str):
            found[row["scale"]] = row
    return found


def _evidence(rows: object, path: str) -> object:
    """A finding's evidence in the second form: the scales' names (the first form's full
    copies are read by their `scale`)."""
    if not isinstance(rows, list):
        return rows  # not a list: left for from_jsonable to name the fault
    named = []
    for row in rows:
        name = row.get("scale") if isinstance(row, Mapping) else row
        if not isinstance(name, str):
            raise ValueError(f"{path}: evidence must name scales, got {row!r}")
        named.append(name)
    return named


def readable_profile(data: Any) -> Any:
    """A stored profile as its readers expect it: layout 3 written out in the second form,
    any other form (or nothing) as it is. What a loaded assessment holds (web/assessments)."""
    return readable(data) if is_layout_3(data) else data


def stored_evidence(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """The stored profile with every finding's evidence as scale names, whichever form it was
    stored in: what the web's presenters read (scales looked up in `data["scales"]`)."""
    if is_layout_3(data):  # compact (core/profile_stored.py): written out as the second form
        return readable(data)
    return _with_evidence(data, _evidence)


def profile_from_stored(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """Any stored form, with each finding's evidence written out from `scales`: the shape
    the frozen dataclasses are rebuilt from (`from_jsonable` reads reasons in both forms)."""
    if not isinstance(data, Mapping):
        raise ShapeError(f"Profile: expected an object, got {type(data).__name__}")
    try:
        named = stored_evidence(data)
    except ValueError as error:
        raise ShapeError(f"Profile.{error}") from error
    scales = _scale_names(named.get("scales"))

    def written_out(names: object, path: str) -> object:
        if not isinstance(names, list):
            return names
        missing = [name for name in names if name not in scales]
        if missing:
            raise ShapeError(f"Profile.{path}.evidence: {missing[0]!r} is not a scored scale")
        return [scales[name] for name in names]

    return _with_evidence(named, written_out)


def _with_evidence(data: Mapping[str, Any], change: Callable[[Any, str], object]) -> dict[str, Any]:
    """`data` with every finding's evidence (the single findings and each row of the finding
    lists) replaced by `change(evidence, path)`; everything else as it was."""
    result = dict(data)
    for key in FINDINGS:
        part = data.get(key)
        if isinstance(part, Mapping) and "evidence" in part:
            result[key] = {**part, "evidence": change(part["evidence"], key)}
    for key in FINDING_LISTS:
        rows = data.get(key)
        if isinstance(rows, list):
            result[key] = [
                {**row, "evidence": change(row["evidence"], f"{key}[{i}]")}
                if isinstance(row, Mapping) and "evidence" in row
                else row
                for i, row in enumerate(rows)
            ]
    return result
