"""Values and beliefs: what a person's boundaries protect, and what holds a pattern in place.

A person names the values their boundaries serve, picked from a short list written for this
project (`content/values.toml`) or in their own words, and can link an experiment or a
relationship boundary to the value it protects. They can also record a belief that keeps a
pattern going ("if someone helps me, I'll owe them"), where it may come from, what it costs,
what it protects, and an alternative belief in their own words. An experiment can test that
alternative; `belief_outcome` says what the experiments found, with the experiments as evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from interplay.core.content_files import CONTENT_DIR, Field, load_entries, text
from interplay.core.practice import ExperimentRecord, PracticeError
from interplay.core.vocabulary import ExperimentStatus, Outcome

VALUES_FILE = CONTENT_DIR / "values.toml"


@dataclass(frozen=True)
class CoreValue:
    """A value from the shipped list."""

    id: str
    name: str
    meaning: str


FIELDS = (Field("name", text), Field("meaning", text))


def load_values(path: Path = VALUES_FILE) -> tuple[CoreValue, ...]:
    return tuple(CoreValue(**entry) for entry in load_entries(path, "value", FIELDS))


@cache
def value_list() -> tuple[CoreValue, ...]:
    """The shipped values, read and validated once per process."""
    return load_values()


def value_by_id(value_id: str) -> CoreValue:
    for value in value_list():
        if value.id == value_id:
            return value
    raise KeyError(value_id)


@dataclass(frozen=True)
class PersonalValue:
    """A value a person has named: either one from the list (`value_id`) or their own words,
    never both. `id` is how links refer to it."""

    id: str
    value_id: str | None = None
    own_words: str = ""
    shared: bool = False

    def __post_init__(self) -> None:
        if bool(self.value_id) == bool(self.own_words.strip()):
            raise PracticeError("value_id", "give either a value from the list or your own words")
        if self.value_id is not None:
            try:
                value_by_id(self.value_id)
            except KeyError:
                raise PracticeError("value_id", f"unknown value {self.value_id!r}") from None

    @property
    def label(self) -> str:
        return value_by_id(self.value_id).name if self.value_id else self.own_words.strip()


class LinkTarget(StrEnum):
    EXPERIMENT = "experiment"
    RELATIONSHIP = "relationship"


@dataclass(frozen=True)
class ValueLink:
    """An experiment or a relationship boundary, and the value it protects."""

    target: LinkTarget
    target_id: str
    value_id: str  # a PersonalValue id


@dataclass(frozen=True)
class Belief:
    """A belief that holds a pattern in place, and the alternative the person wants to test."""

    id: str
    belief: str
    origin: str = ""  # where it may come from
    cost: str = ""  # what it costs
    protects: str = ""  # what it protects
    alternative: str = ""  # an alternative belief, in the person's own words
    shared: bool = False

    def __post_init__(self) -> None:
        if not self.belief.strip():
            raise PracticeError("belief", "must not be empty")


@dataclass(frozen=True)
class BeliefOutcome:
    """What the experiments that tested a belief found, with those experiments as evidence."""

    belief_id: str
    tested: int  # done and reflected
    happened: int
    partly: int
    not_happened: int
    planned: int
    set_aside: int  # skipped or abandoned
    evidence: tuple[ExperimentRecord, ...]
    summary: str


_COUNT_WORDS = {1: "once", 2: "twice"}


def times(count: int) -> str:
    """'once', 'twice', '3 times'."""
    return _COUNT_WORDS.get(count, f"{count} times")


def belief_outcome(belief: Belief, records: Iterable[ExperimentRecord]) -> BeliefOutcome:
    """Summarise the experiments linked to `belief` (records for other beliefs are ignored),
    e.g. 'Tested twice; the feared outcome happened once.'"""
    evidence = tuple(r for r in records if r.plan.belief_id == belief.id)
    outcomes = [r.reflection.feared_outcome_happened for r in evidence if r.reflection]
    tested = len(outcomes)
    happened = outcomes.count(Outcome.YES)
    partly = outcomes.count(Outcome.PARTLY)
    planned = sum(r.status is ExperimentStatus.PLANNED for r in evidence)
    set_aside = sum(
        r.status in (ExperimentStatus.SKIPPED, ExperimentStatus.ABANDONED) for r in evidence
    )
    if tested == 0:
        summary = "Not tested yet."
    else:
        if happened == 0:
            result = "the feared outcome did not happen"
        else:
            result = f"the feared outcome happened {times(happened)}"
        if partly:
            result += f" and partly {times(partly)}"
        summary = f"Tested {times(tested)}; {result}."
    if planned:
        summary += f" {planned} more planned."
    if set_aside:
        summary += f" {set_aside} set aside."
    return BeliefOutcome(
        belief_id=belief.id,
        tested=tested,
        happened=happened,
        partly=partly,
        not_happened=outcomes.count(Outcome.NO),
        planned=planned,
        set_aside=set_aside,
        evidence=evidence,
        summary=summary,
    )
