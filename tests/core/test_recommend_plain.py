"""The fast recommendations against the plain rules they replaced: questions ranked from the
index (core/question_index.py) against `recommend._question_match` over the whole bank, on
the shipped bank and on one with double tags; experiments ranked by one sum each against
`recommend._experiment_match`. The same picks, in the same order, with the same reasons."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from interplay.core.experiments import experiment_library
from interplay.core.questions import Question, load_questions, question_bank
from interplay.core.recommend import (
    DIRECTIONS_FOR_FOCUS,
    EXPERIMENT_LIMIT,
    QUESTION_LIMIT,
    Needs,
    QuestionPick,
    _experiment_match,
    _question_match,
    recommend_experiments,
    recommend_questions,
)
from interplay.core.vocabulary import Barrier, Focus, Level, Scale, SessionPhase, Stage, Stakes


def plainly_recommended(needs: Needs, bank: tuple[Question, ...]) -> tuple[QuestionPick, ...]:
    """Every question scored by the plain rule, then laid along the session phases."""
    scored = [(question, *_question_match(question, needs)) for question in bank]
    ranked = sorted(
        (row for row in scored if row[1] >= 2), key=lambda row: -row[1]
    )  # stable: ties keep the bank's order
    chosen: list[QuestionPick] = []
    taken: set[str] = set()
    while len(chosen) < QUESTION_LIMIT and len(taken) < len(ranked):
        for phase in SessionPhase:
            if len(chosen) >= QUESTION_LIMIT:
                break
            for question, _, reasons in ranked:
                if question.id not in taken and phase in question.phases:
                    taken.add(question.id)
                    chosen.append(QuestionPick(question.id, question.text, tuple(reasons)))
                    break
    general = [q for q in bank if not (q.scales or q.stages or q.barriers or q.focus)]
    for question in general[: max(0, QUESTION_LIMIT - len(chosen))]:
        chosen.append(QuestionPick(question.id, question.text, ("general",)))  # type: ignore[arg-type]
    return tuple(chosen)


needs_strategy = st.builds(
    Needs,
    focus=st.none() | st.sampled_from(Focus),
    stage=st.none() | st.sampled_from(Stage),
    levels=st.dictionaries(st.sampled_from(Scale), st.sampled_from(Level)),
    barriers=st.lists(st.sampled_from(Barrier), unique=True).map(tuple),
)


def same_picks(fast: tuple[QuestionPick, ...], plain: tuple[QuestionPick, ...]) -> None:
    assert [pick.id for pick in fast] == [pick.id for pick in plain]
    for fast_pick, plain_pick in zip(fast, plain, strict=True):
        if plain_pick.reasons != ("general",):
            assert fast_pick.reasons == plain_pick.reasons
            assert [r.code for r in fast_pick.reasons] == [r.code for r in plain_pick.reasons]


@settings(max_examples=400, deadline=None)
@given(needs_strategy)
def test_the_shipped_bank_ranks_as_the_plain_rule_does(needs):
    same_picks(recommend_questions(needs), plainly_recommended(needs, question_bank()))


DOUBLE_TAGS = """
[[question]]
id = "q-double"
text = "Tagged with perfectionism twice over"
phases = ["exploring", "opening"]
scales = ["perfectionism", "dependence"]
barriers = ["perfectionism"]
from_article = true

[[question]]
id = "q-scale"
text = "Tagged with the scale only"
phases = ["exploring"]
scales = ["perfectionism"]

[[question]]
id = "q-barrier"
text = "Tagged with barriers only"
phases = ["integrating", "emotional_roots"]
barriers = ["perfectionism", "vulnerability_fear"]
focus = ["balancing"]

[[question]]
id = "q-general"
text = "For anyone"
phases = ["opening"]
"""


@settings(max_examples=200, deadline=None)
@given(needs=needs_strategy)
def test_a_bank_with_double_tags_ranks_as_the_plain_rule_does(tmp_path_factory, needs):
    path = tmp_path_factory.getbasetemp() / "double.toml"
    if not path.exists():
        path.write_text(DOUBLE_TAGS)
    bank = load_questions(path)
    same_picks(recommend_questions(needs, bank), plainly_recommended(needs, bank))


def plain_experiments(needs: Needs) -> list[tuple[str, tuple[str, ...]]]:
    """Low-stakes experiments ranked by the plain rule, directions taken in turn."""
    if needs.focus is None:
        return []
    queues = []
    for direction in DIRECTIONS_FOR_FOCUS[needs.focus]:
        pool = [
            e for e in experiment_library() if e.stakes is Stakes.LOW and e.direction is direction
        ]
        queues.append(sorted(pool, key=lambda e: -_experiment_match(e, needs)[0]))
    chosen = []
    while len(chosen) < EXPERIMENT_LIMIT and any(queues):
        for queue in queues:
            if queue and len(chosen) < EXPERIMENT_LIMIT:
                chosen.append(queue.pop(0))
    return [(e.id, tuple(_experiment_match(e, needs)[1])) for e in chosen]


@settings(max_examples=400, deadline=None)
@given(needs_strategy)
def test_experiments_rank_as_the_plain_rule_does(needs):
    fast = [(pick.id, pick.reasons) for pick in recommend_experiments(needs)]
    assert fast == plain_experiments(needs)


def test_a_question_whose_points_outgrow_its_byte_is_refused():
    """The index packs a question's points into one byte; a bank that could overflow it is
    refused when indexed rather than ranked wrongly."""
    import pytest

    from interplay.core.question_index import BankIndex

    crowded = Question(
        "q-crowded",
        "Too many tags",
        (SessionPhase.OPENING,),
        (Scale.DEPENDENCE,) * 130,
        (),
        (),
        (),
        False,
        False,
    )
    with pytest.raises(ValueError, match="q-crowded"):
        BankIndex((crowded,))
