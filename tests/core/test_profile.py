import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interplay.core.instrument import instrument_items, pulse_items
from interplay.core.profile import AnswerError, build_profile, score_pulse
from interplay.core.scoring import score_answers
from interplay.core.vocabulary import Pattern, Risk, Scale
from tests.core.personas import DEPENDENT, MAYA

ITEMS = instrument_items()
IDS = [item.id for item in ITEMS]

partial_answers = st.dictionaries(
    st.sampled_from(IDS), st.integers(min_value=1, max_value=5), min_size=1
)


@settings(max_examples=300, deadline=None)
@given(partial_answers)
def test_any_valid_partial_answer_set_builds_a_json_ready_profile(answers):
    profile = build_profile(answers)
    data = json.loads(json.dumps(profile.to_dict()))
    assert data["answered"] == len(answers)
    scored = {s["scale"] for s in data["scales"]}
    unscored = {s["scale"] for s in data["unscored"]}
    assert scored | unscored == {scale.value for scale in Scale}
    assert not scored & unscored
    for value in (profile.balance.autonomy, profile.balance.connection):
        assert value is None or 0 <= value <= 100


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_agreeing_more_with_an_item_moves_its_scale_the_right_way(data):
    answers = {item.id: data.draw(st.integers(1, 5)) for item in ITEMS}
    item = data.draw(st.sampled_from(ITEMS))
    if answers[item.id] == 5:
        answers[item.id] = 4
    before = score_answers(answers).scored[item.scale].score
    answers[item.id] += 1
    after = score_answers(answers).scored[item.scale].score
    if item.reverse:
        assert after < before
    else:
        assert after > before


def test_every_risk_is_reported_once_with_evidence():
    profile = build_profile(MAYA)
    assert [finding.risk for finding in profile.risks] == list(Risk)
    for finding in profile.risks:
        assert finding.assessable
        assert finding.evidence, finding.risk
        assert all(scale.answers for scale in finding.evidence)


def test_partial_answers_leave_unjudged_findings_out_rather_than_guessing():
    answers = {key: value for key, value in MAYA.items() if not key.startswith("rig")}
    profile = build_profile(answers)
    assert profile.boundaries.style is None
    assert [u.scale for u in profile.unscored] == [Scale.RIGID_BOUNDARIES]
    isolation = next(f for f in profile.risks if f.risk is Risk.ISOLATION)
    assert not isolation.assessable and not isolation.flagged
    assert "rigid_boundaries not scored" in isolation.rule
    # connection still has two of its three scales
    assert profile.balance.connection is not None
    assert Scale.RIGID_BOUNDARIES in profile.balance.connection_axis.missing
    assert any("too few answers" in note for note in profile.notes)


def test_axis_needs_two_of_its_three_scales():
    only_dependence = {key: value for key, value in DEPENDENT.items() if key.startswith("dep")}
    profile = build_profile(only_dependence)
    assert profile.balance.autonomy is None
    assert profile.balance.pattern is None
    assert profile.focus.focus is None
    assert profile.experiments == ()


def test_profile_says_it_is_for_reflection_not_diagnosis():
    profile = build_profile(MAYA)
    assert any("not diagnosis" in note for note in profile.notes)
    assert profile.to_dict()["instrument_version"] == "1.0"


def test_agreeing_with_everything_adds_a_note():
    profile = build_profile({item_id: 5 for item_id in IDS})
    assert profile.acquiescence.flagged
    assert any("opposites" in note for note in profile.notes)


def test_build_profile_refuses_bad_answers_naming_the_item():
    with pytest.raises(AnswerError, match="'oi01'"):
        build_profile({"oi01": 7})


def test_pulse_estimates_the_balance_from_pulse_items():
    pulse = {item.id: MAYA[item.id] for item in pulse_items()}
    result = score_pulse(pulse)
    assert result.pattern is Pattern.OVER_INDEPENDENT
    assert [a.item_id for a in result.answers] == [item.id for item in pulse_items()]
    assert result.to_dict()["autonomy"] == result.autonomy


def test_pulse_refuses_items_outside_the_pulse():
    with pytest.raises(AnswerError, match="'dep02': not one of the pulse"):
        score_pulse({"dep02": 3})
    with pytest.raises(AnswerError, match="'zzz': unknown item id"):
        score_pulse({"zzz": 3})


def test_barrier_item_labels_name_real_items_of_their_barrier():
    from interplay.core.findings import BARRIER_ITEM_LABELS

    by_id = {item.id: item for item in ITEMS}
    for barrier, labels in BARRIER_ITEM_LABELS.items():
        for item_id in labels:
            assert by_id[item_id].scale == barrier.scale


def test_neutral_answers_sit_on_the_midpoint_and_say_so():
    profile = build_profile({item_id: 3 for item_id in IDS})
    assert profile.balance.autonomy == 50.0 and profile.balance.connection == 50.0
    assert profile.balance.near_midpoint
    assert "could tip either way" in profile.balance.pattern_reason


def test_clear_profile_is_not_near_the_midpoint():
    profile = build_profile(MAYA)
    assert not profile.balance.near_midpoint
    assert profile.balance.pattern_reason == "autonomy 85 >= 50 and connection 22 < 50"


@pytest.mark.parametrize("name", ["MAYA", "DEPENDENT", "INTERDEPENDENT", "WITHDRAWN"])
def test_pulse_places_each_persona_where_the_full_profile_does(name):
    from tests.core import personas

    answers = getattr(personas, name)
    full = build_profile(answers)
    pulse = score_pulse({item.id: answers[item.id] for item in pulse_items()})
    assert pulse.pattern is full.balance.pattern
    assert abs(pulse.autonomy - full.balance.autonomy) < 20
    assert abs(pulse.connection - full.balance.connection) < 20
