"""Boundary experiments as a person lives them: plan and predict, do it (or not), reflect.

An experiment is a plan (what, with whom, at what stakes, what I fear will happen and how
anxious I am), a status, and after it is done a reflection (what happened, how anxious I was,
whether the feared outcome came true). Skipping or abandoning an experiment is recorded as
information about the step, never as a failure: nothing here counts it against the person.

A *success* (what lets the ladder move up a rung) is an experiment that was done and reflected
on where the fear proved larger than the event: the feared outcome did not happen, or the
anxiety during it was no higher than the anxiety predicted. Both are things the person can
notice for themselves, which is the point of the cycle.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from interplay.core.experiments import Experiment
from interplay.core.vocabulary import Direction, ExperimentStatus, Outcome, Stakes, Technique

ANXIETY_MIN = 0
ANXIETY_MAX = 10


class PracticeError(ValueError):
    """A plan or reflection has a bad value. `field` names it, `problem` says what is wrong."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"field '{field}' {problem}")


@dataclass(frozen=True)
class ExperimentPlan:
    """What the person means to try. `experiment_id` is set when it comes from the library;
    `anxiety_predicted` may stay empty while the plan is a draft (see `plan_gaps`)."""

    title: str
    technique: Technique
    direction: Direction
    stakes: Stakes
    what: str
    who_with: str = ""
    when: str = ""
    feared_outcome: str = ""
    anxiety_predicted: int | None = None
    statement_draft: str = ""
    value_id: str | None = None
    belief_id: str | None = None
    experiment_id: str | None = None

    def __post_init__(self) -> None:
        for name in ("title", "what"):
            if not getattr(self, name).strip():
                raise PracticeError(name, "must not be empty")
        _check_anxiety("anxiety_predicted", self.anxiety_predicted, optional=True)


@dataclass(frozen=True)
class ExperimentReflection:
    """What the person noticed afterwards."""

    what_happened: str
    anxiety_during: int
    feared_outcome_happened: Outcome
    how_it_felt: str = ""
    what_worked: str = ""
    what_to_change: str = ""

    def __post_init__(self) -> None:
        if not self.what_happened.strip():
            raise PracticeError("what_happened", "must not be empty")
        _check_anxiety("anxiety_during", self.anxiety_during, optional=False)


@dataclass(frozen=True)
class ExperimentRecord:
    """One experiment in a person's history. Only a done experiment carries a reflection;
    a skipped or abandoned one may carry a note saying why (information, not failure)."""

    plan: ExperimentPlan
    status: ExperimentStatus = ExperimentStatus.PLANNED
    reflection: ExperimentReflection | None = None
    note: str = ""
    planned_on: date | None = None
    finished_on: date | None = None

    def __post_init__(self) -> None:
        if self.reflection is not None and self.status is not ExperimentStatus.DONE:
            raise PracticeError("reflection", "belongs only to an experiment that was done")

    @property
    def reflected(self) -> bool:
        return self.status is ExperimentStatus.DONE and self.reflection is not None

    @property
    def in_progress(self) -> bool:
        return self.status is ExperimentStatus.PLANNED


def is_success(record: ExperimentRecord) -> bool:
    """Done and reflected, and the fear proved larger than the event: the feared outcome did
    not happen, or anxiety during was no higher than predicted."""
    reflection = record.reflection
    if not record.reflected or reflection is None:
        return False
    if reflection.feared_outcome_happened is Outcome.NO:
        return True
    predicted = record.plan.anxiety_predicted
    return predicted is not None and reflection.anxiety_during <= predicted


def finished_ids(history: Iterable[ExperimentRecord]) -> set[str]:
    """The library experiments done at least once: recommendations leave them out (the web's
    `practice.access.finished_library_ids` asks the database the same question)."""
    return {
        record.plan.experiment_id
        for record in history
        if record.status is ExperimentStatus.DONE and record.plan.experiment_id is not None
    }


def plan_gaps(plan: ExperimentPlan) -> list[str]:
    """Fields still empty before a plan is ready to try (a draft from role-play or from the
    library starts with some of these open)."""
    gaps = [name for name in ("who_with", "when", "feared_outcome") if not getattr(plan, name)]
    if plan.anxiety_predicted is None:
        gaps.append("anxiety_predicted")
    return gaps


def plan_from_library(
    experiment: Experiment, *, value_id: str | None = None, belief_id: str | None = None
) -> ExperimentPlan:
    """A draft plan from a library experiment (or a ladder suggestion's experiment): the
    person adds who with, when and their prediction (see `plan_gaps`)."""
    return ExperimentPlan(
        title=experiment.title,
        technique=experiment.technique,
        direction=experiment.direction,
        stakes=experiment.stakes,
        what=experiment.text,
        value_id=value_id,
        belief_id=belief_id,
        experiment_id=experiment.id,
    )


def plan_to_dict(plan: ExperimentPlan) -> dict[str, Any]:
    """Every field as plain data, in the shape `parse_plan` reads back."""
    return {
        "title": plan.title,
        "technique": plan.technique.value,
        "direction": plan.direction.value,
        "stakes": plan.stakes.value,
        "what": plan.what,
        "who_with": plan.who_with,
        "when": plan.when,
        "feared_outcome": plan.feared_outcome,
        "anxiety_predicted": plan.anxiety_predicted,
        "statement_draft": plan.statement_draft,
        "value_id": plan.value_id,
        "belief_id": plan.belief_id,
        "experiment_id": plan.experiment_id,
    }


def _check_anxiety(field: str, value: int | None, *, optional: bool) -> None:
    if value is None and optional:
        return
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not ANXIETY_MIN <= value <= ANXIETY_MAX
    ):
        raise PracticeError(field, f"must be a whole number from {ANXIETY_MIN} to {ANXIETY_MAX}")


# --- Reading plans and reflections from plain data (forms, JSON) ----------------------------


def _enum(mapping: Mapping[str, Any], field: str, enum: Any) -> Any:
    value = mapping.get(field)
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise PracticeError(field, f"must be one of: {allowed} (got {value!r})") from None


def _text(mapping: Mapping[str, Any], field: str, *, required: bool = False) -> str:
    value = mapping.get(field, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise PracticeError(field, "must be text")
    if required and not value.strip():
        raise PracticeError(field, "must not be empty")
    return value.strip()


def _optional_id(mapping: Mapping[str, Any], field: str) -> str | None:
    value = _text(mapping, field)
    return value or None


def parse_plan(mapping: Mapping[str, Any]) -> ExperimentPlan:
    """Build a plan from plain data, naming the first field that is missing or wrong."""
    return ExperimentPlan(
        title=_text(mapping, "title", required=True),
        technique=_enum(mapping, "technique", Technique),
        direction=_enum(mapping, "direction", Direction),
        stakes=_enum(mapping, "stakes", Stakes),
        what=_text(mapping, "what", required=True),
        who_with=_text(mapping, "who_with"),
        when=_text(mapping, "when"),
        feared_outcome=_text(mapping, "feared_outcome"),
        anxiety_predicted=mapping.get("anxiety_predicted"),
        statement_draft=_text(mapping, "statement_draft"),
        value_id=_optional_id(mapping, "value_id"),
        belief_id=_optional_id(mapping, "belief_id"),
        experiment_id=_optional_id(mapping, "experiment_id"),
    )


def parse_reflection(mapping: Mapping[str, Any]) -> ExperimentReflection:
    """Build a reflection from plain data, naming the first field that is missing or wrong."""
    if "anxiety_during" not in mapping:
        raise PracticeError("anxiety_during", "is missing")
    return ExperimentReflection(
        what_happened=_text(mapping, "what_happened", required=True),
        anxiety_during=mapping["anxiety_during"],
        feared_outcome_happened=_enum(mapping, "feared_outcome_happened", Outcome),
        how_it_felt=_text(mapping, "how_it_felt"),
        what_worked=_text(mapping, "what_worked"),
        what_to_change=_text(mapping, "what_to_change"),
    )
