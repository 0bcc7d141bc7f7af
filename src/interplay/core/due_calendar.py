"""The calendar of what is due, as iCalendar text (RFC 5545): the same rule as every page
(`schedule.py`), turned into the day each item falls due. Pure: the caller passes the moments
and the words (already translated), so nothing private and nothing of Django is in here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from interplay.core.schedule import (
    DEFAULT_REASSESS_WEEKS,
    PlannedExperiment,
    next_check_in,
    next_reassessment,
)

FIRST_ASSESSMENT = "first-assessment"
REASSESSMENT = "reassessment"
CHECK_IN = "check-in"
FOLLOW_UP = "follow-up"


@dataclass(frozen=True)
class DueDay:
    kind: str  # FIRST_ASSESSMENT, REASSESSMENT, CHECK_IN or FOLLOW_UP
    day: date
    experiment_id: int | None = None  # for FOLLOW_UP: which experiment's reflection

    @property
    def uid_part(self) -> str:
        return self.kind if self.experiment_id is None else f"{self.kind}-{self.experiment_id}"


def due_days(
    today: date,
    last_assessment: datetime | None,
    last_check_in: datetime | None,
    *,
    reassess_weeks: int = DEFAULT_REASSESS_WEEKS,
    planned: Iterable[PlannedExperiment] = (),
) -> list[DueDay]:
    """The next day each item is due, by the one rule (`schedule.py`: the client's own
    re-assessment interval, check-ins from a week after the first assessment, each planned
    experiment's follow-up on its day); an item already due is due today. Before the first
    assessment only that is due."""
    if last_assessment is None:
        return [DueDay(FIRST_ASSESSMENT, today)]
    check_in = next_check_in(last_assessment, last_check_in)
    reassess = next_reassessment(last_assessment, reassess_weeks)
    assert check_in is not None and reassess is not None  # both exist after an assessment
    days = [
        DueDay(CHECK_IN, max(today, check_in.date())),
        DueDay(REASSESSMENT, max(today, reassess.date())),
    ]
    days += [
        DueDay(FOLLOW_UP, max(today, item.planned_for), item.experiment_id)
        for item in planned
        if item.planned_for is not None
    ]
    return days


def _escape(text: str) -> str:
    for plain, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(plain, escaped)
    return text


def _fold(line: str) -> list[str]:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    pieces: list[str] = []
    current = ""
    for char in line:
        if len((current + char).encode()) > 75:
            pieces.append(current)
            current = " "  # the continuation's leading space counts towards its 75
        current += char
    pieces.append(current)
    return pieces


def calendar_text(
    days: list[DueDay],
    *,
    owner_key: str,
    stamp: datetime,
    titles: dict[str, str],
    url: str,
    calendar_name: str,
) -> str:
    """An iCalendar document with one all-day event per due item. `owner_key` keeps event ids
    stable between fetches (so calendar apps update instead of duplicating); `titles` maps each
    kind to its words."""
    stamped = stamp.strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Interplay//Due items//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(calendar_name)}",
    ]
    for item in days:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{item.uid_part}-{owner_key}@interplay",
            f"DTSTAMP:{stamped}",
            f"DTSTART;VALUE=DATE:{item.day.strftime('%Y%m%d')}",
            f"SUMMARY:{_escape(titles[item.kind])}",
            f"URL:{url}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(f"{folded}\r\n" for line in lines for folded in _fold(line))
