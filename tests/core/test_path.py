"""The guided path as content: its checks, and the choices it makes for one person."""

from __future__ import annotations

import pytest

from interplay.core.content_files import ContentError
from interplay.core.path import (
    Concept,
    Exercise,
    PromptBasis,
    doing_for,
    follow_ups_for,
    guided_path,
    load_path,
    next_step,
    path_to_dict,
    prompt_by_id,
    prompt_for,
    step_of_prompt,
)
from interplay.core.questions import question_bank
from interplay.core.vocabulary import Barrier, Focus, Theme

# The process as the issue lists it (the article's order), and the exercise each step is done by.
ARTICLE_ORDER = [
    (Concept.GROWTH_JOURNEY, Exercise.ASSESSMENT),
    (Concept.REFLECTING_ON_BOUNDARIES, Exercise.JOURNAL),
    (Concept.TRANSFORMATIVE_QUESTIONS, Exercise.JOURNAL),
    (Concept.EMOTIONAL_ROOTS, Exercise.BELIEF),
    (Concept.CORE_VALUES, Exercise.VALUES),
    (Concept.START_SMALL, Exercise.EXPERIMENT),
    (Concept.I_STATEMENTS, Exercise.STATEMENT),
    (Concept.ROLE_PLAY, Exercise.ROLE_PLAY),
    (Concept.REFLECT_AND_ADJUST, Exercise.EXPERIMENT_REFLECTION),
    (Concept.FLEXIBILITY_AND_CONSISTENCY, Exercise.RELATIONSHIP_MAP),
    (Concept.LONG_TERM_INTEGRATION, Exercise.PULSE),
]


def test_every_article_concept_has_one_step_in_the_articles_order():
    steps = guided_path().steps
    assert [(s.concept, s.exercise) for s in steps] == ARTICLE_ORDER
    assert [s.number for s in steps] == list(range(1, 12))


def test_every_step_has_a_prompt_for_each_focus_and_a_purpose_of_two_or_three_sentences():
    for step in guided_path().steps:
        assert set(step.prompts) == set(Focus), step.id
        sentences = [s for s in step.purpose.replace("?", ".").split(". ") if s.strip()]
        assert 2 <= len(sentences) <= 3, (step.id, step.purpose)


def test_every_barrier_has_prompts_on_the_roots_experiment_and_reflection_steps():
    path = guided_path()
    for step_id in ("roots", "small", "reflect"):
        assert set(path.step(step_id).barrier_prompts) == set(Barrier), step_id


def test_follow_ups_are_writable_questions_of_the_bank_and_every_theme_has_some():
    writable = {q.id for q in question_bank() if q.journal_prompt}
    path = guided_path()
    for step in path.steps:
        assert step.follow_ups and set(step.follow_ups) <= writable, step.id
    assert set(path.theme_follow_ups) == set(Theme)


def test_prompt_follows_the_focus():
    step = guided_path().step("small")
    gaining = prompt_for(step, Focus.GAINING_SELF_SUFFICIENCY)
    loosening = prompt_for(step, Focus.LOOSENING_OVER_INDEPENDENCE)
    assert gaining.text != loosening.text
    assert gaining.basis is PromptBasis.FOCUS and gaining.key == "gaining_self_sufficiency"
    assert loosening.id == "p:small:loosening_over_independence"


def test_prompt_follows_the_strongest_barrier_the_step_speaks_to():
    step = guided_path().step("bounds")  # speaks to vulnerability and the past only
    chosen = prompt_for(
        step, Focus.GAINING_SELF_SUFFICIENCY, [Barrier.PERFECTIONISM, Barrier.PAST_EXPERIENCE]
    )
    assert chosen.basis is PromptBasis.BARRIER
    assert chosen.key == "past_experience"
    assert chosen.text == step.barrier_prompts[Barrier.PAST_EXPERIENCE]
    # A step with no prompt for any of the person's barriers falls back to their focus.
    values = guided_path().step("values")
    assert prompt_for(values, Focus.BALANCING, [Barrier.PERFECTIONISM]).basis is PromptBasis.FOCUS


def test_without_a_profile_the_balancing_prompt_says_so():
    chosen = prompt_for(guided_path().step("stand"), None)
    assert chosen.basis is PromptBasis.NO_PROFILE and chosen.key == "balancing"


def test_the_exercise_follows_the_focus_toward_autonomy_or_connection():
    step = guided_path().step("small")
    toward_autonomy = doing_for(step, Focus.GAINING_SELF_SUFFICIENCY)
    toward_connection = doing_for(step, Focus.LOOSENING_OVER_INDEPENDENCE)
    assert "no" in toward_autonomy and "ask" in toward_connection
    assert doing_for(step, Focus.BALANCING) == step.doing == doing_for(step, None)


def test_the_first_experiment_is_low_stakes_in_the_direction_of_the_focus():
    from interplay.core.experiments import experiment_library
    from interplay.core.path import first_experiment
    from interplay.core.vocabulary import Direction, Stakes

    library = experiment_library()
    autonomy = first_experiment(Focus.GAINING_SELF_SUFFICIENCY, library)
    connection = first_experiment(Focus.LOOSENING_OVER_INDEPENDENCE, library)
    assert autonomy.direction is Direction.TOWARD_AUTONOMY and autonomy.stakes is Stakes.LOW
    assert connection.direction is Direction.TOWARD_CONNECTION
    assert connection.stakes is Stakes.LOW
    # One already done is passed over for the next of the same kind.
    after = first_experiment(Focus.LOOSENING_OVER_INDEPENDENCE, library, {connection.id})
    assert after is not None and after.id != connection.id
    assert after.direction is Direction.TOWARD_CONNECTION
    assert first_experiment(None, library).stakes is Stakes.LOW


def test_a_prompt_id_leads_back_to_its_step_and_other_ids_do_not():
    path = guided_path()
    for step in path.steps:
        for focus in Focus:
            chosen = prompt_for(step, focus)
            assert len(chosen.id) <= 40  # the journal entry's prompt_id column
            assert prompt_by_id(path, chosen.id) == chosen
        for barrier in step.barrier_prompts:
            chosen = prompt_for(step, None, [barrier])
            assert prompt_by_id(path, chosen.id) == chosen
    assert step_of_prompt(path, "p:roots:perfectionism") == "roots"
    assert step_of_prompt(path, "p:values:perfectionism") is None  # no such barrier prompt
    assert step_of_prompt(path, "q-open-why-now") is None
    assert step_of_prompt(path, "p:nowhere:balancing") is None


def test_follow_ups_start_from_the_entrys_themes_then_the_step():
    path = guided_path()
    chosen = follow_ups_for(path, "bounds", [Theme.PERFECTIONISM])
    assert len(chosen) == 2
    assert chosen[0].theme is Theme.PERFECTIONISM
    assert chosen[0].question.id == path.theme_follow_ups[Theme.PERFECTIONISM][0]
    assert chosen[1].theme is None and chosen[1].question.id == path.step("bounds").follow_ups[0]


def test_follow_ups_without_themes_come_from_the_step_and_skip_what_was_just_answered():
    path = guided_path()
    first, second, third = path.step("meaning").follow_ups[:3]
    chosen = follow_ups_for(path, "meaning", [], exclude=[first])
    assert [f.question.id for f in chosen] == [second, third]
    # Two themes take both places; the step's own wait for an entry without them.
    two = follow_ups_for(path, "meaning", [Theme.CONFLUENCE, Theme.OVER_DEPENDENCE])
    assert [f.theme for f in two] == [Theme.CONFLUENCE, Theme.OVER_DEPENDENCE]


def test_next_step_is_the_first_not_done_or_skipped():
    path = guided_path()
    assert next_step(path, []).id == "stand"
    assert next_step(path, ["stand", "meaning"]).id == "bounds"
    assert next_step(path, [s.id for s in path.steps]) is None


def test_path_as_json_keys_prompts_by_focus_id():
    data = path_to_dict(guided_path())
    assert len(data["steps"]) == 11
    first = data["steps"][0]
    assert set(first["prompts"]) == {f.value for f in Focus}
    assert first["concept"] == "growth_journey" and first["exercise"] == "assessment"


def _write(tmp_path, body):  # type: ignore[no-untyped-def]
    path = tmp_path / "path.toml"
    path.write_text(body, encoding="utf-8")
    return path


STEP = """
[[step]]
id = "{id}"
title = "T"
purpose = "One. Two."
concept = "{concept}"
exercise = "journal"
doing = "Write."
follow_ups = ["q-open-why-now"]
[step.prompts]
gaining_self_sufficiency = "a"
loosening_over_independence = "b"
balancing = "c"
"""


def test_a_step_without_a_prompt_for_one_focus_is_named(tmp_path):
    body = STEP.format(id="one", concept="growth_journey").replace('balancing = "c"\n', "")
    with pytest.raises(ContentError, match="entry 'one': field 'prompts' needs a text for: bal"):
        load_path(_write(tmp_path, body))


def test_a_missing_concept_or_a_step_out_of_order_is_named(tmp_path):
    body = STEP.format(id="one", concept="growth_journey")
    with pytest.raises(ContentError, match="missing: reflecting_on_boundaries"):
        load_path(_write(tmp_path, body))


def test_an_unknown_follow_up_or_a_long_step_id_is_named(tmp_path):
    body = STEP.format(id="one", concept="growth_journey").replace("q-open-why-now", "q-nope")
    with pytest.raises(ContentError, match="entry 'one': follow-up 'q-nope' is not in the bank"):
        load_path(_write(tmp_path, body))
    body = STEP.format(id="much-too-long-an-id", concept="growth_journey")
    with pytest.raises(ContentError, match="field 'id' must be at most 10 characters"):
        load_path(_write(tmp_path, body))


def test_an_unknown_barrier_key_is_named(tmp_path):
    body = STEP.format(id="one", concept="growth_journey") + '[step.barrier_prompts]\nfear = "x"\n'
    with pytest.raises(ContentError, match="unknown key 'fear'"):
        load_path(_write(tmp_path, body))
