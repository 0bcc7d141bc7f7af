"""Every reason the profile gives, in the reader's language: the one place codes become words.

The core writes each reason as a code with parameters (core/reasons.py, docs/reasons.md); this
module holds one translatable sentence per code and turns the parameters' ids into the
vocabulary's names, so no page shows an id (`rigid_boundaries`) or a rule's symbols (`> 3.5`).
Profiles stored before codes hold the English words only: those are read back into their code
by the core first, so they render like new ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal

from django.utils.functional import Promise
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from interplay.core.reasons import LEGACY_TEXT, Reason, from_stored
from interplay.core.vocabulary import Direction
from interplay.web import labels

AXES = {"autonomy": gettext_lazy("autonomy"), "connection": gettext_lazy("connection")}
DIRECTIONS = {
    Direction.TOWARD_AUTONOMY: gettext_lazy("towards autonomy"),
    Direction.TOWARD_CONNECTION: gettext_lazy("towards connection"),
}
RUNGS = {"low": gettext_lazy("low"), "medium": gettext_lazy("medium"), "high": gettext_lazy("high")}
PULLS = {
    "individualist_pull": gettext_lazy("the individualist pull (needing help means not coping)"),
    "communal_pull": gettext_lazy("the communal pull (deferring to family comes first)"),
    "controlling_caregivers": gettext_lazy("controlling caregivers"),
    "enmeshed_family": gettext_lazy("an enmeshed family"),
    "betrayal_of_trust": gettext_lazy("a betrayal of trust"),
    "old_experiences": gettext_lazy("old experiences still steering"),
}


MESSAGES: dict[str, Promise] = {
    "unscored.too_few_answers": gettext_lazy(
        "%(answered)d of %(total)d statements answered; %(needed)d are needed"
    ),
    "acquiescence.not_estimated": gettext_lazy(
        "not estimated: this needs answers to statements worded both ways in at least "
        "%(needed)d scales, and there are %(has)d"
    ),
    "acquiescence.flagged": gettext_lazy(
        "agreed with statements and with their opposites alike; the scores may say more "
        "about a habit of agreeing than about the balance itself"
    ),
    "acquiescence.consistent": gettext_lazy(
        "answers to statements and to their opposites hang together"
    ),
    "pattern.unplaced": gettext_lazy("%(axes)s could not be placed (too few scales scored)"),
    "pattern.placed": gettext_lazy(
        "autonomy %(autonomy).0f and connection %(connection).0f out of 100 (50 is the midpoint)"
    ),
    "pattern.placed_near_midpoint": gettext_lazy(
        "autonomy %(autonomy).0f and connection %(connection).0f out of 100 (50 is the "
        "midpoint); %(near)s close to the midpoint, so this could tip either way"
    ),
    "stage.unscored": gettext_lazy(
        "not enough of leaning on others, over-independence and interdependence was scored"
    ),
    "stage.mixed": gettext_lazy(
        "%(top)s (%(top_affinity).2f) and %(second)s (%(second_affinity).2f) are within "
        "%(within)s of each other: a mixed picture"
    ),
    "stage.leads": gettext_lazy(
        "%(top)s (%(top_affinity).2f) comes ahead of %(second)s (%(second_affinity).2f) "
        "by %(gap).2f"
    ),
    "boundaries.unscored": gettext_lazy("needs both rigid and porous boundaries scored"),
    "boundaries.mixed": gettext_lazy(
        "both rigid and porous are high: guarded in some places, giving way in others "
        "(rigid %(rigid).2f, porous %(porous).2f; high means above %(high)s)"
    ),
    "boundaries.rigid": gettext_lazy(
        "rigid is high and porous is not "
        "(rigid %(rigid).2f, porous %(porous).2f; high means above %(high)s)"
    ),
    "boundaries.porous": gettext_lazy(
        "porous is high and rigid is not "
        "(rigid %(rigid).2f, porous %(porous).2f; high means above %(high)s)"
    ),
    "boundaries.balanced": gettext_lazy(
        "neither rigid nor porous is high "
        "(rigid %(rigid).2f, porous %(porous).2f; high means above %(high)s)"
    ),
    "focus.unplaced": gettext_lazy("the balance could not be placed on the map"),
    "focus.dependent": gettext_lazy(
        "leaning on others more than on yourself: "
        "autonomy %(autonomy).0f, connection %(connection).0f (50 is the midpoint)"
    ),
    "focus.over_independent": gettext_lazy(
        "standing alone more than letting people in: "
        "autonomy %(autonomy).0f, connection %(connection).0f (50 is the midpoint)"
    ),
    "focus.interdependent": gettext_lazy(
        "both sides are present; the work is keeping them in balance: "
        "autonomy %(autonomy).0f, connection %(connection).0f (50 is the midpoint)"
    ),
    "focus.withdrawn": gettext_lazy(
        "low on both sides, so small steps in both directions rather than one push: "
        "autonomy %(autonomy).0f, connection %(connection).0f (50 is the midpoint)"
    ),
    "barrier.agreed": gettext_lazy("agreed with statements about %(groups)s"),
    "risk.isolation": gettext_lazy(
        "“rigid boundaries” high (above 3.5) and “interdependence” below 3"
    ),
    "risk.difficulty_asking_for_help": gettext_lazy("“over-independence” high (above 3.5)"),
    "risk.strained_relationships": gettext_lazy(
        "“over-independence” and “wariness of vulnerability” both high (above 3.5)"
    ),
    "risk.over_dependence_on_others": gettext_lazy("“leaning on others” high (above 3.5)"),
    "risk.lack_of_agency": gettext_lazy("autonomy below 35 out of 100"),
    "risk.enmeshment": gettext_lazy(
        "“confluence” high (above 3.5) and “porous boundaries” above 3"
    ),
    "risk.isolation.explanation": gettext_lazy(
        "Keeping people at a distance, with little give and take, can leave you more alone "
        "than you would choose."
    ),
    "risk.difficulty_asking_for_help.explanation": gettext_lazy(
        "Managing alone as a habit can make it hard to ask for help, even when you need it."
    ),
    "risk.strained_relationships.explanation": gettext_lazy(
        "When trusting or relying on others feels unsafe, relationships can take the strain."
    ),
    "risk.over_dependence_on_others.explanation": gettext_lazy(
        "Leaning on others to decide or to reassure you can leave your own judgement unused."
    ),
    "risk.lack_of_agency.explanation": gettext_lazy(
        "With little sense of steering your own life, it is easy to feel powerless or unfulfilled."
    ),
    "risk.enmeshment.explanation": gettext_lazy(
        "When your wants blur into other people's and no is hard to say, you can lose "
        "yourself in a relationship."
    ),
    "question.fits_focus": gettext_lazy("fits the focus: %(focus)s"),
    "question.fits_stage": gettext_lazy("fits the stage: %(stage)s"),
    "question.high_scale": gettext_lazy("speaks to a high %(scale)s score"),
    "question.leading_barrier": gettext_lazy("speaks to a leading barrier: %(barrier)s"),
    "question.from_method": gettext_lazy("one of the method's own questions"),
    "question.general": gettext_lazy("a general question for any profile"),
    "question.session_phase": gettext_lazy("asked in this phase of a session"),
    "experiment.direction": gettext_lazy("low stakes, %(direction)s, for the focus %(focus)s"),
    "experiment.high_scale": gettext_lazy("works on a high %(scale)s score"),
    "experiment.moderate_scale": gettext_lazy("works on a moderate %(scale)s score"),
    "note.not_a_diagnosis": gettext_lazy(
        "This profile is for reflection, not diagnosis: it describes how you answered today, "
        "in your own terms, and is a starting point for conversation."
    ),
    "note.no_norms_yet": gettext_lazy(
        "Levels are fixed points on the answer scale (low below 2.5, high above 3.5), "
        "not comparisons with other people."
    ),
    "note.some_unscored": gettext_lazy(
        "Some scales had too few answers to score (%(scales)s); the findings that need them "
        "are left out rather than guessed."
    ),
    "note.acquiescence": gettext_lazy(
        "You agreed with many statements and with their opposites too, so read these "
        "scores lightly and talk them through."
    ),
    "ladder.top": gettext_lazy("On the %(rung)s rung %(direction)s, the top of the ladder."),
    "ladder.climbing": gettext_lazy(
        "On the %(rung)s rung %(direction)s: %(done)d of %(needed)d reflected successes at "
        "this level so far before moving up."
    ),
    "ladder.consolidate": gettext_lazy("This one is %(stakes)s stakes, to consolidate."),
    "ladder.set_aside_before": gettext_lazy(
        "You set this one aside before; it may look different now."
    ),
    "pulse.estimate": gettext_lazy(
        "A quick estimate from single items: watch the trend, not one week's number."
    ),
}
# The same findings as a coach reads them on a client's pages: about the client, to the coach
# ("their answers suggest ..."), never the client's own "you". Only codes whose words address
# the reader have a coach form; every other code reads the same for both.
COACH_MESSAGES: dict[str, Promise] = {
    "risk.isolation.explanation": gettext_lazy(
        "Their answers suggest they keep people at a distance, with little give and take, "
        "which can leave them more alone than they would choose."
    ),
    "risk.difficulty_asking_for_help.explanation": gettext_lazy(
        "Their answers suggest managing alone has become a habit, which can make asking for "
        "help hard even when they need it."
    ),
    "risk.strained_relationships.explanation": gettext_lazy(
        "Their answers suggest trusting or relying on others feels unsafe, which can put their "
        "relationships under strain."
    ),
    "risk.over_dependence_on_others.explanation": gettext_lazy(
        "Their answers suggest they lean on others to decide or to reassure them, which can "
        "leave their own judgement unused."
    ),
    "risk.lack_of_agency.explanation": gettext_lazy(
        "Their answers suggest little sense of steering their own life, which can leave them "
        "feeling powerless or unfulfilled."
    ),
    "risk.enmeshment.explanation": gettext_lazy(
        "Their answers suggest their wants blur into other people's and no is hard for them to "
        "say, so they can lose themselves in a relationship."
    ),
    "note.not_a_diagnosis": gettext_lazy(
        "This profile is for reflection, not diagnosis: it describes how they answered on the "
        "day, in their own terms, and is a starting point for your conversation."
    ),
    "note.acquiescence": gettext_lazy(
        "They agreed with many statements and with their opposites too, so read these scores "
        "lightly and talk them through together."
    ),
}
Audience = Literal["client", "coach"]

# A risk that could not be judged: its rule, then which of its scales were missing.
UNJUDGED = gettext_lazy("%(rule)s; not judged: %(missing)s not scored")


def _name(table: dict[Any, Any], value: object, quoted: bool = False) -> str:
    name = labels.label(table, value).lower() if value in table else str(value)
    return f"“{name}”" if quoted else name


def _names(table: dict[Any, Any], values: object, joiner: str) -> str:
    items = values if isinstance(values, Iterable) and not isinstance(values, str) else ()
    return joiner.join(_name(table, value) for value in items)


# How each parameter reads: ids become the vocabulary's names, numbers stay numbers.
_PARAMS: dict[str, Callable[[object], object]] = {
    "focus": lambda v: _name(labels.FOCUSES, v),
    "stage": lambda v: _name(labels.STAGES, v),
    "top": lambda v: _name(labels.STAGES, v),
    "second": lambda v: _name(labels.STAGES, v),
    "scale": lambda v: _name(labels.SCALES, v, quoted=True),
    "barrier": lambda v: _name(labels.BARRIERS, v),
    "direction": lambda v: _name(DIRECTIONS, v),
    "rung": lambda v: _name(RUNGS, v),
    "stakes": lambda v: _name(RUNGS, v),
    "axes": lambda v: _names(AXES, v, _(" and ")),
    "near": lambda v: _names(AXES, v, _(" and ")),
    "scales": lambda v: _names(labels.SCALES, v, ", "),
    "missing": lambda v: _names(labels.SCALES, v, ", "),
    "groups": lambda v: "; ".join(
        _name(PULLS, str(group).partition("=")[0])
        for group in (v if isinstance(v, (list, tuple)) else ())
    ),
}


_rendered: dict[tuple[Any, ...], str] = {}
RENDERED_KEPT = 4096  # distinct reasons remembered per process (a profile has a few dozen)


def _memo_key(value: object, audience: Audience) -> tuple[Any, ...] | None:
    """What a reason's words depend on: its code and parameters, the reader, the language.
    None when a parameter cannot be a key (then it is simply rendered)."""
    if isinstance(value, Reason):
        code, params = value.code, value.params
    elif isinstance(value, Mapping) and isinstance(value.get("code"), str):
        code, params = value["code"], value.get("params") or {}
        if not isinstance(params, Mapping):
            return None
    elif isinstance(value, str):
        return ("text", value, audience, get_language())
    else:
        return None
    frozen = tuple(
        sorted((str(k), tuple(v) if isinstance(v, list) else v) for k, v in params.items())
    )
    key = ("code", code, frozen, audience, get_language())
    try:
        hash(key)
    except TypeError:
        return None
    return key


def render(value: object, audience: Audience = "client") -> str:
    """A reason as a page shows it: from a core `Reason`, a stored `{"code", "params"}`, or the
    words a profile of the first form stored. Anything else reads as nothing, not an error.
    `audience` "coach" picks the coach's wording where a code has one (COACH_MESSAGES).

    The words depend only on the code, the parameters, the reader and the language, and a
    page renders the same few dozen reasons again and again (the planner about twenty a
    request): each is rendered once per process and remembered."""
    if value is None or value == "":
        return ""
    key = _memo_key(value, audience)
    if key is not None:
        found = _rendered.get(key)
        if found is None:
            found = _render_value(value, audience)
            if len(_rendered) >= RENDERED_KEPT:
                _rendered.clear()
            _rendered[key] = found
        return found
    return _render_value(value, audience)


def _render_value(value: object, audience: Audience) -> str:
    try:
        found = from_stored(value)
    except ValueError:
        return ""
    return _render(found, audience)


def _render(found: Reason, audience: Audience = "client") -> str:
    if found.code == LEGACY_TEXT:
        return str(found)  # words no template wrote: shown as they were stored
    params = {
        name: _PARAMS[name](value) if name in _PARAMS else value
        for name, value in found.params.items()
    }
    if found.code.endswith(".unjudged"):
        rule = str(MESSAGES[found.code.removesuffix(".unjudged")])
        return str(UNJUDGED) % {"rule": rule, "missing": params["missing"]}
    coach_words = COACH_MESSAGES.get(found.code) if audience == "coach" else None
    message = MESSAGES[found.code] if coach_words is None else coach_words
    return str(message) % params if params else str(message)


def render_all(values: object, audience: Audience = "client") -> list[str]:
    """Each reason of a stored list (a pick's `reasons`, a profile's `notes`), rendered."""
    rows = values if isinstance(values, (list, tuple)) else ()
    return [text for text in (render(value, audience) for value in rows) if text]
