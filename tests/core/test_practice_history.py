"""History in figures: predicted against actual, per-rung counts, a chart and its text."""

from interplay.core.practice_history import chart_series, history_stats
from interplay.core.vocabulary import Direction, ExperimentStatus, Outcome, Stakes
from tests.core.practice_helpers import done, plan, with_status


def nine_reflected_two_feared():
    records = [done(plan(anxiety=6), during=3, happened=Outcome.NO) for _ in range(7)]
    records += [done(plan(anxiety=6), during=9, happened=Outcome.YES) for _ in range(2)]
    return records


def test_headline_counts_feared_outcome_over_reflected_experiments():
    history = [*nine_reflected_two_feared(), with_status(ExperimentStatus.SKIPPED)]
    stats = history_stats(history)
    assert stats.reflected == 9
    assert stats.sentence().startswith("The feared outcome happened in 2 of 9 experiments.")


def test_mean_anxiety_predicted_and_during_are_over_the_same_experiments():
    stats = history_stats(nine_reflected_two_feared())
    assert stats.mean_anxiety_predicted == 6
    assert round(stats.mean_anxiety_during, 4) == round((7 * 3 + 2 * 9) / 9, 4)


def test_set_aside_experiments_are_reported_as_information():
    stats = history_stats([with_status(ExperimentStatus.ABANDONED), done(plan())])
    sentence = stats.sentence()
    assert "1 experiment was set aside" in sentence
    assert "fail" not in sentence.lower()


def test_per_rung_counts_cover_every_direction_and_stakes():
    stats = history_stats([done(plan(Direction.TOWARD_CONNECTION, Stakes.MEDIUM))])
    assert len(stats.per_rung) == 6
    cell = next(
        c
        for c in stats.per_rung
        if (c.direction, c.stakes) == (Direction.TOWARD_CONNECTION, Stakes.MEDIUM)
    )
    assert (cell.done, cell.successes, cell.planned) == (1, 1, 0)


def test_empty_history_says_so():
    assert history_stats([]).sentence() == "No experiment has been done and reflected on yet."
    assert chart_series([]).points == ()


def test_chart_has_one_point_per_reflected_experiment_and_a_matching_text_alternative():
    history = [with_status(ExperimentStatus.PLANNED), done(plan(anxiety=7), during=2)]
    series = chart_series(history)
    assert [(p.index, p.anxiety_predicted, p.anxiety_during) for p in series.points] == [(1, 7, 2)]
    assert (
        "anxiety expected 7, during 2; the feared outcome did not happen" in series.text_alternative
    )


def test_partly_is_counted_inside_the_total_not_as_more():
    # Three reflected experiments, one with the feared outcome partly: the old sentence read
    # "0 of 3 experiments, and partly in 1 more", as if there were four.
    history = [done(plan(), happened=Outcome.NO) for _ in range(2)]
    history.append(done(plan(), happened=Outcome.PARTLY))
    sentence = history_stats(history).sentence()
    assert sentence.startswith(
        "The feared outcome happened in none of 3 experiments, and partly in 1."
    )
    assert "more" not in sentence


def test_no_feared_outcome_at_all_reads_naturally():
    three = history_stats([done(plan(), happened=Outcome.NO) for _ in range(3)])
    assert three.sentence().startswith("The feared outcome did not happen in any of 3 experiments.")
    one = history_stats([done(plan(), happened=Outcome.NO)])
    assert one.sentence().startswith("The feared outcome did not happen in the one experiment")
