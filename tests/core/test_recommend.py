"""Recommendations, tested against small banks and libraries written here (the shipped content
is still being written)."""

import pytest

from interplay.core.experiments import load_experiments
from interplay.core.profile import build_profile
from interplay.core.questions import load_questions
from interplay.core.recommend import Needs, recommend_experiments, recommend_questions
from interplay.core.vocabulary import Barrier, Direction, Focus, Level, Scale, Stage, Stakes
from tests.core.personas import DEPENDENT, INTERDEPENDENT, MAYA

QUESTIONS = """
[[question]]
id = "q-general"
text = "What would you like to be different by the end of today?"
phases = ["opening"]

[[question]]
id = "q-loosen"
text = "Who might you let carry a little of what you carry?"
phases = ["exploring"]
focus = ["loosening_over_independence"]
scales = ["over_independence"]

[[question]]
id = "q-perfect"
text = "Whose standard says you must manage everything alone?"
phases = ["emotional_roots"]
barriers = ["perfectionism"]

[[question]]
id = "q-gain"
text = "Which small choice could you make this week without checking with anyone?"
phases = ["experimenting"]
focus = ["gaining_self_sufficiency"]
stages = ["dependence"]

[[question]]
id = "q-article-only"
text = "A question tagged only as the article's."
phases = ["opening"]
stages = ["interdependence"]
from_article = true
"""

EXPERIMENTS = """
[[experiment]]
id = "x-ask-small"
title = "Ask for a small thing"
text = "Ask a colleague for one small favour."
technique = "start_small"
direction = "toward_connection"
stakes = "low"
scales = ["over_independence"]

[[experiment]]
id = "x-share-feeling"
title = "Say how a day went"
text = "Tell a friend honestly how one day went."
technique = "i_statement"
direction = "toward_connection"
stakes = "low"
scales = ["rigid_boundaries", "vulnerability_fear"]

[[experiment]]
id = "x-big-ask"
title = "Ask for real help"
text = "Ask for help with something that matters."
technique = "role_play"
direction = "toward_connection"
stakes = "high"
scales = ["over_independence"]

[[experiment]]
id = "x-small-no"
title = "A small no"
text = "Turn down one small request."
technique = "start_small"
direction = "toward_autonomy"
stakes = "low"
scales = ["porous_boundaries", "confluence"]

[[experiment]]
id = "x-choose-lunch"
title = "Choose alone"
text = "Pick where to eat without asking anyone first."
technique = "start_small"
direction = "toward_autonomy"
stakes = "low"
scales = ["dependence"]
"""


@pytest.fixture
def bank(tmp_path):
    path = tmp_path / "questions.toml"
    path.write_text(QUESTIONS)
    return load_questions(path)


@pytest.fixture
def library(tmp_path):
    path = tmp_path / "experiments.toml"
    path.write_text(EXPERIMENTS)
    return load_experiments(path)


def test_questions_for_maya_lead_with_her_focus_and_barrier(bank):
    profile = build_profile(MAYA, bank=bank)
    ids = [pick.id for pick in profile.questions]
    assert ids[:2] == ["q-loosen", "q-perfect"]
    assert "q-gain" not in ids
    assert any("focus" in reason for reason in profile.questions[0].reasons)


def test_questions_follow_the_session_arc_before_repeating_a_phase(tmp_path):
    bank_text = "".join(
        f"""
[[question]]
id = "q{n}"
text = "Question {n}"
phases = ["{phase}"]
focus = ["loosening_over_independence"]
"""
        for n, phase in enumerate(
            ["exploring", "exploring", "exploring", "opening", "integrating", "emotional_roots"]
        )
    )
    path = tmp_path / "arc.toml"
    path.write_text(bank_text)
    needs = Needs(Focus.LOOSENING_OVER_INDEPENDENCE, None, {}, ())
    ids = [pick.id for pick in recommend_questions(needs, load_questions(path), limit=5)]
    assert ids == ["q3", "q0", "q5", "q4", "q1"]


def test_general_questions_top_up_when_few_match(bank):
    profile = build_profile(MAYA, bank=bank)
    assert profile.questions[-1].id == "q-general"
    assert profile.questions[-1].reasons == ("a general question for any profile",)


def test_from_article_alone_does_not_earn_a_place(bank):
    needs = Needs(Focus.LOOSENING_OVER_INDEPENDENCE, None, {}, ())
    ids = [pick.id for pick in recommend_questions(needs, bank)]
    assert "q-article-only" not in ids


def test_starter_experiments_for_maya_are_low_stakes_toward_connection(library):
    profile = build_profile(MAYA, library=library)
    assert [pick.id for pick in profile.experiments] == ["x-share-feeling", "x-ask-small"]
    for pick in profile.experiments:
        assert pick.stakes is Stakes.LOW
        assert pick.direction is Direction.TOWARD_CONNECTION


def test_starter_experiments_for_dependent_person_go_toward_autonomy(library):
    profile = build_profile(DEPENDENT, library=library)
    assert {pick.id for pick in profile.experiments} == {"x-small-no", "x-choose-lunch"}
    assert profile.experiments[0].id == "x-small-no"  # porous and confluence both high


def test_balancing_alternates_directions(library):
    profile = build_profile(INTERDEPENDENT, library=library)
    directions = [pick.direction for pick in profile.experiments]
    assert directions[:2] == [Direction.TOWARD_CONNECTION, Direction.TOWARD_AUTONOMY]
    assert len(profile.experiments) == 3


def test_no_focus_means_no_experiments(library):
    assert recommend_experiments(Needs(None, None, {}, ()), library) == ()


def test_needs_barriers_only_count_the_strongest_two(bank):
    needs = Needs(
        None,
        Stage.SELF_SUFFICIENCY,
        {Scale.PERFECTIONISM: Level.MODERATE},
        (Barrier.VULNERABILITY_FEAR, Barrier.PAST_EXPERIENCE, Barrier.PERFECTIONISM),
    )
    ids = [pick.id for pick in recommend_questions(needs, bank)]
    assert "q-perfect" not in ids


def test_a_barrier_tagged_as_scale_and_barrier_counts_once(tmp_path):
    path = tmp_path / "q.toml"
    path.write_text(
        """
[[question]]
id = "q-double"
text = "Double tagged"
phases = ["exploring"]
scales = ["perfectionism"]
barriers = ["perfectionism"]
"""
    )
    needs = Needs(None, None, {Scale.PERFECTIONISM: Level.HIGH}, (Barrier.PERFECTIONISM,))
    (pick,) = recommend_questions(needs, load_questions(path))
    assert pick.reasons == ("speaks to a leading barrier: perfectionism",)
