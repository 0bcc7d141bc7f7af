import pytest

from interplay.core.instrument import instrument_items, load_items
from interplay.core.scoring import (
    AnswerError,
    band,
    needed_answers,
    score_answers,
    validate_answers,
)
from interplay.core.vocabulary import Level, Scale

SMALL = """
version = "t"
[[item]]
id = "a1"
text = "Forward one"
scale = "dependence"
[[item]]
id = "a2"
text = "Forward two"
scale = "dependence"
[[item]]
id = "a3"
text = "Forward three"
scale = "dependence"
[[item]]
id = "a4"
text = "Reversed"
scale = "dependence"
reverse = true
"""


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "items.toml"
    path.write_text(SMALL)
    return load_items(path)


def test_reverse_keyed_item_is_flipped_before_averaging(small):
    sheet = score_answers({"a1": 5, "a2": 5, "a3": 5, "a4": 1}, small)
    assert sheet.scored[Scale.DEPENDENCE].score == 5.0
    sheet = score_answers({"a1": 5, "a2": 5, "a3": 5, "a4": 5}, small)
    assert sheet.scored[Scale.DEPENDENCE].score == 4.0


def test_scale_evidence_lists_each_answer_raw_and_keyed(small):
    sheet = score_answers({"a1": 4, "a2": 2, "a3": 3, "a4": 2}, small)
    evidence = {a.item_id: (a.answer, a.keyed) for a in sheet.scored[Scale.DEPENDENCE].answers}
    assert evidence == {"a1": (4, 4), "a2": (2, 2), "a3": (3, 3), "a4": (2, 4)}


def test_scale_with_too_few_answers_is_unscored_with_reason(small):
    sheet = score_answers({"a1": 4, "a2": 2}, small)
    assert Scale.DEPENDENCE not in sheet.scored
    assert sheet.unscored[Scale.DEPENDENCE].reason == "2 of 4 items answered; needs 3"


def test_shipped_five_item_scale_needs_four_answers():
    sheet = score_answers({"dep01": 4, "dep02": 4, "dep03": 4})
    assert sheet.unscored[Scale.DEPENDENCE].reason == "3 of 5 items answered; needs 4"
    sheet = score_answers({"dep01": 4, "dep02": 4, "dep03": 4, "dep04": 2})
    assert sheet.scored[Scale.DEPENDENCE].score == 4.0


def test_needed_answers_is_75_percent_rounded_up():
    assert [needed_answers(n) for n in (4, 5, 6, 8)] == [3, 4, 5, 6]


@pytest.mark.parametrize(
    ("mean", "level"),
    [
        (1.0, Level.LOW),
        (2.49, Level.LOW),
        (2.5, Level.MODERATE),
        (3.5, Level.MODERATE),
        (3.51, Level.HIGH),
        (5.0, Level.HIGH),
    ],
)
def test_band_cut_points(mean, level):
    assert band(mean) is level


@pytest.mark.parametrize(
    ("answers", "named"),
    [
        ({"nope": 3}, "'nope': unknown item id"),
        ({"dep01": 6}, "'dep01': answer must be from 1 to 5, got 6"),
        ({"dep01": 0}, "'dep01'"),
        ({"dep01": True}, "'dep01': answer must be a whole number"),
        ({"dep01": 3.0}, "'dep01': answer must be a whole number"),
        ({"dep01": "3"}, "'dep01': answer must be a whole number"),
        ({"dep01": None}, "'dep01'"),
    ],
)
def test_invalid_answers_raise_answer_error_naming_the_item(answers, named):
    with pytest.raises(AnswerError) as caught:
        validate_answers(answers)
    assert named in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_empty_answers_are_refused():
    with pytest.raises(AnswerError, match="no answers"):
        validate_answers({})


def test_acquiescence_flags_agreeing_with_everything():
    sheet = score_answers({item.id: 5 for item in instrument_items()})
    assert sheet.acquiescence.flagged
    assert sheet.acquiescence.index == 5.0


def test_acquiescence_not_flagged_for_consistent_answers():
    answers = {item.id: (1 if item.reverse else 5) for item in instrument_items()}
    sheet = score_answers(answers)
    assert sheet.acquiescence.index == 3.0
    assert not sheet.acquiescence.flagged


def test_acquiescence_needs_balanced_scales():
    sheet = score_answers({"dep01": 5, "dep04": 5})
    assert sheet.acquiescence.index is None
    assert "at least 3" in sheet.acquiescence.note
