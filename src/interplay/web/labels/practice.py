"""Human, translatable names for the practice vocabulary (the core keeps plain ids)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from interplay.core.roleplay import ReplyStyle
from interplay.core.vocabulary import (
    Direction,
    ExperimentStatus,
    Outcome,
    RelationshipKind,
    Stakes,
    Technique,
)

TECHNIQUES = {
    Technique.START_SMALL: _("Start small"),
    Technique.I_STATEMENT: _("Say it as an “I”"),
    Technique.ROLE_PLAY: _("Rehearse it first"),
    Technique.REFLECT_AND_ADJUST: _("Reflect and adjust"),
}
DIRECTIONS = {
    Direction.TOWARD_AUTONOMY: _("Toward autonomy"),
    Direction.TOWARD_CONNECTION: _("Toward connection"),
}
STAKES = {
    Stakes.LOW: _("Low stakes"),
    Stakes.MEDIUM: _("Medium stakes"),
    Stakes.HIGH: _("High stakes"),
}
STATUSES = {
    ExperimentStatus.PLANNED: _("Planned"),
    ExperimentStatus.DONE: _("Done"),
    ExperimentStatus.SKIPPED: _("Skipped"),
    ExperimentStatus.ABANDONED: _("Stopped part-way"),
}
OUTCOMES = {Outcome.YES: _("Yes"), Outcome.NO: _("No"), Outcome.PARTLY: _("Partly")}
KINDS = {
    RelationshipKind.FAMILY: _("Family"),
    RelationshipKind.PARTNER: _("Partner"),
    RelationshipKind.FRIEND: _("Friend"),
    RelationshipKind.WORK: _("Work"),
    RelationshipKind.COMMUNITY: _("Community"),
    RelationshipKind.OTHER: _("Other"),
}
STYLES = {
    ReplyStyle.BLAMING: _("blaming"),
    ReplyStyle.HEDGED: _("hedged or over-apologetic"),
    ReplyStyle.REQUEST: _("a clear request"),
    ReplyStyle.CLEAR: _("clear and kind"),
    ReplyStyle.UNCLEAR: _("unclear"),
}
TABLES: dict[str, dict[Any, Any]] = {
    "technique": TECHNIQUES,
    "direction": DIRECTIONS,
    "stakes": STAKES,
    "status": STATUSES,
    "outcome": OUTCOMES,
    "kind": KINDS,
    "style": STYLES,
}


def choices(table: dict) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(member.value, label) for member, label in table.items()]


def named(value: object, table: str) -> str:
    """The label for `value` in `table`; the value itself when unknown (never an error)."""
    for member, label in TABLES[table].items():
        if member.value == str(value):
            return str(label)
    return str(value)
