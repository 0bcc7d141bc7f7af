"""Values (from the list or in one's own words) and beliefs tested by experiments."""

import pytest

from interplay.core.content_files import ContentError
from interplay.core.practice import PracticeError
from interplay.core.values import Belief, PersonalValue, belief_outcome, load_values, value_list
from interplay.core.vocabulary import ExperimentStatus, Outcome
from tests.core.practice_helpers import done, plan, with_status

BELIEF = Belief(
    id="b1",
    belief="If someone helps me, I'll owe them",
    origin="Growing up, help always came with strings",
    cost="I carry everything alone",
    protects="Nobody can hold anything over me",
    alternative="Some help is simply given",
)


def test_shipped_values_are_about_two_dozen_with_unique_names():
    values = value_list()
    assert 20 <= len(values) <= 30
    assert len({v.name for v in values}) == len(values)
    assert all(v.id.startswith("v-") and v.meaning.endswith(".") for v in values)


def test_broken_values_file_names_the_entry(tmp_path):
    path = tmp_path / "values.toml"
    path.write_text('[[value]]\nid = "v-x"\nname = "X"\n', encoding="utf-8")
    with pytest.raises(ContentError, match="entry 'v-x': missing field 'meaning'"):
        load_values(path)


def test_value_is_either_picked_or_own_words_never_both_or_neither():
    assert PersonalValue("p1", value_id="v-rest").label == "Rest"
    assert (
        PersonalValue("p2", own_words="Being there for my kids").label == "Being there for my kids"
    )
    with pytest.raises(PracticeError):
        PersonalValue("p3", value_id="v-rest", own_words="Rest")
    with pytest.raises(PracticeError):
        PersonalValue("p4")
    with pytest.raises(PracticeError, match="unknown value"):
        PersonalValue("p5", value_id="v-nope")


def test_belief_tested_twice_with_feared_outcome_once():
    records = [
        done(plan(belief_id="b1"), happened=Outcome.YES),
        done(plan(belief_id="b1"), happened=Outcome.NO),
        done(plan(belief_id="other"), happened=Outcome.YES),
    ]
    outcome = belief_outcome(BELIEF, records)
    assert outcome.summary == "Tested twice; the feared outcome happened once."
    assert len(outcome.evidence) == 2


def test_belief_summary_counts_partly_planned_and_set_aside():
    records = [
        done(plan(belief_id="b1"), happened=Outcome.NO),
        done(plan(belief_id="b1"), happened=Outcome.PARTLY),
        done(plan(belief_id="b1"), happened=Outcome.NO),
        with_status(ExperimentStatus.PLANNED, belief_id="b1"),
        with_status(ExperimentStatus.SKIPPED, belief_id="b1"),
    ]
    assert belief_outcome(BELIEF, records).summary == (
        "Tested 3 times; the feared outcome did not happen and partly once. 1 more planned. "
        "1 set aside."
    )


def test_untested_belief_says_so():
    assert belief_outcome(BELIEF, []).summary == "Not tested yet."


def test_belief_needs_words():
    with pytest.raises(PracticeError, match="belief"):
        Belief(id="b2", belief="  ")
