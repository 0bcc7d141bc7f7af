"""Role-play rehearsal: pick a scenario, play it turn by turn, read the debrief, and turn it
into an experiment."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from interplay.core.roleplay import debrief
from interplay.web.accounts.decorators import client_required
from interplay.web.kernel.errors import ActionError
from interplay.web.kernel.requests import ClientRequest
from interplay.web.practice.access import get_role_play_for_user
from interplay.web.practice.rehearsal import (
    choices_for,
    do_role_play_reply,
    do_start_role_play,
    do_stop_role_play,
    state_of,
    stored_analyses,
)
from interplay.web.practice.statement_views import SIGNAL_NAMES


@client_required
def scenario_list(request: ClientRequest) -> HttpResponse:
    user = request.user
    return render(request, "practice/scenarios.html", {"choices": choices_for(user)})


@client_required
@require_POST
def start(request: ClientRequest) -> HttpResponse:
    try:
        role_play = do_start_role_play(request.POST.get("scenario", ""), actor=request.user)
    except ActionError as problem:
        messages.error(request, str(problem))
        return redirect("practice:scenarios")
    return redirect("practice:roleplay", role_play.pk)


@client_required
def role_play(request: ClientRequest, pk: int) -> HttpResponse:
    user = request.user
    run = get_role_play_for_user(user, pk)
    error = None
    text = ""
    if request.method == "POST":
        text = request.POST.get("reply", "")
        try:
            state = do_role_play_reply(run, text, actor=request.user)
        except ActionError as problem:
            error = str(problem)
        else:
            if state.finished:
                return redirect("practice:debrief", pk)
            return redirect(reverse("practice:roleplay", args=[pk]) + "#reply")
    state = state_of(run)
    if state.finished and not error:
        return redirect("practice:debrief", pk)
    return render(
        request,
        "practice/roleplay.html",
        {"run": run, "state": state, "scenario": state.scenario, "error": error, "text": text},
        status=422 if error else 200,
    )


@client_required
@require_POST
def stop(request: ClientRequest, pk: int) -> HttpResponse:
    run = get_role_play_for_user(request.user, pk)
    do_stop_role_play(run, actor=request.user)
    return redirect("practice:debrief", pk)


@client_required
def debrief_page(request: ClientRequest, pk: int) -> HttpResponse:
    run = get_role_play_for_user(request.user, pk)
    state = state_of(run)
    if not state.finished:
        return redirect("practice:roleplay", pk)
    result = debrief(state)
    analyses = stored_analyses(run)
    turns = []
    for turn, analysis in zip(result.turns, analyses, strict=False):
        turns.append(
            {
                "turn": turn,
                "signals": [label for name, label in SIGNAL_NAMES.items() if analysis.get(name)],
                "suggestion": analysis.get("suggestion", ""),
            }
        )
    return render(
        request,
        "practice/debrief.html",
        {"run": run, "scenario": state.scenario, "debrief": result, "turns": turns},
    )
