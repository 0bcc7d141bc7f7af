from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from interplay.core.reminder_time import day_slot, is_time_zone, time_zone_names, weekly_slot

ZONES = ("Europe/London", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia", "UTC")
instants = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(UTC)
)
zones = st.sampled_from(ZONES)
weekdays = st.integers(min_value=0, max_value=6)
hours = st.integers(min_value=0, max_value=23)


def _wall_hour_allowed(moment: datetime, hour: int, zone: str) -> bool:
    """On the person's clock the slot reads `hour`:00, or a little later when the clocks
    skipped that hour (the gap is at most an hour)."""
    local = moment.astimezone(ZoneInfo(zone))
    minutes = (local.hour * 60 + local.minute) - hour * 60
    return minutes == 0 or (0 < minutes <= 60)


@given(instants, weekdays, hours, zones)
def test_the_weekly_slot_is_the_first_chosen_day_and_hour_at_or_after_the_due_moment(
    due, weekday, hour, zone
):
    slot = weekly_slot(due, weekday, hour, zone)
    assert slot.tzinfo is UTC
    assert slot >= due
    assert slot - due < timedelta(days=7, hours=2)
    assert slot.astimezone(ZoneInfo(zone)).weekday() == weekday
    assert _wall_hour_allowed(slot, hour, zone)
    # No earlier slot would do: the same day and hour a week before, on the person's calendar,
    # is before the due moment. (Not the slot for `due` minus 7 x 24 hours: across a clock
    # change that instant is an hour off the wall clock and can land just after the week-old
    # slot, as Hypothesis found at New York's change of 5 November 2028.)
    week_before = slot.astimezone(ZoneInfo(zone)).date() - timedelta(days=7)
    assert day_slot(week_before, hour, zone) < due


def test_the_week_old_slot_across_new_yorks_autumn_change_is_before_the_due_moment():
    # Monday 00:00 is chosen; due one microsecond after Sunday 23:00 EST, the evening the
    # clocks went back. The slot is Monday 00:00 EST; the week before's is Monday 00:00 EDT.
    due = datetime(2028, 11, 6, 4, 0, 0, 1, tzinfo=UTC)
    slot = weekly_slot(due, 0, 0, "America/New_York")
    assert slot == datetime(2028, 11, 6, 5, tzinfo=UTC)
    assert day_slot(date(2028, 10, 30), 0, "America/New_York") == datetime(
        2028, 10, 30, 4, tzinfo=UTC
    )
    assert datetime(2028, 10, 30, 4, tzinfo=UTC) < due


@given(instants, weekdays, hours, zones)
def test_a_slot_that_is_due_now_is_its_own_slot(due, weekday, hour, zone):
    slot = weekly_slot(due, weekday, hour, zone)
    assert weekly_slot(slot, weekday, hour, zone) == slot


def test_london_spring_forward_sends_the_skipped_hour_at_the_hour_after():
    # 29 March 2026, a Sunday: the clocks go from 01:00 to 02:00 GMT/BST.
    slot = day_slot(date(2026, 3, 29), 1, "Europe/London")
    assert slot == datetime(2026, 3, 29, 1, tzinfo=UTC)
    assert slot.astimezone(ZoneInfo("Europe/London")).hour == 2


def test_london_autumn_sends_a_repeated_hour_once_the_first_time():
    # 25 October 2026: 01:00-02:00 happens twice; the first is still BST (UTC+1).
    assert day_slot(date(2026, 10, 25), 1, "Europe/London") == datetime(2026, 10, 25, tzinfo=UTC)


def test_a_weekly_slot_keeps_the_wall_clock_hour_across_a_clock_change():
    zone = "America/New_York"
    before = weekly_slot(datetime(2026, 3, 2, tzinfo=UTC), 0, 9, zone)  # Monday 2 March, EST
    after = weekly_slot(before + timedelta(seconds=1), 0, 9, zone)  # 9 March, EDT
    assert (before.hour, after.hour) == (14, 13)  # 09:00 local both times
    assert after - before == timedelta(days=7, hours=-1)


def test_the_zone_list_holds_cities_and_utc_not_backwards_etc_names():
    names = time_zone_names()
    assert "Europe/London" in names and "UTC" in names
    assert not any(name.startswith("Etc/") for name in names)
    assert is_time_zone("Asia/Kolkata") and not is_time_zone("Mars/Olympus")
