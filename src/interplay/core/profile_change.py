"""How a profile has moved between assessments, as reliable change (pure: the web layer hands
in the assessments a coach may see and shows what comes back).

A raw rise or fall of a scale score says little: answers wobble from week to week. The Jacobson
& Truax reliable change index (`interplay.core.psychometrics.reliable_change`) asks whether a
move is larger than measurement error alone would make, given the spread of scores and the
scale's reliability.

The instrument has no norms yet, so the spread and reliability are provisional reference values,
the same for every scale and shown on the page beside the result: an SD of 0.8 on the 1-5
answer scale and a reliability of .80. With these, a scale must move by about 0.99 of a point
to count as a reliable change. They are to be replaced by estimates from real, consented data
(docs/coach-guide.md, "Reliable change").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from interplay.core.psychometrics import (
    ReliableChange,
    reliable_change,
    smallest_reliable_change,
)
from interplay.core.reference_values import (
    PROVISIONAL,
    PROVISIONAL_RELIABILITY,
    PROVISIONAL_SD,
    Reference,
)
from interplay.core.vocabulary import Scale

REFERENCE_SD = PROVISIONAL_SD
REFERENCE_RELIABILITY = PROVISIONAL_RELIABILITY
# Which way is "toward balance" for each scale: more interdependence, less of every extreme
# and every barrier.
HIGHER_IS_BETTER = {Scale.INTERDEPENDENCE}


@dataclass(frozen=True)
class ScaleChange:
    scale: Scale
    before: float
    after: float
    change: float
    index: float
    classification: ReliableChange

    @property
    def reliable(self) -> bool:
        return self.classification is not ReliableChange.NO_RELIABLE_CHANGE


def scale_scores(profile: Mapping[str, Any] | None) -> dict[Scale, float]:
    scores: dict[Scale, float] = {}
    for row in (profile or {}).get("scales") or ():
        try:
            scale = Scale(row.get("scale"))
        except (ValueError, AttributeError):
            continue
        score = row.get("score")
        if isinstance(score, (int, float)):
            scores[scale] = float(score)
    return scores


def changes_between(
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
    references: Mapping[Scale, Reference] | None = None,
) -> list[ScaleChange]:
    """Every scale scored in both profiles, in the vocabulary's order, judged against
    `references` (the practice's own figures, `reference_values`) or the provisional ones."""
    first, second = scale_scores(before), scale_scores(after)
    changes: list[ScaleChange] = []
    for scale in Scale:
        if scale not in first or scale not in second:
            continue  # unscored on one side: no change is claimed
        reference = (references or {}).get(scale, PROVISIONAL)
        result = reliable_change(
            first[scale],
            second[scale],
            reference.sd,
            reference.reliability,
            higher_is_better=scale in HIGHER_IS_BETTER,
        )
        changes.append(
            ScaleChange(
                scale,
                first[scale],
                second[scale],
                round(result.change, 2),
                round(result.index, 2),
                result.classification,
            )
        )
    return changes


def smallest_reliable_move() -> float:
    return round(smallest_reliable_change(REFERENCE_SD, REFERENCE_RELIABILITY), 2)


class HasProfile(Protocol):
    """Anything carrying a stored profile (a finished assessment, in the web layer)."""

    @property
    def profile(self) -> Mapping[str, Any] | None: ...


@dataclass(frozen=True)
class HistoryStep:
    """One shared assessment and how it moved from the one before it (None for the first)."""

    assessment: Any
    changes: list[ScaleChange] | None


def history(
    assessments: Sequence[HasProfile], references: Mapping[Scale, Reference] | None = None
) -> list[HistoryStep]:
    """Shared, completed assessments oldest first, each compared with the previous one (judged
    against `references`, as `changes_between`)."""
    steps: list[HistoryStep] = []
    previous: HasProfile | None = None
    for assessment in assessments:
        changes = (
            None
            if previous is None
            else changes_between(previous.profile, assessment.profile, references)
        )
        steps.append(HistoryStep(assessment, changes))
        previous = assessment
    return steps
