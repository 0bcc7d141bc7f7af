"""The spread and reliability of each scale that reliable change is judged against.

Jacobson & Truax need two numbers per scale: how widely scores vary between people (SD) and
how consistently the scale measures (reliability). The instrument has no published norms, so
until a practice has enough people of its own the provisional values of `profile_change` stand
in, labelled as such. Once at least `MIN_CLIENTS` people have finished an assessment, each
scale's SD is taken from their first assessment's scores and its reliability is Cronbach's
alpha over their first assessment's keyed item answers: the practice's own data, in aggregate.
A scale whose own figures cannot be estimated (nobody's answers vary, alpha out of range)
keeps the provisional values and says so.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import stdev
from typing import Any

from interplay.core.psychometrics import cronbach_alpha, smallest_reliable_change
from interplay.core.vocabulary import Scale

MIN_CLIENTS = 30
PROVISIONAL_SD = 0.8
PROVISIONAL_RELIABILITY = 0.80
# Alpha at or above 1 leaves no measurement error at all; below this floor a scale is too
# noisy for a change to mean much, so the provisional value is the honest choice.
LOWEST_USABLE_ALPHA = 0.5


@dataclass(frozen=True)
class Reference:
    sd: float
    reliability: float
    people: int  # how many people's first assessments the figures come from (0: provisional)
    provisional: bool

    @property
    def smallest_move(self) -> float:
        return round(smallest_reliable_change(self.sd, self.reliability), 2)


PROVISIONAL = Reference(PROVISIONAL_SD, PROVISIONAL_RELIABILITY, 0, True)


def _scale_rows(profile: Mapping[str, Any]) -> dict[Scale, Mapping[str, Any]]:
    rows: dict[Scale, Mapping[str, Any]] = {}
    for row in profile.get("scales") or ():
        try:
            rows[Scale(row.get("scale"))] = row
        except (ValueError, AttributeError):
            continue
    return rows


def _estimate(rows: Sequence[Mapping[str, Any]], people: int) -> Reference:
    scores = [float(row["score"]) for row in rows if isinstance(row.get("score"), int | float)]
    item_ids = sorted(
        {
            str(a.get("item_id"))
            for row in rows
            for a in row.get("answers") or ()
            if a.get("item_id")
        }
    )
    if len(scores) < MIN_CLIENTS or len(item_ids) < 2:
        return PROVISIONAL
    matrix = []
    for row in rows:
        keyed = {str(a.get("item_id")): a.get("keyed") for a in row.get("answers") or ()}
        matrix.append(
            [
                float(keyed[i]) if isinstance(keyed.get(i), int | float) else math.nan
                for i in item_ids
            ]
        )
    sd = stdev(scores)
    alpha = cronbach_alpha(matrix)
    if not (sd > 0 and math.isfinite(alpha) and LOWEST_USABLE_ALPHA <= alpha < 1.0):
        return PROVISIONAL
    return Reference(round(sd, 3), round(alpha, 3), people, False)


def reference_values(first_profiles: Sequence[Mapping[str, Any] | None]) -> dict[Scale, Reference]:
    """One reference per scale from each person's first finished profile (one per person: a
    person assessed ten times must not weigh ten times)."""
    profiles = [p for p in first_profiles if p]
    if len(profiles) < MIN_CLIENTS:
        return dict.fromkeys(Scale, PROVISIONAL)
    by_scale: dict[Scale, list[Mapping[str, Any]]] = {scale: [] for scale in Scale}
    for profile in profiles:
        for scale, row in _scale_rows(profile).items():
            by_scale[scale].append(row)
    return {scale: _estimate(rows, len(profiles)) for scale, rows in by_scale.items()}
