"""The guided path: the method's process as eleven steps a person walks at their own pace.

The steps are content (`content/path.toml`), checked when loaded like the question bank: one
step per part of the method, in the method's order, a journal prompt for every focus, and
follow-up questions that exist in the bank and can be written about alone. This module also
chooses, for one person, which prompt and which instructions a step shows (by their focus and
barriers), which step comes next, and which follow-up questions an entry written on a step
invites. It knows nothing of how progress is stored: the web layer says what is done.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from interplay.core.content_files import (
    CONTENT_DIR,
    ContentError,
    Field,
    list_of,
    load_entries,
    one_of,
    read_toml,
    text,
)
from interplay.core.experiments import Experiment
from interplay.core.questions import Question, question_bank
from interplay.core.vocabulary import Barrier, Direction, Focus, Stakes, Theme

PATH_FILE = CONTENT_DIR / "path.toml"
MAX_STEP_ID = 10  # "p:<step>:<focus or barrier>" must fit a journal entry's 40-character prompt id
PROMPT_PREFIX = "p"
FOLLOW_UP_LIMIT = 2


class Concept(StrEnum):
    """The parts of the method's process, in the order the method takes them."""

    GROWTH_JOURNEY = "growth_journey"
    REFLECTING_ON_BOUNDARIES = "reflecting_on_boundaries"
    TRANSFORMATIVE_QUESTIONS = "transformative_questions"
    EMOTIONAL_ROOTS = "emotional_roots"
    CORE_VALUES = "core_values"
    START_SMALL = "start_small"
    I_STATEMENTS = "i_statements"
    ROLE_PLAY = "role_play"
    REFLECT_AND_ADJUST = "reflect_and_adjust"
    FLEXIBILITY_AND_CONSISTENCY = "flexibility_and_consistency"
    LONG_TERM_INTEGRATION = "long_term_integration"


class Exercise(StrEnum):
    """What a step asks a person to do in the app; each has a "done" the app can see."""

    ASSESSMENT = "assessment"  # a finished self-assessment
    JOURNAL = "journal"  # an entry written on the step's prompt
    BELIEF = "belief"  # a belief with an alternative
    VALUES = "values"  # at least one value named
    EXPERIMENT = "experiment"  # an experiment planned with a prediction
    STATEMENT = "statement"  # a statement draft kept
    ROLE_PLAY = "role_play"  # a rehearsal played to its debrief
    EXPERIMENT_REFLECTION = "experiment_reflection"  # an experiment reflected on
    RELATIONSHIP_MAP = "relationship_map"  # at least one person on the map
    PULSE = "pulse"  # a weekly check-in


class PromptBasis(StrEnum):
    """Why a step shows the prompt it shows."""

    BARRIER = "barrier"  # the person's strongest barrier that this step speaks to
    FOCUS = "focus"  # the person's focus
    NO_PROFILE = "no_profile"  # no focus yet: the balancing prompt


@dataclass(frozen=True)
class Step:
    id: str
    number: int
    title: str
    purpose: str
    concept: Concept
    exercise: Exercise
    doing: str
    doing_by_focus: Mapping[Focus, str]
    prompts: Mapping[Focus, str]
    barrier_prompts: Mapping[Barrier, str]
    follow_ups: tuple[str, ...]


@dataclass(frozen=True)
class PathPrompt:
    id: str  # "p:<step>:<focus or barrier>", stored on the journal entry written from it
    step_id: str
    text: str
    basis: PromptBasis
    key: str  # the focus or barrier id it was written for


@dataclass(frozen=True)
class GuidedPath:
    steps: tuple[Step, ...]
    theme_follow_ups: Mapping[Theme, tuple[str, ...]]

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    def has_step(self, step_id: str) -> bool:
        return any(step.id == step_id for step in self.steps)


@dataclass(frozen=True)
class FollowUp:
    question: Question
    theme: Theme | None  # the entry's theme that chose it, or None when the step did


def _keyed_texts(enum: type[Any], *, every: bool) -> Any:
    """A table of texts keyed by an enum's values; with `every`, each value is required."""

    def convert(value: Any) -> dict[Any, str]:
        if not isinstance(value, dict):
            raise ValueError("must be a table")
        converted = {}
        for key, words in value.items():
            try:
                member = enum(key)
            except ValueError:
                allowed = ", ".join(member.value for member in enum)
                raise ValueError(f"unknown key {key!r} (expected one of: {allowed})") from None
            converted[member] = text(words)
        missing = [member.value for member in enum if member not in converted]
        if every and missing:
            raise ValueError(f"needs a text for: {', '.join(missing)}")
        return converted

    return convert


def _step_id(value: Any) -> str:
    step_id = text(value)
    if len(step_id) > MAX_STEP_ID or ":" in step_id:
        raise ValueError(f"must be at most {MAX_STEP_ID} characters, without ':'")
    return step_id


STEP_FIELDS = (
    Field("title", text),
    Field("purpose", text),
    Field("concept", one_of(Concept)),
    Field("exercise", one_of(Exercise)),
    Field("doing", text),
    Field("doing_by_focus", _keyed_texts(Focus, every=False), required=False, default={}),
    Field("prompts", _keyed_texts(Focus, every=True)),
    Field("barrier_prompts", _keyed_texts(Barrier, every=False), required=False, default={}),
    Field("follow_ups", list_of(text)),
)
THEME_FIELDS = (Field("follow_ups", list_of(text)),)


def _check_follow_ups(path: Path, entry: str, ids: Iterable[str]) -> None:
    writable = {q.id for q in question_bank() if q.journal_prompt}
    known = {q.id for q in question_bank()}
    for question_id in ids:
        if question_id not in known:
            raise ContentError(path, entry, f"follow-up {question_id!r} is not in the bank")
        if question_id not in writable:
            raise ContentError(path, entry, f"follow-up {question_id!r} is for sessions only")


def load_path(path: Path = PATH_FILE) -> GuidedPath:
    """Read and check the path. Problems name the file, the step and what is wrong."""
    raw_steps = load_entries(path, "step", STEP_FIELDS)
    steps = []
    for number, entry in enumerate(raw_steps, start=1):
        try:
            _step_id(entry["id"])
        except ValueError as error:
            raise ContentError(path, entry["id"], f"field 'id' {error}") from None
        _check_follow_ups(path, entry["id"], entry["follow_ups"])
        steps.append(Step(number=number, **entry))
    concepts = [step.concept for step in steps]
    expected = list(Concept)
    if concepts != expected:
        missing = [c.value for c in expected if c not in concepts]
        extra = sorted({c.value for c in concepts if concepts.count(c) > 1})
        problem = "steps must follow the method's order, one per concept: " + ", ".join(
            c.value for c in expected
        )
        if missing:
            problem += f" (missing: {', '.join(missing)})"
        if extra:
            problem += f" (more than once: {', '.join(extra)})"
        raise ContentError(path, None, problem)
    uncovered = [b.value for b in Barrier if not any(b in s.barrier_prompts for s in steps)]
    if uncovered:
        raise ContentError(path, None, f"no step has a prompt for barrier(s): {uncovered}")
    themes: dict[Theme, tuple[str, ...]] = {}
    if "theme" in read_toml(path):
        for entry in load_entries(path, "theme", THEME_FIELDS):
            try:
                theme = Theme(entry["id"])
            except ValueError:
                raise ContentError(path, entry["id"], "not a journal theme") from None
            _check_follow_ups(path, entry["id"], entry["follow_ups"])
            themes[theme] = entry["follow_ups"]
    return GuidedPath(tuple(steps), themes)


@cache
def guided_path() -> GuidedPath:
    """The shipped path, read and checked once per process."""
    return load_path()


def prompt_id(step_id: str, key: str) -> str:
    return f"{PROMPT_PREFIX}:{step_id}:{key}"


def prompt_for(step: Step, focus: Focus | None, barriers: Sequence[Barrier] = ()) -> PathPrompt:
    """The step's prompt for this person: for the strongest of their barriers (strongest first
    in `barriers`) that the step speaks to, else for their focus, else the balancing one."""
    for barrier in barriers:
        if barrier in step.barrier_prompts:
            return PathPrompt(
                prompt_id(step.id, barrier.value),
                step.id,
                step.barrier_prompts[barrier],
                PromptBasis.BARRIER,
                barrier.value,
            )
    key = focus or Focus.BALANCING
    basis = PromptBasis.FOCUS if focus else PromptBasis.NO_PROFILE
    return PathPrompt(prompt_id(step.id, key.value), step.id, step.prompts[key], basis, key.value)


def doing_for(step: Step, focus: Focus | None) -> str:
    """What to do in the app, in the words written for this focus where there are some."""
    if focus is not None and focus in step.doing_by_focus:
        return step.doing_by_focus[focus]
    return step.doing


# Which way a first experiment leans for each of the two struggles; balancing leans either way.
FOCUS_DIRECTION = {
    Focus.GAINING_SELF_SUFFICIENCY: Direction.TOWARD_AUTONOMY,
    Focus.LOOSENING_OVER_INDEPENDENCE: Direction.TOWARD_CONNECTION,
}


def first_experiment(
    focus: Focus | None, library: Sequence[Experiment], done: Iterable[str] = ()
) -> Experiment | None:
    """The first low-stakes experiment of the library in the direction of the person's focus
    (toward autonomy when gaining self-sufficiency, toward connection when loosening
    over-independence, either when balancing), skipping those already done."""
    finished = set(done)
    wanted = FOCUS_DIRECTION.get(focus) if focus else None
    for experiment in library:
        if experiment.id in finished or experiment.stakes is not Stakes.LOW:
            continue
        if wanted is None or experiment.direction is wanted:
            return experiment
    return None


def prompt_by_id(guided: GuidedPath, value: str) -> PathPrompt | None:
    """The path prompt a journal entry was written from, or None for any other prompt id."""
    parts = value.split(":")
    if len(parts) != 3 or parts[0] != PROMPT_PREFIX or not guided.has_step(parts[1]):
        return None
    step = guided.step(parts[1])
    key = parts[2]
    if key in {f.value for f in Focus}:
        return PathPrompt(value, step.id, step.prompts[Focus(key)], PromptBasis.FOCUS, key)
    if key in {b.value for b in Barrier} and Barrier(key) in step.barrier_prompts:
        words = step.barrier_prompts[Barrier(key)]
        return PathPrompt(value, step.id, words, PromptBasis.BARRIER, key)
    return None


def step_of_prompt(guided: GuidedPath, value: str) -> str | None:
    found = prompt_by_id(guided, value)
    return found.step_id if found else None


def next_step(guided: GuidedPath, settled: Iterable[str]) -> Step | None:
    """The first step in order that is not done or skipped (`settled`), or None at the end."""
    settled_ids = set(settled)
    for step in guided.steps:
        if step.id not in settled_ids:
            return step
    return None


def follow_ups_for(
    guided: GuidedPath,
    step_id: str,
    themes: Sequence[Theme],
    *,
    exclude: Iterable[str] = (),
    limit: int = FOLLOW_UP_LIMIT,
) -> tuple[FollowUp, ...]:
    """Up to `limit` questions that go a little deeper after an entry written on a step: first
    one for each of the entry's themes (strongest first), then the step's own, never one the
    person was just answering (`exclude`) and never the same question twice."""
    bank = {q.id: q for q in question_bank()}
    skip = set(exclude)
    chosen: list[FollowUp] = []

    def take(question_id: str, theme: Theme | None) -> None:
        if len(chosen) < limit and question_id not in skip:
            chosen.append(FollowUp(bank[question_id], theme))
            skip.add(question_id)

    for theme in themes:
        for question_id in guided.theme_follow_ups.get(theme, ()):
            if question_id not in skip:
                take(question_id, theme)
                break
    for question_id in guided.step(step_id).follow_ups:
        take(question_id, None)
    return tuple(chosen)


def path_to_dict(guided: GuidedPath) -> dict[str, Any]:
    """The path as JSON-ready data (for `interplay path --json`)."""
    return {
        "steps": [
            {
                "id": step.id,
                "number": step.number,
                "title": step.title,
                "purpose": step.purpose,
                "concept": step.concept.value,
                "exercise": step.exercise.value,
                "doing": step.doing,
                "doing_by_focus": {f.value: t for f, t in step.doing_by_focus.items()},
                "prompts": {
                    f.value: {"id": prompt_id(step.id, f.value), "text": step.prompts[f]}
                    for f in Focus
                },
                "barrier_prompts": {
                    b.value: {"id": prompt_id(step.id, b.value), "text": t}
                    for b, t in step.barrier_prompts.items()
                },
                "follow_ups": list(step.follow_ups),
            }
            for step in guided.steps
        ],
        "theme_follow_ups": {t.value: list(ids) for t, ids in guided.theme_follow_ups.items()},
    }
