"""Why the profile says what it says: every reason is a stable code with parameters.

A `Reason` is a `str` (its English text, the developer's wording the CLI prints and the tests
read) that also carries `code` and `params`, so a page can render it in any language without
reading the text (the web's `reasons.render`). Codes are part of the stored profile's contract:
add new ones, never change what an existing one means (docs/reasons.md lists them all).

Profiles stored before codes existed hold only the text. `parse_legacy` reads such text back
into its code and parameters by matching it against the same templates that write it; the
templates are the old sentences word for word, which tests/core/test_profile_pinned.py holds.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from enum import Enum
from functools import cache, lru_cache
from typing import Any

Param = str | int | float | tuple[str, ...]

# Format specs say both how a parameter is written and what type it has when read back:
# `.Nf`/`g` a number, `d` a whole number, `and`/`comma` a list of ids, none a plain id or word.
TEMPLATES: dict[str, str] = {
    # scoring.py
    "unscored.too_few_answers": "{answered:d} of {total:d} items answered; needs {needed:d}",
    "acquiescence.not_estimated": (
        "not estimated: needs answers on items keyed both ways in at least {needed:d} scales, "
        "has {has:d}"
    ),
    "acquiescence.flagged": (
        "agreed with statements and with their opposites alike; the scores may say more "
        "about a habit of agreeing than about the balance itself"
    ),
    "acquiescence.consistent": "answers to statements and to their opposites hang together",
    # findings.py: the Balance Map
    "pattern.unplaced": "{axes:and} could not be placed (too few scales scored)",
    "pattern.placed": (
        "autonomy {autonomy:.0f} {autonomy_side} {midpoint:.0f} and "
        "connection {connection:.0f} {connection_side} {midpoint:.0f}"
    ),
    "pattern.placed_near_midpoint": (
        "autonomy {autonomy:.0f} {autonomy_side} {midpoint:.0f} and "
        "connection {connection:.0f} {connection_side} {midpoint:.0f}; "
        "{near:and} close to the midpoint, so this could tip either way"
    ),
    # the stage
    "stage.unscored": (
        "not enough of dependence, over-independence and interdependence was scored"
    ),
    "stage.mixed": (
        "{top} ({top_affinity:.2f}) and {second} ({second_affinity:.2f}) are within "
        "{within:g}: a mixed picture"
    ),
    "stage.leads": "{top} ({top_affinity:.2f}) leads {second} ({second_affinity:.2f}) by {gap:.2f}",
    # boundaries
    "boundaries.unscored": "needs both rigid and porous boundaries scored",
    "boundaries.mixed": (
        "both rigid and porous are high: guarded in some places, giving way in others "
        "(rigid {rigid:.2f}, porous {porous:.2f}; high means > {high:g})"
    ),
    "boundaries.rigid": (
        "rigid is high and porous is not (rigid {rigid:.2f}, porous {porous:.2f}; "
        "high means > {high:g})"
    ),
    "boundaries.porous": (
        "porous is high and rigid is not (rigid {rigid:.2f}, porous {porous:.2f}; "
        "high means > {high:g})"
    ),
    "boundaries.balanced": (
        "neither rigid nor porous is high (rigid {rigid:.2f}, porous {porous:.2f}; "
        "high means > {high:g})"
    ),
    # the focus
    "focus.unplaced": "the balance could not be placed on the map",
    "focus.dependent": (
        "leaning on others more than on yourself: "
        "autonomy {autonomy:.0f}, connection {connection:.0f} (50 is the midpoint)"
    ),
    "focus.over_independent": (
        "standing alone more than letting people in: "
        "autonomy {autonomy:.0f}, connection {connection:.0f} (50 is the midpoint)"
    ),
    "focus.interdependent": (
        "both sides are present; the work is keeping them in balance: "
        "autonomy {autonomy:.0f}, connection {connection:.0f} (50 is the midpoint)"
    ),
    "focus.withdrawn": (
        "low on both sides, so small steps in both directions rather than one push: "
        "autonomy {autonomy:.0f}, connection {connection:.0f} (50 is the midpoint)"
    ),
    # barriers: what the person agreed with, one group of items per pull or history
    "barrier.agreed": "{groups:groups}",
    # risks: the rule (and why it could not be judged) and the plain explanation
    "risk.isolation": "rigid_boundaries high (> 3.5) and interdependence below 3",
    "risk.difficulty_asking_for_help": "over_independence high (> 3.5)",
    "risk.strained_relationships": "over_independence high and vulnerability_fear high (> 3.5)",
    "risk.over_dependence_on_others": "dependence high (> 3.5)",
    "risk.lack_of_agency": "autonomy below 35 of 100",
    "risk.enmeshment": "confluence high (> 3.5) and porous_boundaries above 3",
    "risk.isolation.explanation": (
        "Keeping people at a distance, with little give and take, can leave you more alone "
        "than you would choose."
    ),
    "risk.difficulty_asking_for_help.explanation": (
        "Managing alone as a habit can make it hard to ask for help, even when you need it."
    ),
    "risk.strained_relationships.explanation": (
        "When trusting or relying on others feels unsafe, relationships can take the strain."
    ),
    "risk.over_dependence_on_others.explanation": (
        "Leaning on others to decide or to reassure you can leave your own judgement unused."
    ),
    "risk.lack_of_agency.explanation": (
        "With little sense of steering your own life, it is easy to feel powerless or unfulfilled."
    ),
    "risk.enmeshment.explanation": (
        "When your wants blur into other people's and no is hard to say, you can lose "
        "yourself in a relationship."
    ),
    # recommend.py and session_plan.py
    "question.fits_focus": "fits the focus: {focus}",
    "question.fits_stage": "fits the stage: {stage}",
    "question.high_scale": "speaks to a high {scale} score",
    "question.leading_barrier": "speaks to a leading barrier: {barrier}",
    "question.from_method": "one of the method's own questions",
    "question.general": "a general question for any profile",
    "question.session_phase": "asked in this phase of a session",
    "experiment.direction": "low stakes, {direction:words}, for the focus {focus}",
    "experiment.high_scale": "works on a high {scale} score",
    "experiment.moderate_scale": "works on a moderate {scale} score",
    # ladder.py: where a direction's ladder stands, and why an experiment is suggested
    "ladder.top": "On the {rung} rung {direction:words}, the top of the ladder.",
    "ladder.climbing": (
        "On the {rung} rung {direction:words}: {done:d} of {needed:d} reflected successes at "
        "this level so far before moving up."
    ),
    "ladder.consolidate": "This one is {stakes} stakes, to consolidate.",
    "ladder.set_aside_before": "You set this one aside before; it may look different now.",
    # profile.py: the notes under every profile, and the pulse check-in's
    "note.not_a_diagnosis": (
        "This profile is for reflection, not diagnosis: it describes how you answered today, "
        "in your own terms, and is a starting point for conversation."
    ),
    "note.no_norms_yet": (
        "Levels are fixed points on the answer scale (low below 2.5, high above 3.5), "
        "not comparisons with other people."
    ),
    "note.some_unscored": (
        "Some scales had too few answers to score ({scales:comma}); the findings that need them "
        "are left out rather than guessed."
    ),
    "note.acquiescence": (
        "You agreed with many statements and with their opposites too, so read these "
        "scores lightly and talk them through."
    ),
    "pulse.estimate": "A quick estimate from single items: watch the trend, not one week's number.",
}
# A risk that could not be judged says which of its scales were missing, after its rule.
UNJUDGED_SUFFIX = "; not judged: {missing:comma} not scored"
for _risk in [code for code in TEMPLATES if code.count(".") == 1 and code.startswith("risk.")]:
    TEMPLATES[f"{_risk}.unjudged"] = TEMPLATES[_risk] + UNJUDGED_SUFFIX

# The pulls and histories a barrier's items point to ("barrier.agreed" groups name them).
PULLS: dict[str, str] = {
    "individualist_pull": "the individualist pull (needing help means not coping)",
    "communal_pull": "the communal pull (deferring to family comes first)",
    "controlling_caregivers": "controlling caregivers",
    "enmeshed_family": "an enmeshed family",
    "betrayal_of_trust": "a betrayal of trust",
    "old_experiences": "old experiences still steering",
}
PULL_CODES = {text: code for code, text in PULLS.items()}

# Stored text that matches no template (for instance hand-edited data) keeps its words.
LEGACY_TEXT = "legacy.text"


def _group_text(group: str) -> str:
    pull, _, ids = group.partition("=")
    return f"{PULLS[pull]}: {ids.replace(',', ', ')}"


# How a list-valued parameter is written into the English text, by its format spec.
_WRITERS: dict[str, Callable[[Any], str]] = {
    "and": " and ".join,
    "comma": ", ".join,
    "words": lambda value: str(value).replace("_", " "),
    "groups": lambda value: "; ".join(_group_text(group) for group in value),
}


# A number's text by its spec, remembered: `format(3.25, ".2f")` costs CPython some 3,500
# instructions (it works the decimal digits out exactly), and profiles write the same few
# hundred scale scores, affinities and axis values again and again. Keyed by the number alone,
# never by anything else of a person, so the text is exactly what `format` writes for it. Only
# nonzero floats are kept: 0.0 and -0.0 are equal keys written differently, and so are 3 and
# 3.0 under "g"; NaN is never equal to itself. A few thousand numbers at most are kept.
_NUMBER_TEXT: dict[str, dict[float, str]] = {}
_NUMBERS_KEPT = 4096


def _number_text(value: object, spec: str) -> str:
    if type(value) is not float or not value or value != value:
        return format(value, spec)
    known = _NUMBER_TEXT.setdefault(spec, {})
    text = known.get(value)
    if text is None:
        if len(known) >= _NUMBERS_KEPT:
            known.clear()
        text = known[value] = format(value, spec)
    return text


@cache
def _english_template(
    code: str,
) -> tuple[str, tuple[tuple[str, Callable[[Any], str]], ...], tuple[tuple[str, str], ...]]:
    """The template with our own specs and the numbers' specs taken out (so C's
    `str.format_map` only places text), the parameters those specs turn into text first, and
    the numbers with their specs (each name once: the midpoint is written twice, alike)."""
    fields = list(string.Formatter().parse(TEMPLATES[code]))
    specs: dict[str, set[str]] = {}
    for _, name, spec, _ in fields:
        if name is not None:
            specs.setdefault(name, set()).add(spec or "")
    parts, writers, numbers = [], {}, {}
    for literal, name, spec, _ in fields:
        parts.append(literal.replace("{", "{{").replace("}", "}}"))
        if name is None:
            continue
        if spec in _WRITERS:
            writers[name] = _WRITERS[spec]
            parts.append(f"{{{name}}}")
        elif spec and len(specs[name]) == 1:  # one spec wherever it is written: done first
            numbers[name] = spec
            parts.append(f"{{{name}}}")
        else:
            parts.append(f"{{{name}:{spec}}}" if spec else f"{{{name}}}")
    return "".join(parts), tuple(writers.items()), tuple(numbers.items())


def english(code: str, params: Mapping[str, Param]) -> str:
    """The reason's English text (the words the first profile form stored)."""
    template, writers, numbers = _english_template(code)
    if writers or numbers:
        params = dict(params)
        for name, write in writers:
            params[name] = write(params[name])
        for name, spec in numbers:
            params[name] = _number_text(params[name], spec)
    return template.format_map(params)


class Reason(str):
    """English text with the code and parameters it was written from."""

    code: str
    params: Mapping[str, Param]
    # The parameters as JSON writes them (lists, not tuples): read by `to_json` and by the
    # profile's writer (core/profile_writer.py), never changed.
    json_params: dict[str, Any]

    def __new__(cls, code: str, params: Mapping[str, Param] | None = None) -> Reason:
        # An id may come as the vocabulary's StrEnum member: stored as its plain id. JSON has
        # lists, not tuples: `json_params` is worked out once per reason, in the same walk.
        plain: dict[str, Any] = {}
        json_params: dict[str, Any] = {}
        if params:
            for key, value in params.items():
                if isinstance(value, Enum):
                    value = value._value_
                plain[key] = value
                json_params[key] = list(value) if isinstance(value, tuple) else value
        text = str(plain["text"]) if code == LEGACY_TEXT else english(code, plain)
        made = str.__new__(cls, text)
        made.code = code
        made.params = plain
        made.json_params = json_params
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (Reason, (self.code, dict(self.params)))

    def to_json(self) -> dict[str, Any]:
        """`{"code", "params"}`, as a profile stores it (a fresh dict for every caller)."""
        return {"code": self.code, "params": self.json_params.copy()}


@lru_cache(maxsize=4096)
def _cached(code: str, params: tuple[tuple[str, Param], ...]) -> Reason:
    return Reason(code, dict(params))


# Reasons without parameters (most of a profile's), one per code: a dictionary look-up instead
# of the cache's key and its bookkeeping.
_CONSTANT: dict[str, Reason] = {}


def reason(code: str, **params: Param) -> Reason:
    """The Reason for `code` with `params`; the same reason is made once and shared, so a
    profile's many constant reasons (risk rules, notes, question matches) cost a lookup."""
    if not params:
        made = _CONSTANT.get(code)
        if made is None:
            made = _CONSTANT[code] = Reason(code)
        return made
    return _cached(code, tuple(params.items()))


def from_stored(data: object) -> Reason:
    """A reason as a profile stored it: `{"code", "params"}`, or the text of the first form."""
    if isinstance(data, Reason):
        return data
    if isinstance(data, str):
        return parse_legacy(data)
    if isinstance(data, Mapping) and isinstance(data.get("code"), str):
        code = data["code"]
        raw = data.get("params") or {}
        if (code in TEMPLATES or code == LEGACY_TEXT) and isinstance(raw, Mapping):
            params = {
                str(key): tuple(str(v) for v in value) if isinstance(value, list) else value
                for key, value in raw.items()
            }
            try:
                return Reason(code, params)
            except (KeyError, ValueError, TypeError) as error:
                raise ValueError(f"reason {code!r} has parameters it cannot use") from error
    raise ValueError(f"not a reason: {data!r}")


# Reading the first form back ------------------------------------------------------------------

_NUMBER = r"-?\d+(?:\.\d+)?"


def _field_pattern(name: str, spec: str) -> str:
    if spec.endswith("f") or spec == "g":
        body = _NUMBER
    elif spec == "d":
        body = r"-?\d+"
    elif spec == "groups":
        one = "(?:" + "|".join(re.escape(text) for text in PULLS.values()) + r"): [a-z0-9, ]+"
        body = f"{one}(?:; {one})*"
    else:
        body = ".+?"
    return f"(?P<{name}>{body})"


@cache
def _compiled() -> tuple[tuple[str, re.Pattern[str], dict[str, str]], ...]:
    compiled = []
    for code, template in TEMPLATES.items():
        pattern, specs, seen = [], {}, set()
        for literal, name, spec, _ in string.Formatter().parse(template):
            pattern.append(re.escape(literal))
            if name is None:
                continue
            if name in seen:  # a repeated field (the midpoint) must say the same both times
                pattern.append(f"(?P={name})")
                continue
            seen.add(name)
            specs[name] = spec or ""
            pattern.append(_field_pattern(name, spec or ""))
        compiled.append((code, re.compile("".join(pattern)), specs))
    # The longer template first, so "rule; not judged: ..." is not read as the bare rule.
    compiled.sort(key=lambda row: -len(row[1].pattern))
    return tuple(compiled)


def _read(value: str, spec: str) -> Param:
    if spec == "d":
        return int(value)
    if spec.endswith("f") or spec == "g":
        return float(value)
    if spec == "and":
        return tuple(value.split(" and "))
    if spec == "comma":
        return tuple(value.split(", "))
    if spec == "words":
        return value.replace(" ", "_")
    if spec == "groups":
        groups = []
        for part in value.split("; "):
            label, _, ids = part.rpartition(": ")
            groups.append(f"{PULL_CODES[label]}={ids.replace(', ', ',')}")
        return tuple(groups)
    return value


@lru_cache(maxsize=4096)
def parse_legacy(text: str) -> Reason:
    """The code and parameters behind a reason stored as text by the first profile form."""
    for code, pattern, specs in _compiled():
        found = pattern.fullmatch(text)
        if found is None:
            continue
        params = {name: _read(found.group(name), spec) for name, spec in specs.items()}
        made = Reason(code, params)
        if str(made) == text:  # reads back to the very same words, or is not this code
            return made
    return Reason(LEGACY_TEXT, {"text": text})
