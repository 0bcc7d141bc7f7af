"""The profile as an assessment stores it: layout 3, compact, read back into the second form.

Storing a profile is `json.dumps` of what is written here (Django's JSONField), and the C
encoder's cost follows the text's shape: every object is turned into a list of pairs, every
key and string is escaped character by character, every list and object is checked for
cycles. The second form (`Profile.to_dict`, docs/profile.schema.json) has some 175 objects,
565 keys and 7 kB of strings a profile, half of them the items' wording copied into every
answer. Layout 3 writes the same values with less of each:

- each finding is a list of its values in a fixed order (the names below), not an object;
- the answers are one string of digits, one an item in the instrument's order ("0": not among
  the scored scales' answers); an answer's wording, reverse flag and keyed value are the
  instrument's, which its version fixes (core/instrument.py: re-keying, adding or removing an
  item changes the version), so they are looked up when the profile is read;
- a reason without parameters is its code alone, one with them `[code, params]`;
- a finding's evidence (and an axis's missing scales) is the scale names joined by spaces.

`readable(data)` turns layout 3 back into the second form, key for key, which every reader
(`Profile.from_dict`, the web's presenters) already understands; the round trip is held to
`Profile.to_dict` in tests/core/test_profile_layouts.py. A profile in layout 3 can be read only
by code that ships the instrument version it names: an instrument change must keep the old
version's items readable (the fixture `profiles_v3.json` fails until it does).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from interplay.core.from_json import ShapeError
from interplay.core.instrument import Item, instrument_items, instrument_version

if TYPE_CHECKING:  # the writer reads these classes' fields; profile.py imports this module
    from interplay.core.balance import Axis
    from interplay.core.profile import Profile
    from interplay.core.reasons import Reason

LAYOUT = 3
Json = dict[str, Any]

# Field names of each finding, in the order layout 3 writes their values. A name followed by
# a kind is read that way; a plain name holds a plain value (number, id, flag or None).
REASON, REASONS, NAMES = "reason", "reasons", "names"
PART = ("scale", "score", "inverted", "weight", "value")
AXIS = (("score",), ("parts", (PART,)), ("missing", NAMES))
AFFINITY = ("stage", "affinity", "rule")
SCALE = ("scale", "score", "level", "answered", "total")
UNSCORED = (("scale",), ("answered",), ("total",), ("needed",), ("reason", REASON))
BALANCE = (
    ("autonomy",),
    ("connection",),
    ("pattern",),
    ("pattern_reason", REASON),
    ("near_midpoint",),
    ("autonomy_axis", AXIS),
    ("connection_axis", AXIS),
    ("evidence", NAMES),
)
STAGE = (
    ("primary",),
    ("confidence",),
    ("mixed",),
    ("runner_up",),
    ("affinities", (AFFINITY,)),
    ("reason", REASON),
    ("evidence", NAMES),
)
BOUNDARIES = (
    ("style",),
    ("rigid",),
    ("rigid_level",),
    ("porous",),
    ("porous_level",),
    ("reason", REASON),
    ("evidence", NAMES),
)
CONFLUENCE = (("score",), ("level",), ("evidence", NAMES))
BARRIER = (
    ("barrier",),
    ("rank",),
    ("score",),
    ("level",),
    ("detail", REASON),
    ("evidence", NAMES),
)
RISK = (
    ("risk",),
    ("flagged",),
    ("assessable",),
    ("rule", REASON),
    ("explanation", REASON),
    ("evidence", NAMES),
)
FOCUS = (("focus",), ("reason", REASON), ("evidence", NAMES))
QUESTION = (("id",), ("text",), ("reasons", REASONS))
EXPERIMENT = (
    ("id",),
    ("title",),
    ("text",),
    ("direction",),
    ("stakes",),
    ("reasons", REASONS),
)
ACQUIESCENCE = (
    ("index",),
    ("balanced_scales",),
    ("mean_agreement",),
    ("flagged",),
    ("note", REASON),
)
FINDINGS: dict[str, tuple[Any, ...]] = {
    "balance": BALANCE,
    "stage": STAGE,
    "boundaries": BOUNDARIES,
    "confluence": CONFLUENCE,
    "focus": FOCUS,
    "acquiescence": ACQUIESCENCE,
}
ROWS: dict[str, tuple[Any, ...]] = {"unscored": UNSCORED, "barriers": BARRIER, "risks": RISK}
PICKS: dict[str, tuple[Any, ...]] = {"questions": QUESTION, "experiments": EXPERIMENT}
PLAIN = ("instrument_version", "answered", "total_items")
ORDER = (  # the second form's keys, in `profile_writer`'s order
    *PLAIN,
    "scales",
    "unscored",
    "balance",
    "stage",
    "boundaries",
    "confluence",
    "barriers",
    "risks",
    "focus",
    "questions",
    "experiments",
    "acquiescence",
    "notes",
)


# ---- writing ------------------------------------------------------------------------------


def _reason(why: Reason | None) -> Any:
    if why is None:
        return None
    params = why.json_params
    return [why.code, params.copy()] if params else why.code


def _reasons(reasons: tuple[Reason, ...]) -> list[Any]:
    return [[why.code, why.json_params.copy()] if why.json_params else why.code for why in reasons]


def _axis(axis: Axis) -> list[Any]:
    return [
        axis.score,
        [
            [part.scale._value_, part.score, part.inverted, part.weight, part.value]
            for part in axis.parts
        ],
        " ".join([scale._value_ for scale in axis.missing]),
    ]


def _id(member: Any) -> Any:
    return None if member is None else member._value_


def _evidence(scores: tuple[Any, ...]) -> str:
    return " ".join([score.scale._value_ for score in scores])


@cache
def _positions() -> dict[str, int]:
    return {item.id: position for position, item in enumerate(instrument_items())}


def stored_json(profile: Profile) -> Json:
    """Layout 3 of `profile`: what an assessment stores (`Profile.to_stored`)."""
    positions = _positions()
    digits = ["0"] * len(positions)
    scales = []
    for score in profile.scales:
        for answer in score.answers:
            digits[positions[answer.item_id]] = _DIGITS[answer.answer]
        scales.append(
            [score.scale._value_, score.score, score.level._value_, score.answered, score.total]
        )
    balance, stage, found = profile.balance, profile.stage, profile.boundaries
    confluence, focus, acquiescence = profile.confluence, profile.focus, profile.acquiescence
    return {
        "layout": LAYOUT,
        "instrument_version": profile.instrument_version,
        "answered": profile.answered,
        "total_items": profile.total_items,
        "answers": "".join(digits),
        "scales": scales,
        "unscored": [
            [row.scale._value_, row.answered, row.total, row.needed, _reason(row.reason)]
            for row in profile.unscored
        ],
        "balance": [
            balance.autonomy,
            balance.connection,
            _id(balance.pattern),
            _reason(balance.pattern_reason),
            balance.near_midpoint,
            _axis(balance.autonomy_axis),
            _axis(balance.connection_axis),
            _evidence(balance.evidence),
        ],
        "stage": [
            _id(stage.primary),
            stage.confidence,
            stage.mixed,
            _id(stage.runner_up),
            [[row.stage._value_, row.affinity, row.rule] for row in stage.affinities],
            _reason(stage.reason),
            _evidence(stage.evidence),
        ],
        "boundaries": [
            _id(found.style),
            found.rigid,
            _id(found.rigid_level),
            found.porous,
            _id(found.porous_level),
            _reason(found.reason),
            _evidence(found.evidence),
        ],
        "confluence": [confluence.score, _id(confluence.level), _evidence(confluence.evidence)],
        "barriers": [
            [
                row.barrier._value_,
                row.rank,
                row.score,
                row.level._value_,
                _reason(row.detail),
                _evidence(row.evidence),
            ]
            for row in profile.barriers
        ],
        "risks": [
            [
                row.risk._value_,
                row.flagged,
                row.assessable,
                _reason(row.rule),
                _reason(row.explanation),
                _evidence(row.evidence),
            ]
            for row in profile.risks
        ],
        "focus": [_id(focus.focus), _reason(focus.reason), _evidence(focus.evidence)],
        "questions": [[pick.id, pick.text, _reasons(pick.reasons)] for pick in profile.questions],
        "experiments": [
            [
                pick.id,
                pick.title,
                pick.text,
                pick.direction._value_,
                pick.stakes._value_,
                _reasons(pick.reasons),
            ]
            for pick in profile.experiments
        ],
        "acquiescence": [
            acquiescence.index,
            acquiescence.balanced_scales,
            acquiescence.mean_agreement,
            acquiescence.flagged,
            _reason(acquiescence.note),
        ],
        "notes": _reasons(profile.notes),
    }


_DIGITS = {answer: str(answer) for answer in range(1, 10)}


# ---- reading ------------------------------------------------------------------------------
#
# Paths are strings only when a fault is reported: a profile is read on every page that shows
# one (and up to 400 at once for the practice's reference values), so the happy path builds
# none. A path is a tuple (parent path, name or index) until then.


def is_layout_3(data: object) -> bool:
    return isinstance(data, Mapping) and data.get("layout") == LAYOUT


def readable(data: Mapping[str, Any]) -> Json:
    """A profile stored in layout 3, in the second form (`Profile.to_dict`'s shape).
    `ShapeError` names the path at fault when the data is not layout 3's shape."""
    result: Json = {name: data.get(name) for name in PLAIN}
    result["scales"] = _scales(data)
    for name, kind in ROWS.items():
        result[name] = _rows(data.get(name), _fields(kind), name)
    for name, kind in FINDINGS.items():
        result[name] = _finding(data.get(name), _fields(kind), name)
    for name, kind in PICKS.items():
        result[name] = _rows(data.get(name), _fields(kind), name)
    result["notes"] = _read_reasons(data.get("notes"), "notes")
    return {name: result[name] for name in ORDER}


def _where(path: Any) -> str:
    if isinstance(path, str):
        return path
    parent, step = path
    return f"{_where(parent)}[{step}]" if isinstance(step, int) else f"{_where(parent)}.{step}"


def _fault(path: Any, what: str) -> ShapeError:
    return ShapeError(f"Profile.{_where(path)}: {what}")


@cache
def _fields(kind: tuple[Any, ...]) -> tuple[tuple[str, Any], ...]:
    # every field as (name, how): how is None (plain), a reason kind, NAMES, or the fields of
    # the rows (a one-kind tuple) or of a nested finding
    fields = []
    for field in kind:
        name, how = (field, None) if isinstance(field, str) else (field[0], field[1:] or None)
        if how is not None:
            how = how[0]
            if isinstance(how, tuple):
                how = ("rows", _fields(how[0])) if len(how) == 1 else ("one", _fields(how))
        fields.append((name, how))
    return tuple(fields)


def _finding(values: object, fields: tuple[tuple[str, Any], ...], path: Any) -> Json:
    if type(values) is not list or len(values) != len(fields):
        raise _fault(path, f"expected a list of {len(fields)} values")
    found: Json = {}
    for (name, how), value in zip(fields, values):  # noqa: B905  # lengths checked above
        found[name] = value if how is None else _value(value, how, (path, name))
    return found


def _value(value: object, how: Any, path: Any) -> Any:
    if how == REASON:
        return _read_reason(value, path)
    if how == REASONS:
        return _read_reasons(value, path)
    if how == NAMES:
        if not isinstance(value, str):
            raise _fault(path, "expected scale names in one string")
        return value.split()
    shape, fields = how
    return _rows(value, fields, path) if shape == "rows" else _finding(value, fields, path)


def _rows(values: object, fields: tuple[tuple[str, Any], ...], path: Any) -> list[Json]:
    if type(values) is not list:
        raise _fault(path, "expected a list")
    return [_finding(row, fields, (path, i)) for i, row in enumerate(values)]


def _read_reason(value: object, path: Any) -> Json | None:
    if value is None:
        return None
    if type(value) is str:
        return {"code": value, "params": {}}
    if isinstance(value, list) and len(value) == 2 and isinstance(value[1], Mapping):
        return {"code": value[0], "params": dict(value[1])}
    raise _fault(path, "expected a reason code or [code, params]")


def _read_reasons(values: object, path: Any) -> list[Json | None]:
    if type(values) is not list:
        raise _fault(path, "expected a list of reasons")
    return [_read_reason(value, (path, i)) for i, value in enumerate(values)]


def _scales(data: Mapping[str, Any]) -> list[Json]:
    version, digits = data.get("instrument_version"), data.get("answers")
    if not isinstance(version, str):
        raise _fault("instrument_version", "expected the instrument's version")
    by_scale, count = _answers_by_scale(version)
    if not isinstance(digits, str) or len(digits) != count or digits.strip("012345"):
        raise _fault("answers", f"expected one digit 0 to 5 for each of {count} items")
    rows = data.get("scales")
    if type(rows) is not list:
        raise _fault("scales", "expected a list")
    fields = _fields(SCALE)
    scales = []
    for i, row in enumerate(rows):
        scale = _finding(row, fields, ("scales", i))
        scale["answers"] = [
            answers[digits[position]].copy()
            for position, answers in by_scale.get(scale["scale"], ())
            if digits[position] != "0"
        ]
        scales.append(scale)
    return scales


@cache
def _answers_by_scale(version: str) -> tuple[dict[str, list[tuple[int, Json]]], int]:
    """For each scale, its items' positions in the instrument (in order) with the stored
    answer each digit stands for, made once. Only the shipped instrument's items are known:
    see the module's docstring."""
    if version != instrument_version():
        raise ShapeError(
            f"Profile.instrument_version: layout 3 stored by instrument {version!r}, whose "
            f"items this code does not ship (it has {instrument_version()!r})"
        )
    items = instrument_items()
    by_scale: dict[str, list[tuple[int, Json]]] = {}
    for position, item in enumerate(items):
        answers = {str(answer): _answer(item, answer) for answer in range(1, 6)}
        by_scale.setdefault(item.scale._value_, []).append((position, answers))
    return by_scale, len(items)


def _answer(item: Item, answer: int) -> Json:
    return {
        "item_id": item.id,
        "text": item.text,
        "answer": answer,
        "keyed": item.keyed(answer),
        "reverse": item.reverse,
    }
