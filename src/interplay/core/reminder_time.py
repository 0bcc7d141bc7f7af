"""When a reminder goes out: the person's chosen day and hour, on their own clock.

A person picks a weekday and an hour in their own time zone (an IANA name such as
"Europe/London"). A reminder for something due at a moment goes out at the first chosen slot
at or after that moment: for a re-assessment or a check-in, the chosen weekday at the chosen
hour; for an experiment's follow-up, the chosen hour on the planned day itself (the person
named that day). Daylight saving is the hard part, handled here once:

- an hour the clocks skip (01:30 on the spring-forward night in London) is sent as the same
  wall-clock time read on the old offset, which is the hour after the gap;
- an hour that happens twice (the autumn night) is sent the first time only.

Pure: zoneinfo, no Django. Results are aware datetimes in UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

WEEKDAYS = range(7)  # Monday is 0, as in `date.weekday()`
HOURS = range(24)


@cache
def time_zone_names() -> tuple[str, ...]:
    """The zone names a person may choose from, sorted; region/city names only (no "EST5EDT"
    or "Etc/GMT+3", whose signs read backwards), plus UTC."""
    names = {
        name
        for name in available_timezones()
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/"))
    }
    return tuple(sorted(names | {"UTC"}))


def is_time_zone(name: str) -> bool:
    return name in time_zone_names()


def local_moment(day: date, hour: int, zone: ZoneInfo) -> datetime:
    """`hour`:00 on `day` in `zone`, as an instant in UTC (the first of a repeated hour; a
    skipped hour read on the offset before the gap)."""
    wall = datetime.combine(day, time(hour), tzinfo=zone)  # fold=0: the earlier reading
    return wall.astimezone(UTC)


def weekly_slot(due: datetime, weekday: int, hour: int, zone_name: str) -> datetime:
    """The first `weekday` at `hour` (local to `zone_name`) at or after `due`."""
    zone = ZoneInfo(zone_name)
    local_day = due.astimezone(zone).date()
    # Try this week's slot and the next one; one of them is at or after `due`. A week later
    # than the first candidate always is, even across a clock change.
    first = local_day + timedelta(days=(weekday - local_day.weekday()) % 7)
    for day in (first, first + timedelta(days=7)):
        moment = local_moment(day, hour, zone)
        if moment >= due:
            return moment
    raise AssertionError("unreachable: a week after the due day is after the due moment")


def day_slot(day: date, hour: int, zone_name: str) -> datetime:
    """`hour` on `day` itself, in the person's zone (an experiment's planned day)."""
    return local_moment(day, hour, ZoneInfo(zone_name))
