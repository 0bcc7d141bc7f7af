"""Scoped lookups for experiments, statement drafts, role-plays and coaches' scenarios.

A client reaches only their own; a coach reaches a client's experiments only when shared (and
only through a client from `access_client_for_coach`), and their own scenarios. Everyone else
gets a 404, the same answer as for an id that does not exist."""

from __future__ import annotations

from django.http import Http404

from interplay.core.vocabulary import ExperimentStatus
from interplay.web.accounts.coaches import current_coach
from interplay.web.accounts.models import User
from interplay.web.practice.models import (
    CoachScenario,
    Experiment,
    RolePlay,
    StatementDraft,
)


def get_experiment_for_user(user: User, pk: int) -> Experiment:
    experiment = (
        Experiment.objects.select_related("value", "belief", "person")
        .filter(pk=pk, owner=user)
        .first()
    )
    if experiment is None:
        raise Http404
    return experiment


def experiments_of(owner: User) -> list[Experiment]:
    """Every experiment, pending suggestions included, oldest first."""
    return list(Experiment.objects.select_related("value", "belief").filter(owner=owner))


def finished_library_ids(owner: User) -> set[str]:
    """The library experiments this person has done (one small query, nothing decrypted): the
    same rule as `core.practice.finished_ids` over records, for pages that hold no records."""
    done = Experiment.objects.filter(owner=owner, status=ExperimentStatus.DONE)
    return set(done.exclude(library_id="").values_list("library_id", flat=True))


def get_draft_for_user(user: User, pk: int) -> StatementDraft:
    draft = StatementDraft.objects.filter(pk=pk, owner=user).first()
    if draft is None:
        raise Http404
    return draft


def drafts_of(owner: User) -> list[StatementDraft]:
    return list(StatementDraft.objects.filter(owner=owner))


def get_role_play_for_user(user: User, pk: int) -> RolePlay:
    role_play = RolePlay.objects.filter(pk=pk, owner=user).first()
    if role_play is None:
        raise Http404
    return role_play


def role_plays_of(owner: User) -> list[RolePlay]:
    """Every rehearsal, oldest first, with its replies (to tell which reached the debrief)."""
    rows = RolePlay.objects.filter(owner=owner).prefetch_related("replies")
    return list(rows.order_by("created_at", "id"))


def get_scenario_for_coach(coach: User, pk: int) -> CoachScenario:
    scenario = CoachScenario.objects.filter(pk=pk, coach=coach).first()
    if scenario is None:
        raise Http404
    return scenario


def scenarios_of_coach(coach: User) -> list[CoachScenario]:
    return list(CoachScenario.objects.filter(coach=coach))


def offered_scenarios(client: User) -> list[CoachScenario]:
    """Scenarios the client's current coach has offered (none without a coach)."""
    coach = current_coach(client)
    if coach is None:
        return []
    return list(CoachScenario.objects.filter(coach=coach, offered=True))


def get_offered_scenario(client: User, pk: int) -> CoachScenario:
    for scenario in offered_scenarios(client):
        if scenario.pk == pk:
            return scenario
    raise Http404
