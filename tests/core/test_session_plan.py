from interplay.core.profile import build_profile
from interplay.core.questions import question_bank
from interplay.core.session_plan import needs_from_profile, questions_by_phase
from interplay.core.vocabulary import Barrier, Focus, SessionPhase, Stage
from tests.core.personas import DEPENDENT, MAYA


def test_needs_read_back_from_a_stored_profile():
    needs = needs_from_profile(build_profile(MAYA).to_dict())
    assert needs.focus is Focus.LOOSENING_OVER_INDEPENDENCE
    assert needs.stage is Stage.SELF_SUFFICIENCY
    assert needs.barriers[0] is Barrier.PERFECTIONISM


def test_partial_or_missing_profile_gives_empty_needs():
    needs = needs_from_profile({"focus": {"focus": "not-a-focus"}, "stage": {"mixed": True}})
    assert needs.focus is None and needs.stage is None and not needs.barriers
    assert needs_from_profile(None).levels == {}


def test_every_phase_gets_questions_tagged_with_that_phase_and_none_repeat():
    groups = questions_by_phase(needs_from_profile(build_profile(DEPENDENT).to_dict()))
    bank = {q.id: q for q in question_bank()}
    assert [g.phase for g in groups] == list(SessionPhase)
    ids = [pick.id for g in groups for pick in g.questions]
    assert len(ids) == len(set(ids)) == 2 * len(SessionPhase)
    for group in groups:
        assert all(group.phase in bank[pick.id].phases for pick in group.questions)


def test_dependent_profile_gets_questions_for_gaining_self_sufficiency():
    groups = questions_by_phase(needs_from_profile(build_profile(DEPENDENT).to_dict()))
    reasons = [r for g in groups for pick in g.questions for r in pick.reasons]
    assert "fits the focus: gaining_self_sufficiency" in reasons


def test_skipped_questions_are_not_proposed_again():
    needs = needs_from_profile(build_profile(MAYA).to_dict())
    first = {p.id for g in questions_by_phase(needs) for p in g.questions}
    second = {p.id for g in questions_by_phase(needs, skip=frozenset(first)) for p in g.questions}
    assert not first & second
