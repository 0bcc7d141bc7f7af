"""The calendar of what is due, as iCalendar text (RFC 5545): the same rule as every page
(`schedule.py`), turned into the day each item falls due. Pure: the caller passes the moments
and the words (already translated), so nothing private and nothing of Django is in here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from interplay.core.schedule import CHECK_IN_EVERY, REASSESS_EVERY

FIRST_ASSESSMENT = "first-assessment"
REASSESSMENT = "reassessment"
CHECK_IN = "check-in"


@dataclass(frozen=True)
class DueDay:
    kind: str  # FIRST_ASSESSMENT, REASSESSMENT or CHECK_IN
    day: date


def due_days(
    today: date, last_assessment: datetime | None, last_check_in: datetime | None
) -> list[DueDay]:
    """The next day each item is due; an item already due is due today. Before the first
    assessment only that is due (check-ins start a week after it, as `what_is_due` says)."""
    if last_assessment is None:
        return [DueDay(FIRST_ASSESSMENT, today)]
    measured = max(m for m in (last_assessment, last_check_in) if m is not None)
    return [
        DueDay(CHECK_IN, max(today, (measured + CHECK_IN_EVERY).date())),
        DueDay(REASSESSMENT, max(today, (last_assessment + REASSESS_EVERY).date())),
    ]


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
            f"UID:{item.kind}-{owner_key}@interplay",
            f"DTSTAMP:{stamped}",
            f"DTSTART;VALUE=DATE:{item.day.strftime('%Y%m%d')}",
            f"SUMMARY:{_escape(titles[item.kind])}",
            f"URL:{url}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(f"{folded}\r\n" for line in lines for folded in _fold(line))
