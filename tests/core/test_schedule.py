from datetime import UTC, datetime, timedelta

from interplay.core.schedule import CHECK_IN_EVERY, REASSESS_EVERY, cutoffs, what_is_due

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)


def test_nothing_yet_means_a_first_assessment_and_a_check_in_are_due():
    due = what_is_due(NOW, None, None)
    assert due.first_assessment and due.check_in and not due.reassessment and due.count == 2


def test_a_check_in_is_due_at_exactly_seven_days_and_not_a_moment_before():
    assert what_is_due(NOW, NOW, NOW - CHECK_IN_EVERY).check_in
    assert not what_is_due(NOW, NOW, NOW - CHECK_IN_EVERY + timedelta(seconds=1)).check_in


def test_a_reassessment_is_due_at_91_days():
    assert what_is_due(NOW, NOW - REASSESS_EVERY, NOW).reassessment
    assert not what_is_due(NOW, NOW - REASSESS_EVERY + timedelta(hours=1), NOW).reassessment


def test_cutoffs_draw_the_same_line_for_sql():
    limits = cutoffs(NOW)
    assert what_is_due(NOW, limits.reassessment, limits.check_in).count == 2
