"""The coach's own role-play scenarios (validated like the shipped file, offered to their
clients). A client's shared practice, and suggesting an experiment, are on the coach's desk
(`coaching.views.client_practice`)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interplay.core.scenarios import Response
from interplay.web.accounts.decorators import coach_required
from interplay.web.accounts.models import User
from interplay.web.kernel.errors import ActionError
from interplay.web.kernel.requests import CoachRequest
from interplay.web.labels import practice as labels
from interplay.web.practice.access import get_scenario_for_coach, scenarios_of_coach
from interplay.web.practice.models import CoachScenario
from interplay.web.practice.rehearsal import (
    do_delete_coach_scenario,
    do_save_coach_scenario,
    do_set_scenario_offered,
)

TEXT_FIELDS = ("id", "title", "direction", "stakes", "situation", "feared_outcome", "opening")
COUNTERPART_FIELDS = ("name", "relationship", "kind", "manner")


def _coach(request: CoachRequest) -> User:
    return request.user


def form_to_scenario(post: Any) -> dict[str, Any]:
    """The form's fields in the shape `parse_scenario` reads (one response line per line)."""
    data: dict[str, Any] = {name: post.get(name, "") for name in TEXT_FIELDS}
    data["counterpart"] = {name: post.get(f"counterpart_{name}", "") for name in COUNTERPART_FIELDS}
    data["responses"] = {
        tag.value: [
            line.strip()
            for line in post.get(f"responses_{tag.value}", "").splitlines()
            if line.strip()
        ]
        for tag in Response
    }
    turns = post.get("max_turns", "").strip()
    if turns:
        data["max_turns"] = int(turns) if turns.isdigit() else turns
    return data


def scenario_to_form(data: dict[str, Any]) -> dict[str, str]:
    form = {name: str(data.get(name, "")) for name in TEXT_FIELDS}
    for name in COUNTERPART_FIELDS:
        form[f"counterpart_{name}"] = str((data.get("counterpart") or {}).get(name, ""))
    for tag in Response:
        form[f"responses_{tag.value}"] = "\n".join((data.get("responses") or {}).get(tag.value, []))
    form["max_turns"] = str(data.get("max_turns", ""))
    return form


@coach_required
def scenario_list(request: CoachRequest) -> HttpResponse:
    return render(
        request, "practice/coach_scenarios.html", {"scenarios": scenarios_of_coach(_coach(request))}
    )


def _scenario_editor(request: CoachRequest, scenario: CoachScenario | None) -> HttpResponse:
    coach = _coach(request)
    form = (
        scenario_to_form(scenario.data)
        if scenario
        else {"max_turns": "6", "direction": "", "stakes": "low"}
    )
    error = None
    if request.method == "POST":
        form = {
            key: request.POST.get(key, "") for key in request.POST if key != "csrfmiddlewaretoken"
        }
        try:
            saved = do_save_coach_scenario(form_to_scenario(request.POST), scenario, actor=coach)
        except ActionError as problem:
            error = str(problem)
        else:
            messages.success(request, _("Scenario saved."))
            return redirect("practice:coach_scenario", saved.pk)
    context = {
        "scenario": scenario,
        "form": form,
        "error": error,
        "directions": labels.choices(labels.DIRECTIONS),
        "stakes_levels": labels.choices(labels.STAKES),
        "kinds": labels.choices(labels.KINDS),
        "tags": [t.value for t in Response],
    }
    return render(request, "practice/coach_scenario.html", context, status=422 if error else 200)


@coach_required
def new_scenario(request: CoachRequest) -> HttpResponse:
    return _scenario_editor(request, None)


@coach_required
def edit_scenario(request: CoachRequest, pk: int) -> HttpResponse:
    return _scenario_editor(request, get_scenario_for_coach(_coach(request), pk))


@coach_required
@require_POST
def offer_scenario(request: CoachRequest, pk: int) -> HttpResponse:
    scenario = get_scenario_for_coach(_coach(request), pk)
    offered = request.POST.get("offered") == "1"
    do_set_scenario_offered(scenario, offered, actor=request.user)
    messages.success(
        request,
        _("Offered to your clients.") if offered else _("No longer offered to your clients."),
    )
    return redirect("practice:coach_scenarios")


@coach_required
@require_POST
def delete_scenario(request: CoachRequest, pk: int) -> HttpResponse:
    """Runs already played keep their copy of the scenario; it is simply no longer offered."""
    do_delete_coach_scenario(get_scenario_for_coach(_coach(request), pk), actor=request.user)
    messages.success(request, _("Scenario deleted."))
    return redirect("practice:coach_scenarios")
