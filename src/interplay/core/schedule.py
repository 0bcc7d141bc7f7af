"""What is due, and from when: the one rule for the first assessment, a re-assessment, the weekly
check-in and an experiment's follow-up.

The dashboard, the coach's client page, the session planner, the client's home and the
reminder planner all ask this module (the dashboard's SQL sort asks `cutoffs` for the same
boundaries), so they cannot disagree:

- nothing but the first assessment is due before there is one;
- a check-in is due once a full week has passed since the last check-in or the last
  assessment, whichever is later (exactly seven days counts as due; an assessment measures all
  a check-in does, so the weekly check-in starts a week after the first assessment);
- a re-assessment once the client's interval (every N weeks, six unless their coach chose
  another from `REASSESS_WEEKS`) has passed since the last assessment;
- an experiment's follow-up (reflecting on it) from its planned date, while it is still
  planned.

Pure: the caller says what "last" means (for a coach, only what was shared). Every moment is an
aware datetime; the rules compare instants, so the time zone of a moment changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

CHECK_IN_EVERY = timedelta(days=7)
DEFAULT_REASSESS_WEEKS = 6
# The intervals a coach may choose: a list keeps the dashboard's SQL one comparison per choice.
REASSESS_WEEKS = (2, 3, 4, 6, 8, 10, 12, 16, 26)


def reassess_every(weeks: int = DEFAULT_REASSESS_WEEKS) -> timedelta:
    if weeks not in REASSESS_WEEKS:
        raise ValueError(
            f"a re-assessment interval of {weeks} weeks is not one of {REASSESS_WEEKS}"
        )
    return timedelta(weeks=weeks)


@dataclass(frozen=True)
class PlannedExperiment:
    """An experiment still planned, with the day the person means to try it (if they said)."""

    experiment_id: int
    planned_for: date | None


@dataclass(frozen=True)
class Due:
    first_assessment: bool  # no assessment yet
    reassessment: bool  # the last assessment is the client's interval old or older
    check_in: bool  # the later of the last check-in and assessment is CHECK_IN_EVERY old
    follow_ups: tuple[int, ...] = field(default=())  # experiments whose planned day has come

    @property
    def assessment(self) -> bool:
        return self.first_assessment or self.reassessment

    @property
    def count(self) -> int:
        return int(self.assessment) + int(self.check_in) + len(self.follow_ups)


@dataclass(frozen=True)
class Cutoffs:
    """A moment at or before which the last one makes the next due (for SQL filters)."""

    check_in: datetime
    reassessment: datetime


def cutoffs(now: datetime, reassess_weeks: int = DEFAULT_REASSESS_WEEKS) -> Cutoffs:
    return Cutoffs(check_in=now - CHECK_IN_EVERY, reassessment=now - reassess_every(reassess_weeks))


def next_check_in(
    last_assessment: datetime | None, last_check_in: datetime | None
) -> datetime | None:
    """When the next weekly check-in falls due (None before the first assessment)."""
    if last_assessment is None:
        return None
    measured = [m for m in (last_assessment, last_check_in) if m is not None]
    return max(measured) + CHECK_IN_EVERY


def next_reassessment(
    last_assessment: datetime | None, reassess_weeks: int = DEFAULT_REASSESS_WEEKS
) -> datetime | None:
    """When the next re-assessment falls due (None before the first assessment: that one is
    due at once and is no re-assessment)."""
    if last_assessment is None:
        return None
    return last_assessment + reassess_every(reassess_weeks)


def follow_ups_due(today: date, planned: Iterable[PlannedExperiment]) -> tuple[int, ...]:
    """The planned experiments whose day has come (`today` is the person's own date)."""
    return tuple(
        item.experiment_id
        for item in planned
        if item.planned_for is not None and item.planned_for <= today
    )


def what_is_due(
    now: datetime,
    last_assessment: datetime | None,
    last_check_in: datetime | None,
    *,
    reassess_weeks: int = DEFAULT_REASSESS_WEEKS,
    today: date | None = None,
    planned: Iterable[PlannedExperiment] = (),
) -> Due:
    check_in_at = next_check_in(last_assessment, last_check_in)
    reassess_at = next_reassessment(last_assessment, reassess_weeks)
    return Due(
        first_assessment=last_assessment is None,
        reassessment=reassess_at is not None and reassess_at <= now,
        check_in=check_in_at is not None and check_in_at <= now,
        follow_ups=follow_ups_due(today or now.date(), planned),
    )
