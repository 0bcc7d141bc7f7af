from datetime import UTC, datetime, timedelta

from interplay.core.schedule import CHECK_IN_EVERY, REASSESS_EVERY, cutoffs, what_is_due

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)


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


def test_a_reassessment_is_due_at_91_days():
    assert what_is_due(NOW, NOW - REASSESS_EVERY, NOW).reassessment
    assert not what_is_due(NOW, NOW - REASSESS_EVERY + timedelta(hours=1), NOW).reassessment


def test_cutoffs_draw_the_same_line_for_sql():
    limits = cutoffs(NOW)
    assert what_is_due(NOW, limits.reassessment, limits.check_in).count == 2
