"""What a coach may see of a client's practice, and the lines it adds to a session plan.

Only what the client shared: values and beliefs one by one, experiments one by one, the map as
a whole. `planner_lines` is the provider the session planner calls; each line says where it
came from, like the planner's own lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from interplay.core.practice_history import history_stats
from interplay.core.values import belief_outcome
from interplay.core.vocabulary import ExperimentStatus, SessionPhase
from interplay.web.coaching.client_view import ClientView
from interplay.web.coaching.planner import PHASE_NAMES, Agenda, Line, Section
from interplay.web.kernel.html import e
from interplay.web.practice.records import core_belief, record_of
from interplay.web.relationships.presenters import map_view


@dataclass(frozen=True)
class PlannerLine:
    phase: SessionPhase
    text: str
    why: str


def coach_practice_view(view: ClientView) -> dict[str, Any]:
    """Everything shared, computed for the coach's pages."""
    experiments = view.experiments()
    records = [record_of(e) for e in experiments]
    beliefs = view.beliefs()
    people = view.map()
    return {
        "values": view.values(),
        "beliefs": [(b, belief_outcome(core_belief(b), records)) for b in beliefs],
        "experiments": experiments,
        "stats": history_stats(records) if records else None,
        "map": map_view(people, "coach") if people else None,
        "map_shared": people is not None,
        "suggestions": view.pending_suggestions(),
    }


def options_html(choices: Sequence[tuple[str, str]], selected: str | None) -> SafeString:
    """A select's options (`choices`, the one equal to `selected` marked) as the practice
    page's template loop wrote them; every value is escaped."""
    return SafeString(
        "".join(
            f'<option value="{e(value)}"{" selected" if value == selected else ""}>'
            f"{e(label)}</option>"
            for value, label in choices
        )
    )


def _short(text: str, length: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def planner_lines(view: ClientView) -> list[PlannerLine]:
    """Lines for the session planner from what the client shared."""
    lines: list[PlannerLine] = []
    values = view.values()
    if values:
        lines.append(
            PlannerLine(
                SessionPhase.EXPLORING,
                _("Ask how their boundaries serve the values they named: %(values)s")
                % {"values": ", ".join(v.label for v in values)},
                _("values the client shared"),
            )
        )
    experiments = view.experiments()
    records = [record_of(e) for e in experiments]
    for belief in view.beliefs()[:2]:
        outcome = belief_outcome(core_belief(belief), records)
        lines.append(
            PlannerLine(
                SessionPhase.EMOTIONAL_ROOTS,
                _("Explore the belief “%(belief)s”") % {"belief": _short(belief.belief)},
                _("belief the client shared; %(outcome)s") % {"outcome": outcome.summary},
            )
        )
    for experiment in experiments:
        if experiment.status == ExperimentStatus.DONE:
            lines.append(
                PlannerLine(
                    SessionPhase.INTEGRATING,
                    _("Look back on “%(title)s”: what worked, what to change")
                    % {"title": _short(experiment.title, 60)},
                    _("shared experiment, feared outcome happened: %(answer)s")
                    % {"answer": experiment.feared_outcome_happened or "-"},
                ),
            )
        elif experiment.status == ExperimentStatus.PLANNED:
            lines.append(
                PlannerLine(
                    SessionPhase.EXPERIMENTING,
                    _("Check in on the planned experiment “%(title)s”")
                    % {"title": _short(experiment.title, 60)},
                    _("shared experiment, still planned"),
                )
            )
        else:
            lines.append(
                PlannerLine(
                    SessionPhase.EXPERIMENTING,
                    _("Talk about the step “%(title)s” that was set aside: was it too big?")
                    % {"title": _short(experiment.title, 60)},
                    _("shared experiment, set aside"),
                )
            )
    if records:
        lines.append(
            PlannerLine(
                SessionPhase.INTEGRATING,
                history_stats(records).sentence(),
                _("shared experiments"),
            )
        )
    people = view.map()
    if people:
        shown = map_view(people, "coach")
        for rec in shown.recommendations:
            lines.append(
                PlannerLine(
                    SessionPhase.EXPLORING,
                    f"{rec['title']}: {', '.join(rec['people'])}",
                    _("relationship map (shared): %(rule)s") % {"rule": rec["text"]},
                )
            )
    return lines


def add_to_agenda(agenda: Agenda, view: ClientView) -> Agenda:
    """Put `planner_lines` into the session planner's proposal, each under its phase's
    section (created, in phase order, if the proposal has none)."""
    for line in planner_lines(view):
        title = str(PHASE_NAMES[line.phase])
        section = next((s for s in agenda.sections if s.title == title), None)
        if section is None:
            section = Section(title)
            order = list(PHASE_NAMES)
            later = [
                i
                for i, s in enumerate(agenda.sections)
                if s.title in {str(PHASE_NAMES[p]) for p in order[order.index(line.phase) + 1 :]}
            ]
            agenda.sections.insert(later[0] if later else len(agenda.sections), section)
        section.lines.append(Line(line.text, line.why))
    return agenda
