"""The guided path's pages: the overview and one step. Private to the person; a coach sees a
client's progress only on the coach's client page, when shared."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interplay.core.experiments import Experiment as LibraryExperiment
from interplay.core.experiments import experiment_library
from interplay.core.path import (
    Exercise,
    Step,
    doing_for,
    first_experiment,
    follow_ups_for,
    guided_path,
    prompt_for,
)
from interplay.core.vocabulary import ExperimentStatus
from interplay.web.accounts.coaches import current_coach
from interplay.web.accounts.decorators import client_required
from interplay.web.accounts.models import User
from interplay.web.journal.access import entries_on_prompts
from interplay.web.journal.analysis import stored_reading
from interplay.web.kernel.requests import ClientRequest
from interplay.web.path import actions
from interplay.web.path.access import get_step
from interplay.web.path.labels import DONE_WHEN, EXERCISE_NAMES, STATUS_NAMES, prompt_reason
from interplay.web.path.progress import PathState, Person, StepState, path_state, person_of
from interplay.web.practice.access import experiments_of, finished_library_ids

SIMPLE_EXERCISES = {
    Exercise.ASSESSMENT: "assessments:start",
    Exercise.BELIEF: "values:new_belief",
    Exercise.VALUES: "values:list",
    Exercise.EXPERIMENT: "practice:new",
    Exercise.STATEMENT: "practice:statements",
    Exercise.ROLE_PLAY: "practice:scenarios",
    Exercise.RELATIONSHIP_MAP: "relationships:map",
    Exercise.PULSE: "assessments:pulse",
}


def suggested_experiment(owner: User, person: Person) -> LibraryExperiment | None:
    """For "start small": the library's first low-stakes experiment in the focus's direction
    that the person has not done yet."""
    return first_experiment(person.focus, experiment_library(), finished_library_ids(owner))


def exercise_url(owner: User, step: Step, person: Person, prompt_id: str) -> str:
    """Where the step's exercise is done: the journal opens on the step's prompt; a first
    experiment opens pre-filled in the focus's direction; reflecting opens the oldest
    experiment still planned."""
    if step.exercise is Exercise.JOURNAL:
        return f"{reverse('journal:new')}?prompt={prompt_id}"
    if step.exercise is Exercise.EXPERIMENT:
        example = suggested_experiment(owner, person)
        if example is not None:
            return f"{reverse('practice:new')}?library={example.id}"
    if step.exercise is Exercise.EXPERIMENT_REFLECTION:
        planned = [
            e for e in experiments_of(owner) if e.accepted and e.status == ExperimentStatus.PLANNED
        ]
        if planned:
            return reverse("practice:reflect", args=[planned[0].pk])
        return reverse("practice:home")
    return reverse(SIMPLE_EXERCISES[step.exercise])


def _row(state: StepState, upcoming: StepState | None) -> dict[str, object]:
    return {
        "state": state,
        "step": state.step,
        "status": state.status.value,
        "status_name": STATUS_NAMES[state.status],
        "is_next": upcoming is not None and upcoming.step.id == state.step.id,
    }


@client_required
def overview(request: ClientRequest) -> HttpResponse:
    user = request.user
    state = path_state(user)
    context = {
        "path": state,
        "rows": [_row(s, state.next) for s in state.steps],
        "total": len(state.steps),
        "suggested": state.suggested.step if state.suggested else None,
        "has_coach": current_coach(user) is not None,
    }
    return render(request, "path/overview.html", context)


def _follow_ups(owner: User, step: Step, state: PathState) -> tuple[object, ...]:
    """Questions to go deeper after the latest entry written on this step, by its themes."""
    since = state.progress.walk_started_at if state.progress and state.progress.walk > 1 else None
    written = [
        e
        for e in entries_on_prompts(owner, f"p:{step.id}:")
        if since is None or e.created_at >= since
    ]
    if not written:
        return ()
    latest = written[-1]
    themes = [theme for theme, _score in stored_reading(latest).themes]
    return follow_ups_for(guided_path(), step.id, themes)


@client_required
def step_page(request: ClientRequest, step_id: str) -> HttpResponse:
    user = request.user
    step = get_step(step_id)
    state = path_state(user)
    person = person_of(user)
    prompt = prompt_for(step, person.focus, person.barriers)
    here = state.state(step.id)
    later = [s for s in state.steps if s.step.number > step.number]
    context = {
        "path": state,
        "step": step,
        "here": here,
        "status_name": STATUS_NAMES[here.status],
        "doing": doing_for(step, person.focus),
        "example": suggested_experiment(user, person)
        if step.exercise is Exercise.EXPERIMENT
        else None,
        "exercise_name": EXERCISE_NAMES[step.exercise],
        "done_when": DONE_WHEN[step.exercise],
        "prompt": prompt,
        "prompt_reason": prompt_reason(prompt),
        "journal_url": f"{reverse('journal:new')}?prompt={prompt.id}",
        "follow_ups": _follow_ups(user, step, state),
        "following": later[0].step if later else None,
        "total": len(state.steps),
    }
    return render(request, "path/step.html", context)


@client_required
@require_POST
def begin(request: ClientRequest) -> HttpResponse:
    actions.do_begin_path(request.user, actor=request.user)
    return redirect("path:overview")


@client_required
@require_POST
def go(request: ClientRequest, step_id: str) -> HttpResponse:
    """Note that the step was begun, then open its exercise."""
    user = request.user
    step = get_step(step_id)
    actions.do_start_step(user, step.id, actor=user)
    person = person_of(user)
    prompt = prompt_for(step, person.focus, person.barriers)
    return redirect(exercise_url(user, step, person, prompt.id))


@client_required
@require_POST
def skip(request: ClientRequest, step_id: str) -> HttpResponse:
    user = request.user
    step = get_step(step_id)
    actions.do_skip_step(user, step.id, actor=user)
    messages.success(request, _("Skipped for now. You can come back to it at any time."))
    upcoming = path_state(user).next
    if upcoming is None:
        return redirect("path:overview")
    return redirect("path:step", upcoming.step.id)


@client_required
@require_POST
def revisit(request: ClientRequest, step_id: str) -> HttpResponse:
    user = request.user
    step = get_step(step_id)
    actions.do_revisit_step(user, step.id, actor=user)
    messages.success(request, _("Marked as revisited. Take it again at your own pace."))
    return redirect("path:step", step.id)


@client_required
@require_POST
def walk_again(request: ClientRequest) -> HttpResponse:
    actions.do_walk_again(request.user, actor=request.user)
    messages.success(request, _("A new walk begins. What you do from today counts."))
    return redirect("path:overview")


@client_required
@require_POST
def sharing(request: ClientRequest) -> HttpResponse:
    shared = request.POST.get("shared") == "1"
    actions.do_set_path_sharing(request.user, shared, actor=request.user)
    if shared:
        messages.success(request, _("Your coach can now see which steps are done."))
    else:
        messages.success(request, _("Your path is private again."))
    return redirect("path:overview")
