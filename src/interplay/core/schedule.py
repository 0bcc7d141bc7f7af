"""What is due: the one rule for a first assessment, a re-assessment and the weekly check-in.

The dashboard, the coach's client page, the session planner and the client's home all ask
this function (the dashboard's SQL sort asks `cutoffs` for the same boundaries), so they cannot
disagree: a check-in is due once a full week has passed since the last check-in or the last
assessment, whichever is later (exactly seven days counts as due; an assessment measures all a
check-in does, so the weekly check-in starts a week after the first assessment, not minutes
after it, and nothing but the first assessment is due before there is one); a re-assessment
once 91 days (about three months) have passed since the last assessment. Pure: the caller says
what "last" means (for a coach, only what was shared)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

CHECK_IN_EVERY = timedelta(days=7)
REASSESS_EVERY = timedelta(days=91)  # about three months


@dataclass(frozen=True)
class Due:
    first_assessment: bool  # no assessment yet
    reassessment: bool  # the last assessment is REASSESS_EVERY old or older
    check_in: bool  # the later of the last check-in and assessment is CHECK_IN_EVERY old

    @property
    def assessment(self) -> bool:
        return self.first_assessment or self.reassessment

    @property
    def count(self) -> int:
        return int(self.assessment) + int(self.check_in)


@dataclass(frozen=True)
class Cutoffs:
    """A moment at or before which the last one makes the next due (for SQL filters)."""

    check_in: datetime
    reassessment: datetime


def cutoffs(now: datetime) -> Cutoffs:
    return Cutoffs(check_in=now - CHECK_IN_EVERY, reassessment=now - REASSESS_EVERY)


def what_is_due(
    now: datetime, last_assessment: datetime | None, last_check_in: datetime | None
) -> Due:
    limits = cutoffs(now)
    measured = [moment for moment in (last_assessment, last_check_in) if moment is not None]
    return Due(
        first_assessment=last_assessment is None,
        reassessment=last_assessment is not None and last_assessment <= limits.reassessment,
        check_in=bool(measured) and max(measured) <= limits.check_in,
    )
