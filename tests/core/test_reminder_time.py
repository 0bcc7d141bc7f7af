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
    # No earlier slot would do: the same slot a week before is before the due moment.
    assert weekly_slot(due - timedelta(days=7), weekday, hour, zone) < due


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
