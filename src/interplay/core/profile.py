"""The profile: everything the self-assessment says about a person, with its evidence.

`build_profile(answers)` is the public entry point: it validates the answers (raising
`AnswerError` naming the item at fault), scores the scales and assembles the findings of
`core.findings` and the recommendations of `core.recommend` into a frozen tree whose
`to_dict()` is JSON-ready (schema: docs/profile.schema.json). `score_pulse(answers)` scores the
short weekly check-in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass
from enum import Enum
from typing import Any

from interplay.core.balance import Axis, autonomy_axis, connection_axis, pattern_of
from interplay.core.experiments import Experiment
from interplay.core.findings import (
    Balance,
    BarrierFinding,
    Boundaries,
    Confluence,
    FocusFinding,
    RiskFinding,
    StageFinding,
    balance_of,
    barriers_of,
    boundaries_of,
    confluence_of,
    focus_of,
    risks_of,
    stage_of,
)
from interplay.core.from_json import ShapeError, from_jsonable
from interplay.core.frozen import quick_init
from interplay.core.instrument import Item, instrument_items, instrument_version, pulse_items
from interplay.core.profile_json import profile_from_stored
from interplay.core.profile_stored import stored_json
from interplay.core.profile_writer import profile_json
from interplay.core.questions import Question
from interplay.core.reasons import Reason, reason
from interplay.core.recommend import (
    ExperimentPick,
    Needs,
    QuestionPick,
    recommend_experiments,
    recommend_questions,
)
from interplay.core.scoring import (
    Acquiescence,
    AnswerError,
    ItemAnswer,
    ScaleScore,
    Unscored,
    score_answers,
    validate_answers,
)
from interplay.core.vocabulary import Level, Pattern, Scale

__all__ = [
    "AnswerError",
    "Profile",
    "PulseScore",
    "ShapeError",
    "build_profile",
    "score_pulse",
    "to_jsonable",
]

NOT_A_DIAGNOSIS = reason("note.not_a_diagnosis")
NO_NORMS_YET = reason("note.no_norms_yet")


def to_jsonable(value: object) -> Any:
    """Dataclasses to dicts, enums to their values, tuples to lists, reasons to their code
    and parameters: plain JSON data."""
    if isinstance(value, Reason):
        return value.to_json()
    if is_dataclass(value) and not isinstance(value, type):
        return {field.name: to_jsonable(getattr(value, field.name)) for field in fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(to_jsonable(key)): to_jsonable(item) for key, item in value.items()}
    if isinstance(value, (tuple, list)):
        return [to_jsonable(item) for item in value]
    return value


@quick_init
@dataclass(frozen=True)
class Profile:
    instrument_version: str
    answered: int
    total_items: int
    scales: tuple[ScaleScore, ...]
    unscored: tuple[Unscored, ...]
    balance: Balance
    stage: StageFinding
    boundaries: Boundaries
    confluence: Confluence
    barriers: tuple[BarrierFinding, ...]
    risks: tuple[RiskFinding, ...]
    focus: FocusFinding
    questions: tuple[QuestionPick, ...]
    experiments: tuple[ExperimentPick, ...]
    acquiescence: Acquiescence
    notes: tuple[Reason, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON an assessment stores (docs/profile.schema.json): each finding names the
        scales behind it (`"evidence": ["dependence", ...]`), whose answers are in `scales`
        once, and every reason is `{"code", "params"}` (docs/reasons.md)."""
        return profile_json(self)

    def to_stored(self) -> dict[str, Any]:
        """What an assessment stores: the same values in layout 3, compact and cheaper to encode
        (core/profile_stored.py); `from_dict` reads it, and every older stored form."""
        return stored_json(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Profile:
        """The profile `to_dict()` stored, rebuilt and checked: `ShapeError` names the path at
        fault when the data has another shape. Profiles stored in the first form (evidence
        written out in every finding, reasons as text) read the same."""
        return from_jsonable(cls, profile_from_stored(data))


def _notes(unscored: Sequence[Unscored], acquiescence: Acquiescence) -> tuple[Reason, ...]:
    notes = [NOT_A_DIAGNOSIS, NO_NORMS_YET]
    if unscored:
        notes.append(
            reason("note.some_unscored", scales=tuple([u.scale._value_ for u in unscored]))
        )
    if acquiescence.flagged:
        notes.append(reason("note.acquiescence"))
    return tuple(notes)


def build_profile(
    answers: Mapping[str, object],
    *,
    items: Sequence[Item] | None = None,
    bank: Sequence[Question] | None = None,
    library: Sequence[Experiment] | None = None,
) -> Profile:
    """Score `{"item id": 1..5}` answers into a Profile; raises AnswerError on bad answers."""
    items = instrument_items() if items is None else items
    sheet = score_answers(answers, items)
    scored = sheet.scored
    means = {scale: score.score for scale, score in scored.items()}
    autonomy = autonomy_axis(means)
    balance = balance_of(scored, (autonomy, connection_axis(means)))
    stage = stage_of(scored)
    focus = focus_of(balance)
    barriers = barriers_of(scored)
    needs = Needs(
        focus=focus.focus,
        stage=None if stage.mixed else stage.primary,
        levels={scale: score.level for scale, score in scored.items()},
        barriers=tuple([b.barrier for b in barriers if b.level is not Level.LOW]),
    )
    # score_answers fills both in the vocabulary's order of the scales
    unscored = tuple(sheet.unscored.values())
    return Profile(
        instrument_version=instrument_version(),
        answered=len(sheet.answers),
        total_items=len(items),
        scales=tuple(scored.values()),
        unscored=unscored,
        balance=balance,
        stage=stage,
        boundaries=boundaries_of(scored),
        confluence=confluence_of(scored),
        barriers=barriers,
        risks=risks_of(scored, autonomy, means),
        focus=focus,
        questions=recommend_questions(needs, bank),
        experiments=recommend_experiments(needs, library),
        acquiescence=sheet.acquiescence,
        notes=_notes(unscored, sheet.acquiescence),
    )


@quick_init
@dataclass(frozen=True)
class PulseScore:
    """A weekly check-in: single items stand in for their scales, so these are rough
    estimates to watch over time, not a profile."""

    autonomy: float | None
    connection: float | None
    pattern: Pattern | None
    autonomy_axis: Axis
    connection_axis: Axis
    answers: tuple[ItemAnswer, ...]
    instrument_version: str
    note: Reason

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = to_jsonable(self)
        return data


def score_pulse(answers: Mapping[str, object]) -> PulseScore:
    """Score answers to the pulse items (any subset); the same balance formula as the profile,
    with each scale's mean taken over its pulse items."""
    pulse = pulse_items()
    pulse_ids = {item.id for item in pulse}
    if isinstance(answers, Mapping):
        for item_id in answers:
            if item_id not in pulse_ids and any(i.id == item_id for i in instrument_items()):
                raise AnswerError(str(item_id), "not one of the pulse check-in items")
    valid = validate_answers(answers, pulse)
    given = tuple(
        ItemAnswer(item.id, item.text, valid[item.id], item.keyed(valid[item.id]), item.reverse)
        for item in pulse
        if item.id in valid
    )
    keyed_by_scale: dict[Scale, list[int]] = {}
    for item in pulse:
        if item.id in valid:
            keyed_by_scale.setdefault(item.scale, []).append(item.keyed(valid[item.id]))
    means = {scale: sum(values) / len(values) for scale, values in keyed_by_scale.items()}
    autonomy = autonomy_axis(means)
    connection = connection_axis(means)
    return PulseScore(
        autonomy.score,
        connection.score,
        pattern_of(autonomy.score, connection.score),
        autonomy,
        connection,
        given,
        instrument_version(),
        reason("pulse.estimate"),
    )
