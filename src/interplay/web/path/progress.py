"""Where a person stands on the guided path, read from their own data.

A step is done when the app can see its exercise in the person's records (an assessment
finished, an entry written on the step's prompt, a belief with an alternative, ...), dated by
that record. Nothing about "done" is stored: deleting the record undoes the step, and the same
reading serves the person's pages, their coach (when shared) and the command line. Each rule
reads through the owning app's scoped lookups, for the owner only. Reading writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from functools import cached_property

from django.urls import reverse

from interplay.core.path import (
    PROMPT_PREFIX,
    Exercise,
    GuidedPath,
    Step,
    guided_path,
    next_step,
    step_of_prompt,
)
from interplay.core.vocabulary import Barrier, ExperimentStatus, Focus, Level
from interplay.web.accounts.models import User
from interplay.web.assessments.access import completed_assessments, latest_profile, latest_pulse
from interplay.web.assessments.mapping import profile_of
from interplay.web.journal.access import entries_on_prompts
from interplay.web.path.access import progress_of, step_marks_of
from interplay.web.path.models import PathProgress, StepProgress
from interplay.web.practice.access import drafts_of, experiments_of, role_plays_of
from interplay.web.practice.models import Experiment
from interplay.web.practice.rehearsal import state_of
from interplay.web.relationships.access import people_of
from interplay.web.values.access import beliefs_of, values_of


class StepStatus(StrEnum):
    DONE = "done"
    SKIPPED = "skipped"
    STARTED = "started"
    NOT_STARTED = "not_started"


@dataclass(frozen=True)
class Evidence:
    """The record that shows a step is done: when, and where the owner can open it."""

    at: datetime
    url: str


@dataclass(frozen=True)
class StepState:
    step: Step
    evidence: Evidence | None
    mark: StepProgress | None

    @property
    def status(self) -> StepStatus:
        if self.evidence is not None:
            return StepStatus.DONE
        if self.mark is not None and self.mark.skipped_at is not None:
            return StepStatus.SKIPPED
        if self.mark is not None and self.mark.started_at is not None:
            return StepStatus.STARTED
        return StepStatus.NOT_STARTED

    @property
    def revisited_at(self) -> datetime | None:
        return self.mark.revisited_at if self.mark else None


@dataclass(frozen=True)
class PathState:
    progress: PathProgress | None
    steps: tuple[StepState, ...]
    next: StepState | None

    @property
    def on_path(self) -> bool:
        return self.progress is not None

    @property
    def done_count(self) -> int:
        return sum(1 for s in self.steps if s.status is StepStatus.DONE)

    def state(self, step_id: str) -> StepState:
        return next(s for s in self.steps if s.step.id == step_id)

    @property
    def suggested(self) -> StepState | None:
        """A coach's suggested step while it stands: gone once that step is done."""
        wanted = self.progress.suggested_step if self.progress else ""
        found = [s for s in self.steps if s.step.id == wanted]
        if not found or found[0].status is StepStatus.DONE:
            return None
        return found[0]


@dataclass(frozen=True)
class Person:
    """What the path adapts to: the latest profile's focus and its notable barriers."""

    focus: Focus | None
    barriers: tuple[Barrier, ...]


def person_of(owner: User) -> Person:
    typed = profile_of(latest_profile(owner))
    if typed is None:
        return Person(None, ())
    notable = [b for b in typed.barriers if b.level in (Level.HIGH, Level.MODERATE)]
    return Person(
        typed.focus.focus, tuple(b.barrier for b in sorted(notable, key=lambda b: b.rank))
    )


def _first(found: Iterable[tuple[datetime, str]], since: datetime | None) -> Evidence | None:
    dated = sorted((at, url) for at, url in found if since is None or at >= since)
    return Evidence(*dated[0]) if dated else None


class Records:
    """The owner's records the rules read, each fetched once however many steps use it."""

    def __init__(self, owner: User) -> None:
        self.owner = owner

    @cached_property
    def experiments(self) -> list[Experiment]:
        return [e for e in experiments_of(self.owner) if e.accepted]


Rule = Callable[[Records, datetime | None], Evidence | None]


def _assessment(records: Records, since: datetime | None) -> Evidence | None:
    return _first(
        (
            (a.completed_at, reverse("assessments:profile", args=[a.pk]))
            for a in completed_assessments(records.owner)
            if a.completed_at
        ),
        since,
    )


def _belief(records: Records, since: datetime | None) -> Evidence | None:
    return _first(
        (
            (b.updated_at, reverse("values:belief", args=[b.pk]))
            for b in beliefs_of(records.owner)
            if b.alternative.strip()
        ),
        since,
    )


def _values(records: Records, since: datetime | None) -> Evidence | None:
    return _first(((v.created_at, reverse("values:list")) for v in values_of(records.owner)), since)


def _experiment(records: Records, since: datetime | None) -> Evidence | None:
    planned = [
        e
        for e in records.experiments
        if (e.feared_outcome.strip() or e.anxiety_predicted is not None)
    ]
    return _first(
        ((e.created_at, reverse("practice:experiment", args=[e.pk])) for e in planned), since
    )


def _statement(records: Records, since: datetime | None) -> Evidence | None:
    drafts = ((d.created_at, reverse("practice:statements")) for d in drafts_of(records.owner))
    worded = (
        (e.created_at, reverse("practice:experiment", args=[e.pk]))
        for e in records.experiments
        if e.statement_draft.strip()
    )
    return _first([*drafts, *worded], since)


def _role_play(records: Records, since: datetime | None) -> Evidence | None:
    return _first(
        (
            (r.created_at, reverse("practice:debrief", args=[r.pk]))
            for r in role_plays_of(records.owner)
            if state_of(r).finished
        ),
        since,
    )


def _reflection(records: Records, since: datetime | None) -> Evidence | None:
    return _first(
        (
            (e.finished_at, reverse("practice:experiment", args=[e.pk]))
            for e in records.experiments
            if e.status == ExperimentStatus.DONE and e.finished_at is not None
        ),
        since,
    )


def _map(records: Records, since: datetime | None) -> Evidence | None:
    return _first(
        ((p.created_at, reverse("relationships:map")) for p in people_of(records.owner)), since
    )


def _pulse(records: Records, since: datetime | None) -> Evidence | None:
    pulse = latest_pulse(records.owner)
    if pulse is None or (since is not None and pulse.taken_at < since):
        return None
    return Evidence(pulse.taken_at, reverse("assessments:pulse"))


RULES: dict[Exercise, Rule] = {
    Exercise.ASSESSMENT: _assessment,
    Exercise.BELIEF: _belief,
    Exercise.VALUES: _values,
    Exercise.EXPERIMENT: _experiment,
    Exercise.STATEMENT: _statement,
    Exercise.ROLE_PLAY: _role_play,
    Exercise.EXPERIMENT_REFLECTION: _reflection,
    Exercise.RELATIONSHIP_MAP: _map,
    Exercise.PULSE: _pulse,
}


def _journal_evidence(
    guided: GuidedPath, owner: User, since: datetime | None
) -> dict[str, Evidence]:
    """The first entry written on each journal step's prompts (one query for all steps)."""
    found: dict[str, Evidence] = {}
    for entry in entries_on_prompts(owner, f"{PROMPT_PREFIX}:"):
        step_id = step_of_prompt(guided, entry.prompt_id)
        if step_id and step_id not in found and (since is None or entry.created_at >= since):
            found[step_id] = Evidence(entry.created_at, reverse("journal:detail", args=[entry.pk]))
    return found


def path_state(owner: User, guided: GuidedPath | None = None) -> PathState:
    """Every step's state for `owner`, and the step to take next. On a second or later walk
    only what was done since the walk began counts."""
    guided = guided or guided_path()
    progress = progress_of(owner)
    since = progress.walk_started_at if progress and progress.walk > 1 else None
    marks = step_marks_of(owner)
    journal = _journal_evidence(guided, owner, since)
    records = Records(owner)
    states = []
    for step in guided.steps:
        if step.exercise is Exercise.JOURNAL:
            evidence = journal.get(step.id)
        else:
            evidence = RULES[step.exercise](records, since)
        states.append(StepState(step, evidence, marks.get(step.id)))
    settled = [s.step.id for s in states if s.status in (StepStatus.DONE, StepStatus.SKIPPED)]
    upcoming = next_step(guided, settled)
    by_id = {s.step.id: s for s in states}
    return PathState(progress, tuple(states), by_id[upcoming.id] if upcoming else None)
