"""The people of the article, scored: a coach reading each profile should recognise them."""

from interplay.core.profile import build_profile
from interplay.core.vocabulary import Barrier, BoundaryStyle, Focus, Pattern, Risk, Stage
from tests.core.personas import DEPENDENT, INTERDEPENDENT, MAYA, WITHDRAWN


def flagged(profile):
    return {finding.risk for finding in profile.risks if finding.flagged}


def test_maya_is_over_independent_with_mixed_boundaries():
    profile = build_profile(MAYA)
    assert profile.balance.pattern is Pattern.OVER_INDEPENDENT
    assert profile.balance.autonomy > 75 and profile.balance.connection < 30
    assert profile.stage.primary is Stage.SELF_SUFFICIENCY and not profile.stage.mixed
    assert profile.boundaries.style is BoundaryStyle.MIXED
    assert profile.focus.focus is Focus.LOOSENING_OVER_INDEPENDENCE
    assert flagged(profile) == {
        Risk.ISOLATION,
        Risk.DIFFICULTY_ASKING_FOR_HELP,
        Risk.STRAINED_RELATIONSHIPS,
    }
    top_two = {b.barrier for b in profile.barriers[:2]}
    assert top_two == {Barrier.PERFECTIONISM, Barrier.VULNERABILITY_FEAR}


def test_dependent_person_is_dependent_with_porous_boundaries():
    profile = build_profile(DEPENDENT)
    assert profile.balance.pattern is Pattern.DEPENDENT
    assert profile.stage.primary is Stage.DEPENDENCE and not profile.stage.mixed
    assert profile.boundaries.style is BoundaryStyle.POROUS
    assert profile.focus.focus is Focus.GAINING_SELF_SUFFICIENCY
    assert flagged(profile) == {
        Risk.OVER_DEPENDENCE_ON_OTHERS,
        Risk.LACK_OF_AGENCY,
        Risk.ENMESHMENT,
    }
    assert profile.barriers[0].barrier is Barrier.FEAR_OF_INDEPENDENCE


def test_interdependent_person_is_balanced_with_no_risks():
    profile = build_profile(INTERDEPENDENT)
    assert profile.balance.pattern is Pattern.INTERDEPENDENT
    assert profile.stage.primary is Stage.INTERDEPENDENCE
    assert profile.stage.confidence > 0.5
    assert profile.boundaries.style is BoundaryStyle.BALANCED
    assert profile.focus.focus is Focus.BALANCING
    assert flagged(profile) == set()


def test_withdrawn_person_is_low_on_both_and_shown_as_mixed_stage():
    profile = build_profile(WITHDRAWN)
    assert profile.balance.pattern is Pattern.WITHDRAWN
    assert profile.balance.autonomy < 50 and profile.balance.connection < 50
    assert profile.stage.mixed
    assert {profile.stage.primary, profile.stage.runner_up} == {
        Stage.DEPENDENCE,
        Stage.SELF_SUFFICIENCY,
    }
    assert profile.boundaries.style is BoundaryStyle.RIGID
    assert profile.focus.focus is Focus.BALANCING
    assert Risk.ISOLATION in flagged(profile)


def test_personas_answer_consistently_so_acquiescence_is_not_flagged():
    for answers in (MAYA, DEPENDENT, INTERDEPENDENT, WITHDRAWN):
        assert not build_profile(answers).acquiescence.flagged


def test_cultural_pressure_says_which_pull_for_maya_and_the_dependent_person():
    maya = {b.barrier: b for b in build_profile(MAYA).barriers}
    assert maya[Barrier.CULTURAL_PRESSURE].detail.startswith("the individualist pull")
    assert "communal" not in maya[Barrier.CULTURAL_PRESSURE].detail
    dependent = {b.barrier: b for b in build_profile(DEPENDENT).barriers}
    assert dependent[Barrier.CULTURAL_PRESSURE].detail.startswith("the communal pull")
    assert "controlling caregivers: pe01" in dependent[Barrier.PAST_EXPERIENCE].detail


def test_withdrawn_person_past_points_to_betrayal():
    withdrawn = {b.barrier: b for b in build_profile(WITHDRAWN).barriers}
    assert "a betrayal of trust: pe03" in withdrawn[Barrier.PAST_EXPERIENCE].detail
    assert withdrawn[Barrier.CULTURAL_PRESSURE].detail is None
