"""Moments of growth worth a quiet word: found in what a person did, never counted up.

Four kinds, each from the method: a reliable change toward balance between two assessments
(not a raw rise), an experiment whose feared outcome did not happen, a reframe of a belief that
held when an experiment tested it, and the first step at a higher rung of the ladder. There is
deliberately no streak, score or tally here: each moment is a dated fact about one step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from interplay.core.vocabulary import Outcome, Scale, Stakes


class GrowthKind(StrEnum):
    RELIABLE_CHANGE = "reliable_change"
    FEAR_DID_NOT_HAPPEN = "fear_did_not_happen"
    REFRAME_HELD = "reframe_held"
    FIRST_STEP_UP = "first_step_up"


@dataclass(frozen=True)
class DoneExperiment:
    """A reflected experiment as the growth rules need it."""

    pk: int
    when: datetime
    title: str
    stakes: Stakes
    outcome: Outcome | None
    tests_reframe: bool  # linked to a belief that has an alternative written for it


@dataclass(frozen=True)
class ReliableStep:
    """Scales that moved reliably toward balance from one assessment (`since`) to the next."""

    when: datetime
    since: datetime
    scales: tuple[Scale, ...]


@dataclass(frozen=True)
class Growth:
    kind: GrowthKind
    when: datetime
    title: str = ""  # the experiment's title, for the experiment kinds
    stakes: Stakes | None = None
    scales: tuple[Scale, ...] = ()
    since: datetime | None = None
    experiment: int | None = None


_ABOVE_LOW = (Stakes.MEDIUM, Stakes.HIGH)


def experiment_growth(done: DoneExperiment, earlier: Sequence[DoneExperiment]) -> list[Growth]:
    """What one reflected experiment is worth acknowledging, given those done before it."""
    found: list[Growth] = []
    if done.stakes in _ABOVE_LOW and not any(e.stakes == done.stakes for e in earlier):
        found.append(
            Growth(GrowthKind.FIRST_STEP_UP, done.when, done.title, done.stakes, experiment=done.pk)
        )
    if done.outcome is Outcome.NO:
        kind = GrowthKind.REFRAME_HELD if done.tests_reframe else GrowthKind.FEAR_DID_NOT_HAPPEN
        found.append(Growth(kind, done.when, done.title, done.stakes, experiment=done.pk))
    return found


def growth_moments(
    experiments: Sequence[DoneExperiment], steps: Sequence[ReliableStep]
) -> list[Growth]:
    """Every moment, newest first."""
    ordered = sorted(experiments, key=lambda e: (e.when, e.pk))
    found: list[Growth] = []
    for position, done in enumerate(ordered):
        found.extend(experiment_growth(done, ordered[:position]))
    for step in steps:
        if step.scales:
            found.append(
                Growth(GrowthKind.RELIABLE_CHANGE, step.when, scales=step.scales, since=step.since)
            )
    return sorted(found, key=lambda g: g.when, reverse=True)
