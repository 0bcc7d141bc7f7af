"""Reference values for reliable change, chart geometry and the growth rules (pure core)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from interplay.core.charts import line_chart
from interplay.core.growth import DoneExperiment, GrowthKind, ReliableStep, growth_moments
from interplay.core.profile_change import changes_between
from interplay.core.psychometrics import ReliableChange
from interplay.core.reference_values import MIN_CLIENTS, PROVISIONAL, reference_values
from interplay.core.vocabulary import Outcome, Scale, Stakes

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def _profile(rng: random.Random) -> dict[str, object]:
    """Four correlated items on the dependence scale: a shared trait plus item noise."""
    trait = rng.gauss(3, 0.8)
    keyed = [min(5, max(1, round(trait + rng.gauss(0, 0.5)))) for _ in range(4)]
    return {
        "scales": [
            {
                "scale": "dependence",
                "score": sum(keyed) / 4,
                "answers": [{"item_id": f"d{i}", "keyed": k} for i, k in enumerate(keyed)],
            }
        ]
    }


def test_fewer_than_thirty_people_keep_the_provisional_values():
    rng = random.Random(1)
    references = reference_values([_profile(rng) for _ in range(MIN_CLIENTS - 1)])
    assert all(ref is PROVISIONAL and ref.provisional for ref in references.values())


def test_thirty_people_give_the_practice_its_own_figures():
    rng = random.Random(2)
    profiles = [_profile(rng) for _ in range(60)]
    references = reference_values(profiles)
    own = references[Scale.DEPENDENCE]
    assert not own.provisional and own.people == 60
    assert 0.5 <= own.reliability < 1.0
    assert 0.4 < own.sd < 1.2
    # Scales nobody answered stay provisional, and say so.
    assert references[Scale.PERFECTIONISM].provisional


def test_identical_answers_cannot_give_a_reliability_and_stay_provisional():
    answers = [{"item_id": "a", "keyed": 3}, {"item_id": "b", "keyed": 3}]
    same = {"scales": [{"scale": "dependence", "score": 3.0, "answers": answers}]}
    assert reference_values([same] * 40)[Scale.DEPENDENCE].provisional


def test_a_tighter_reference_makes_a_smaller_move_reliable():
    before = {"scales": [{"scale": "dependence", "score": 3.0}]}
    after = {"scales": [{"scale": "dependence", "score": 2.5}]}
    assert changes_between(before, after)[0].classification is ReliableChange.NO_RELIABLE_CHANGE
    tight = {Scale.DEPENDENCE: PROVISIONAL.__class__(0.4, 0.9, 40, False)}
    moved = changes_between(before, after, tight)[0]
    assert moved.classification is ReliableChange.IMPROVED


def test_line_chart_spaces_points_by_real_time_and_keeps_values_in_range():
    chart = line_chart(
        [(T0 + timedelta(days=30), 5.0), (T0, 1.0), (T0 + timedelta(days=3), 3.0)],
        1.0,
        5.0,
        (1.0, 3.0, 5.0),
    )
    xs = [p.x for p in chart.points]
    assert xs == sorted(xs) and xs[0] == chart.left and xs[-1] == chart.right
    assert xs[1] - xs[0] < (xs[2] - xs[1]) / 5  # three days against twenty-seven
    assert chart.points[0].y == chart.baseline and chart.points[-1].y < chart.points[1].y
    with pytest.raises(ValueError):
        line_chart([], 5.0, 5.0, ())


def _done(pk, days, stakes=Stakes.LOW, outcome=Outcome.NO, reframe=False):  # type: ignore[no-untyped-def]
    return DoneExperiment(pk, T0 + timedelta(days=days), f"e{pk}", stakes, outcome, reframe)


def test_growth_moments_are_facts_about_steps_not_tallies():
    moments = growth_moments(
        [
            _done(1, 1),
            _done(2, 2, Stakes.MEDIUM, Outcome.YES),
            _done(3, 3, Stakes.MEDIUM, Outcome.NO, reframe=True),
        ],
        [ReliableStep(T0 + timedelta(days=4), T0, (Scale.DEPENDENCE,)),
         ReliableStep(T0 + timedelta(days=5), T0, ())],
    )  # fmt: skip
    kinds = [(m.kind, m.experiment) for m in moments]
    assert kinds == [
        (GrowthKind.RELIABLE_CHANGE, None),
        (GrowthKind.REFRAME_HELD, 3),
        (GrowthKind.FIRST_STEP_UP, 2),  # the first medium step, though the fear came true
        (GrowthKind.FEAR_DID_NOT_HAPPEN, 1),
    ]
