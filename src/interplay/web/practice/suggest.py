"""Where new experiments come from: the ladder (following the profile's focus) and the
profile's own recommended experiments. Each carries its reason, so the person sees why."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from interplay.core.experiments import Experiment as LibraryExperiment
from interplay.core.experiments import experiment_by_id, experiment_library
from interplay.core.ladder import RungState, ladder_state, next_suggestions
from interplay.core.practice import ExperimentRecord, finished_ids
from interplay.core.vocabulary import Direction, Focus
from interplay.web.accounts.models import User
from interplay.web.assessments.access import latest_profile
from interplay.web.assessments.mapping import profile_of
from interplay.web.reasons import render, render_all


@dataclass(frozen=True)
class Recommended:
    experiment: LibraryExperiment
    reason: str
    source: str  # "ladder" or "profile"


def focus_of(user: User) -> tuple[Focus, bool]:
    """The focus of the latest profile, and whether there was one (balancing otherwise)."""
    profile = profile_of(latest_profile(user))
    if profile is None or profile.focus.focus is None:
        return Focus.BALANCING, False
    return profile.focus.focus, True


def recommendations(user: User, records: list[ExperimentRecord]) -> list[Recommended]:
    focus, known = focus_of(user)
    found: list[Recommended] = []
    for suggestion in next_suggestions(focus, records, experiment_library()):
        reason = " ".join(render(part) for part in suggestion.reasons)
        if not known:
            reason += " " + _("(With no profile yet, both directions are suggested.)")
        found.append(Recommended(suggestion.experiment, reason, "ladder"))
    assessment = latest_profile(user)
    seen = {r.experiment.id for r in found}
    # Neither one in progress nor one already finished is recommended again.
    left_out = {r.plan.experiment_id for r in records if r.in_progress} | finished_ids(records)
    for pick in ((assessment.profile or {}).get("experiments") or []) if assessment else []:
        if pick.get("id") in seen or pick.get("id") in left_out:
            continue
        try:
            experiment = experiment_by_id(pick.get("id", ""))
        except KeyError:
            continue
        reasons = "; ".join(render_all(pick.get("reasons")))
        found.append(
            Recommended(
                experiment, _("Recommended by your profile: %(why)s") % {"why": reasons}, "profile"
            )
        )
        seen.add(experiment.id)
    return found


@dataclass(frozen=True)
class LadderView:
    """One direction's ladder as a page shows it: the core's state and its reason in words."""

    state: RungState
    explanation: str


def ladders(records: list[ExperimentRecord]) -> list[LadderView]:
    states = (ladder_state(records, direction) for direction in Direction)
    return [LadderView(state, render(state.explain())) for state in states]
