from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interplay.core.schedule import (
    CHECK_IN_EVERY,
    DEFAULT_REASSESS_WEEKS,
    REASSESS_WEEKS,
    PlannedExperiment,
    cutoffs,
    next_check_in,
    next_reassessment,
    reassess_every,
    what_is_due,
)

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
SIX_WEEKS = timedelta(weeks=DEFAULT_REASSESS_WEEKS)
ZONES = ("Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC")

# Instants from 2020 to 2035, seen in zones with and without daylight saving (Lord Howe moves
# by half an hour), so every rule is checked across clock changes.
instants = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(UTC)
)
zones = st.sampled_from(ZONES).map(ZoneInfo)
gaps = st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=400))


def test_nothing_yet_means_only_the_first_assessment_is_due():
    due = what_is_due(NOW, None, None)
    assert due.first_assessment and not due.check_in and not due.reassessment and due.count == 1


def test_the_first_check_in_is_due_a_week_after_the_first_assessment_not_minutes_after():
    assert not what_is_due(NOW, NOW - timedelta(minutes=5), None).check_in
    assert not what_is_due(NOW, NOW - CHECK_IN_EVERY + timedelta(seconds=1), None).check_in
    assert what_is_due(NOW, NOW - CHECK_IN_EVERY, None).check_in


def test_a_check_in_is_due_at_exactly_seven_days_and_not_a_moment_before():
    week_ago = NOW - CHECK_IN_EVERY
    assert what_is_due(NOW, week_ago - timedelta(days=3), week_ago).check_in
    assert not what_is_due(NOW, week_ago, week_ago + timedelta(seconds=1)).check_in


def test_a_new_assessment_restarts_the_weekly_check_in():
    # The assessment measured everything a check-in does: the next check-in is a week after it.
    last_check_in = NOW - timedelta(days=10)
    assert not what_is_due(NOW, NOW - timedelta(days=2), last_check_in).check_in
    assert what_is_due(NOW, NOW - timedelta(days=8), last_check_in).check_in


def test_a_reassessment_is_due_after_six_weeks_unless_the_coach_chose_another_interval():
    assert what_is_due(NOW, NOW - SIX_WEEKS, NOW).reassessment
    assert not what_is_due(NOW, NOW - SIX_WEEKS + timedelta(hours=1), NOW).reassessment
    assert not what_is_due(NOW, NOW - SIX_WEEKS, NOW, reassess_weeks=8).reassessment
    assert what_is_due(NOW, NOW - timedelta(weeks=4), NOW, reassess_weeks=4).reassessment


def test_an_interval_outside_the_list_is_refused():
    with pytest.raises(ValueError, match="not one of"):
        reassess_every(5)


def test_cutoffs_draw_the_same_line_for_sql():
    limits = cutoffs(NOW)
    assert what_is_due(NOW, limits.reassessment, limits.check_in).count == 2


def test_a_follow_up_is_due_from_its_planned_day_and_only_with_a_day():
    planned = [
        PlannedExperiment(1, date(2026, 11, 30)),
        PlannedExperiment(2, date(2026, 12, 1)),
        PlannedExperiment(3, date(2026, 12, 2)),
        PlannedExperiment(4, None),
    ]
    due = what_is_due(NOW, NOW, NOW, today=date(2026, 12, 1), planned=planned)
    assert due.follow_ups == (1, 2) and due.count == 2


@given(instants, st.one_of(st.none(), instants), gaps, zones, st.sampled_from(REASSESS_WEEKS))
def test_what_is_due_agrees_with_the_due_moments_in_every_zone(
    assessed, checked, later, zone, weeks
):
    """Due means "the due moment has come", whatever zone the moments are written in."""
    now = (assessed + later).astimezone(zone)
    local = (assessed.astimezone(zone), checked.astimezone(zone) if checked else None)
    due = what_is_due(now, *local, reassess_weeks=weeks)
    assert due == what_is_due(now.astimezone(UTC), assessed, checked, reassess_weeks=weeks)
    check_in_at = next_check_in(assessed, checked)
    assert check_in_at is not None and due.check_in == (check_in_at <= now)
    assert due.reassessment == (later >= timedelta(weeks=weeks))
    assert next_reassessment(assessed, weeks) == assessed + timedelta(weeks=weeks)


@given(instants, gaps, zones)
def test_the_check_in_is_never_due_sooner_than_a_week_of_real_time(assessed, later, zone):
    # Across a clock change a "week" on the wall clock is 167 or 169 hours: the rule counts
    # real time, so the hour the clocks move is never lost or gained.
    now = (assessed + later).astimezone(zone)
    assert what_is_due(now, assessed.astimezone(zone), None).check_in == (later >= CHECK_IN_EVERY)


@given(instants, instants, zones, st.sampled_from(REASSESS_WEEKS))
def test_the_sql_cutoffs_and_the_rule_draw_the_same_line(now, last, zone, weeks):
    limits = cutoffs(now.astimezone(zone), weeks)
    due = what_is_due(now, last, last, reassess_weeks=weeks)
    assert due.reassessment == (last <= limits.reassessment)
    assert due.check_in == (last <= limits.check_in)
