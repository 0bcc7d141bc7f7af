"""What changed on the map since a snapshot, in words, person by person (matched by name), so
"snapshots over time" can be read without comparing two tables by eye."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from interplay.core.relationships import Person

_FIELDS = (
    ("give", gettext_lazy("support you give")),
    ("receive", gettext_lazy("support you receive")),
    ("trust", gettext_lazy("trust")),
    ("leaves_me", gettext_lazy("how they leave you")),
    ("boundary", gettext_lazy("your boundary")),
)


def _value(person: Person, field: str) -> str:
    value = getattr(person, field)
    return str(getattr(value, "value", value))


def changes_since(before: Sequence[Person], now: Sequence[Person]) -> list[str]:
    """One line per person who was added, removed or changed, in name order."""
    old = {p.name.casefold(): p for p in before}
    new = {p.name.casefold(): p for p in now}
    lines: list[str] = []
    for key in sorted(old.keys() | new.keys()):
        if key not in old:
            lines.append(_("%(name)s is new on the map.") % {"name": new[key].name})
        elif key not in new:
            lines.append(_("%(name)s is no longer on the map.") % {"name": old[key].name})
        else:
            moves = [
                _("%(what)s %(before)s → %(after)s")
                % {"what": label, "before": _value(old[key], f), "after": _value(new[key], f)}
                for f, label in _FIELDS
                if _value(old[key], f) != _value(new[key], f)
            ]
            if moves:
                lines.append(f"{new[key].name}: {'; '.join(moves)}.")
    return lines
