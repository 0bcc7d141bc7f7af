"""What a coach may see of a client's practice, and the lines it adds to a session plan.

Only what the client shared: values and beliefs one by one, experiments one by one, the map as
a whole. `planner_lines` is the provider the session planner calls; each line says where it
came from, like the planner's own lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from interplay.core.practice_history import history_stats
from interplay.core.values import belief_outcome
from interplay.core.vocabulary import ExperimentStatus, SessionPhase
from interplay.web.accounts.models import User
from interplay.web.coachdesk.planner import PHASE_NAMES, Agenda, Line, Section
from interplay.web.practice.access import shared_experiments_for_coach, suggestions_by_coach
from interplay.web.practice.records import core_belief, record_of
from interplay.web.relationships.access import shared_people_for_coach
from interplay.web.relationships.presenters import map_view
from interplay.web.values.access import shared_beliefs_for_coach, shared_values_for_coach


@dataclass(frozen=True)
class PlannerLine:
    phase: SessionPhase
    text: str
    why: str


def coach_practice_view(coach: User, client: User) -> dict[str, Any]:
    """Everything shared, computed for the coach's pages. Call only with a client from
    `access_client_for_coach` (which audits the read)."""
    experiments = shared_experiments_for_coach(client)
    records = [record_of(e) for e in experiments]
    beliefs = shared_beliefs_for_coach(client)
    people = shared_people_for_coach(client)
    return {
        "values": shared_values_for_coach(client),
        "beliefs": [(b, belief_outcome(core_belief(b), records)) for b in beliefs],
        "experiments": experiments,
        "stats": history_stats(records) if records else None,
        "map": map_view(people) if people else None,
        "map_shared": people is not None,
        "suggestions": suggestions_by_coach(coach, client),
    }


def coach_client_summary(client: User) -> dict[str, Any]:
    """The short version for the coach desk's client page, in one query (that page keeps a
    fixed query budget): the shared experiments and their headline. Values, beliefs and the
    map are on the practice page it links to. Call only with a client from
    `access_client_for_coach`."""
    experiments = shared_experiments_for_coach(client)
    records = [record_of(e) for e in experiments]
    return {"experiments": experiments, "stats": history_stats(records) if records else None}


def _short(text: str, length: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def planner_lines(client: User) -> list[PlannerLine]:
    """Lines for the session planner from what the client shared. Call only with a client
    from `access_client_for_coach`."""
    lines: list[PlannerLine] = []
    values = shared_values_for_coach(client)
    if values:
        lines.append(
            PlannerLine(
                SessionPhase.EXPLORING,
                _("Ask how their boundaries serve the values they named: %(values)s")
                % {"values": ", ".join(v.label for v in values)},
                _("values the client shared"),
            )
        )
    experiments = shared_experiments_for_coach(client)
    records = [record_of(e) for e in experiments]
    for belief in shared_beliefs_for_coach(client)[:2]:
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
    people = shared_people_for_coach(client)
    if people:
        view = map_view(people)
        for rec in view.recommendations:
            lines.append(
                PlannerLine(
                    SessionPhase.EXPLORING,
                    f"{rec['title']}: {', '.join(rec['people'])}",
                    _("relationship map (shared): %(rule)s") % {"rule": rec["rule"]},
                )
            )
    return lines


def add_to_agenda(agenda: Agenda, client: User) -> Agenda:
    """Put `planner_lines` into the session planner's proposal, each under its phase's
    section (created, in phase order, if the proposal has none). Call only with a client from
    `access_client_for_coach`."""
    for line in planner_lines(client):
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
