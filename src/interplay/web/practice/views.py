"""Experiments: start one (from the library, a recommendation, a draft or from scratch), plan,
do, reflect or set it aside, and look back over the history."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interplay.core.experiments import experiment_by_id, experiment_library
from interplay.core.practice import plan_from_library, plan_to_dict
from interplay.core.practice_history import chart_series, history_stats
from interplay.core.roleplay import debrief
from interplay.core.values import belief_outcome
from interplay.core.vocabulary import ExperimentStatus, Outcome
from interplay.web.accounts.decorators import client_required
from interplay.web.accounts.models import User
from interplay.web.kernel.errors import ActionError
from interplay.web.kernel.requests import ClientRequest
from interplay.web.labels import practice as labels
from interplay.web.practice import actions
from interplay.web.practice.access import (
    drafts_of,
    experiments_of,
    get_draft_for_user,
    get_experiment_for_user,
    get_role_play_for_user,
)
from interplay.web.practice.growth import acknowledgement
from interplay.web.practice.history import chart_geometry
from interplay.web.practice.models import Experiment
from interplay.web.practice.records import core_belief, record_of, records_of
from interplay.web.practice.rehearsal import state_of
from interplay.web.practice.suggest import ladders, recommendations
from interplay.web.relationships.access import people_of
from interplay.web.values.access import beliefs_of, get_belief_for_user, values_of

PLAN_FIELDS = (
    "title", "technique", "direction", "stakes", "what", "who_with", "person", "when",
    "planned_for", "feared_outcome", "anxiety_predicted", "statement_draft", "value", "belief",
    "library_id",
)  # fmt: skip
REFLECTION_FIELDS = (
    "what_happened", "anxiety_during", "feared_outcome_happened", "how_it_felt", "what_worked",
    "what_to_change",
)  # fmt: skip


def _user(request: ClientRequest) -> User:
    return request.user


@client_required
def practice_home(request: ClientRequest) -> HttpResponse:
    user = _user(request)
    experiments = experiments_of(user)
    records = records_of(experiments)
    return render(
        request,
        "practice/home.html",
        {
            "pending": [e for e in experiments if not e.accepted],
            "planned": [
                e for e in experiments if e.accepted and e.status == ExperimentStatus.PLANNED
            ],
            "finished": [
                e for e in experiments if e.accepted and e.status != ExperimentStatus.PLANNED
            ][::-1],
            "recommended": recommendations(user, records),
            "ladders": ladders(records),
            "library": experiment_library(),
            "stats": history_stats(records),
        },
    )


def _choices(user: User) -> dict[str, Any]:
    return {
        "techniques": labels.choices(labels.TECHNIQUES),
        "directions": labels.choices(labels.DIRECTIONS),
        "stakes_levels": labels.choices(labels.STAKES),
        "anxiety_scale": range(11),
        "people": people_of(user),
        "values": values_of(user),
        "beliefs": beliefs_of(user),
        "drafts": drafts_of(user),
    }


def _initial_plan(request: HttpRequest, user: User) -> dict[str, Any]:
    """A pre-filled plan from the query string: a library or recommended experiment, a
    belief to test, a statement draft, or a role-play's debrief."""
    form: dict[str, Any] = {"technique": "start_small", "direction": "", "stakes": "low"}
    query = request.GET
    if query.get("library"):
        try:
            form.update(plan_to_dict(plan_from_library(experiment_by_id(query["library"]))))
        except KeyError:
            messages.error(request, _("That experiment is not in the library any more."))
        form["library_id"] = form.pop("experiment_id", "") or ""
    if query.get("roleplay", "").isdigit():
        role_play = get_role_play_for_user(user, int(query["roleplay"]))
        form.update(plan_to_dict(debrief(state_of(role_play)).experiment_draft))
        form.pop("experiment_id", None)
    if query.get("belief", "").isdigit():
        belief = get_belief_for_user(user, int(query["belief"]))
        form["belief"] = str(belief.pk)
        form.setdefault("title", _("Testing: %(alt)s") % {"alt": belief.alternative[:80]}
                        if belief.alternative else "")  # fmt: skip
    if query.get("draft", "").isdigit():
        form["statement_draft"] = get_draft_for_user(user, int(query["draft"])).text
    for key in ("value_id", "belief_id"):
        form.pop(key, None)
    return {k: ("" if v is None else str(v)) for k, v in form.items()}


def _as_form(experiment: Experiment) -> dict[str, str]:
    form = {name: getattr(experiment, name, "") for name in PLAN_FIELDS}
    form["person"] = experiment.person_id or ""
    form["value"] = experiment.value_id or ""
    form["belief"] = experiment.belief_id or ""
    return {k: ("" if v is None else str(v)) for k, v in form.items()}


def _plan_editor(request: ClientRequest, experiment: Experiment | None) -> HttpResponse:
    user = _user(request)
    form = _as_form(experiment) if experiment else _initial_plan(request, user)
    error = None
    if request.method == "POST":
        form = {name: request.POST.get(name, "") for name in PLAN_FIELDS}
        try:
            saved = actions.do_save_experiment(form, experiment, actor=user)
        except ActionError as problem:
            error = str(problem)
        else:
            messages.success(request, _("Your plan is saved. Only you can see it."))
            return redirect("practice:experiment", saved.pk)
    context = {"experiment": experiment, "form": form, "error": error, **_choices(user)}
    return render(request, "practice/plan.html", context, status=422 if error else 200)


@client_required
def new_experiment(request: ClientRequest) -> HttpResponse:
    return _plan_editor(request, None)


@client_required
def edit_experiment(request: ClientRequest, pk: int) -> HttpResponse:
    return _plan_editor(request, get_experiment_for_user(_user(request), pk))


@client_required
def experiment_detail(request: ClientRequest, pk: int) -> HttpResponse:
    user = _user(request)
    experiment = get_experiment_for_user(user, pk)
    outcome = None
    if experiment.belief is not None:
        tested = [
            e for e in experiments_of(user) if e.accepted and e.belief_id == experiment.belief_id
        ]
        outcome = belief_outcome(core_belief(experiment.belief), [record_of(e) for e in tested])
    return render(
        request,
        "practice/experiment.html",
        {
            "experiment": experiment,
            "belief_outcome": outcome,
            "outcomes": [o.value for o in Outcome],
            "anxiety_scale": range(11),
            "form": {},
        },
    )


@client_required
def reflect(request: ClientRequest, pk: int) -> HttpResponse:
    user = _user(request)
    experiment = get_experiment_for_user(user, pk)
    form = {name: str(getattr(experiment, name) or "") for name in REFLECTION_FIELDS}
    error = None
    if request.method == "POST":
        form = {name: request.POST.get(name, "") for name in REFLECTION_FIELDS}
        try:
            actions.do_reflect(experiment, form, actor=request.user)
        except ActionError as problem:
            error = str(problem)
        else:
            # A step worth marking gets one calm sentence; otherwise the ordinary thank-you.
            said = acknowledgement(experiment, experiments_of(user))
            messages.success(
                request,
                said or _("Thank you for reflecting. That is how the next step gets clearer."),
            )
            return redirect("practice:experiment", pk)
    return render(
        request,
        "practice/reflect.html",
        {
            "experiment": experiment,
            "form": form,
            "error": error,
            "outcomes": [o.value for o in Outcome],
            "anxiety_scale": range(11),
        },
        status=422 if error else 200,
    )


@client_required
@require_POST
def set_aside(request: ClientRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for_user(_user(request), pk)
    try:
        actions.do_set_aside(
            experiment,
            request.POST.get("status", ""),
            request.POST.get("note", ""),
            actor=request.user,
        )
    except ActionError as problem:
        messages.error(request, str(problem))
    else:
        messages.success(
            request,
            _(
                "Noted. Setting a step aside tells you something about its size; "
                "it is not a failure."
            ),
        )
    return redirect("practice:experiment", pk)


@client_required
@require_POST
def reopen(request: ClientRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for_user(_user(request), pk)
    try:
        actions.do_reopen(experiment, actor=request.user)
    except ActionError as problem:
        messages.error(request, str(problem))
    return redirect("practice:experiment", pk)


@client_required
@require_POST
def share(request: ClientRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for_user(_user(request), pk)
    shared = request.POST.get("shared") == "1"
    actions.do_set_experiment_sharing(experiment, shared, actor=request.user)
    messages.success(request, _("Shared with your coach.") if shared else _("Private again."))
    return redirect("practice:experiment", pk)


@client_required
@require_POST
def delete(request: ClientRequest, pk: int) -> HttpResponse:
    actions.do_delete_experiment(get_experiment_for_user(_user(request), pk), actor=request.user)
    messages.success(request, _("The experiment has been deleted."))
    return redirect("practice:home")


@client_required
@require_POST
def accept(request: ClientRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for_user(_user(request), pk)
    actions.do_accept_suggestion(experiment, actor=request.user)
    messages.success(
        request, _("Added to your experiments. Add your own prediction before you try it.")
    )
    return redirect("practice:edit", pk)


@client_required
@require_POST
def decline(request: ClientRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for_user(_user(request), pk)
    try:
        actions.do_decline_suggestion(experiment, actor=request.user)
    except ActionError as problem:
        messages.error(request, str(problem))
        return redirect("practice:experiment", pk)
    messages.success(request, _("Suggestion declined."))
    return redirect("practice:home")


@client_required
def history(request: ClientRequest) -> HttpResponse:
    records = records_of(experiments_of(_user(request)))
    series = chart_series(records)
    return render(
        request,
        "practice/history.html",
        {
            "stats": history_stats(records),
            "series": series,
            "chart": chart_geometry(series),
            "ladders": ladders(records),
        },
    )
