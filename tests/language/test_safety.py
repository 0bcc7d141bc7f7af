import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interplay.core.vocabulary import SafetyRisk
from interplay.language.engine import engines
from tools.language import eval_safety

# The default engine, as the web and the command line use it.
screen = engines().safety.analyse


def risk(text: str) -> SafetyRisk:
    return screen(text).risk


@pytest.mark.parametrize(
    "text",
    [
        "I've started giving my things away. My guitar went to my nephew.",
        "Is there any point in carrying on?",
        "Honestly, everyone would be better off without me.",
        "I went round and said goodbye to a few people today, properly.",
        "I've been saving up my tablets.",
        "I don't want to be here anymore.",
    ],
)
def test_indirect_self_harm_is_caught(text):
    # The cue rules' phrasings (the meaning engine misses a few: docs/language-meaning.md).
    assert engines("cue").safety.analyse(text).risk is SafetyRisk.SELF_HARM


@pytest.mark.parametrize(
    "text",
    [
        "I'm scared of what he'll do when he gets home.",
        "He hit me again last night.",
        "I'm not allowed to see my friends anymore.",
        "I wear long sleeves to hide the bruises.",
        "He threatened to take the kids if I tell anyone.",
    ],
)
def test_harm_from_others_is_caught(text):
    assert risk(text) is SafetyRisk.HARM_FROM_OTHERS


@pytest.mark.parametrize(
    "text",
    [
        "This spreadsheet will be the death of me.",
        "I nearly died of embarrassment.",
        "My boss will kill me if I'm late.",
        "I could murder a curry.",
        "I'm killing myself at the gym this month.",
        "I'd rather die than wear that jumper.",
    ],
)
def test_figures_of_speech_are_not_flagged(text):
    assert risk(text) is SafetyRisk.NONE


@pytest.mark.parametrize(
    "text",
    [
        "I miss my dad since he died.",
        "I felt low all week.",
        "Mum died three months ago and I still pick up the phone to ring her.",
        "We had to have the dog put down today. The house feels so empty.",
    ],
)
def test_grief_and_ordinary_sadness_are_not_flagged(text):
    assert risk(text) is SafetyRisk.NONE


def test_someone_elses_words_are_not_the_writers_risk():
    assert risk("My friend said she wants to kill herself and I'm worried.") is SafetyRisk.NONE
    assert risk('The song goes "I don\'t wanna live forever".') is SafetyRisk.NONE


def test_both_risks_report_self_harm_with_all_the_evidence():
    text = "He hit me again. I don't want to be here anymore."
    result = screen(text)
    assert result.risk is SafetyRisk.SELF_HARM
    quoted = [text[s.start : s.end] for s in result.evidence]
    assert any("hit me" in q for q in quoted)
    assert any("want to be here" in q for q in quoted)


def test_to_dict_shape_is_the_published_one():
    assert screen("I had a lovely walk.").to_dict() == {"risk": "none", "evidence": []}
    flagged = screen("I want to die.").to_dict()
    assert flagged["risk"] == "self_harm"
    assert all(set(span) == {"start", "end"} for span in flagged["evidence"])


def test_versions_name_the_cue_rules_and_the_model_behind_them():
    from interplay.language.meaning.heads import load_heads

    assert engines().safety.version == f"safety-lexicon-1.4+{load_heads().version}"
    assert engines("composite").safety.version == "safety-lexicon-1.4+learned-1.0"
    assert engines("cue").safety.version == "safety-lexicon-1.4"


def test_labelled_set_has_enough_risk_and_hard_non_risk_texts():
    examples = eval_safety.load_examples()
    assert len(examples) >= 170
    assert sum(1 for e in examples if e.risk is not SafetyRisk.NONE) >= 60
    assert {e.risk for e in examples} == set(SafetyRisk)


def test_recall_and_false_positive_targets_on_the_whole_set():
    result = eval_safety.score(eval_safety.load_examples())
    assert result.risk_recall >= 0.97
    assert result.false_positive_rate <= 0.05


def test_floors_on_the_held_out_part():
    result = eval_safety.score(eval_safety.select(eval_safety.load_examples(), "test"))
    assert result.risk_recall >= 0.85
    assert result.false_positive_rate <= 0.1


def _check(text: str) -> None:
    result = screen(text)
    assert result.risk in set(SafetyRisk)
    for span in result.evidence:
        assert 0 <= span.start < span.end <= len(text)
    if result.risk is SafetyRisk.NONE:
        assert result.evidence == ()


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_unicode_text_is_screened_without_error(text):
    _check(text)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "I",
                "want",
                "to",
                "die",
                "kill",
                "myself",
                "he",
                "hit",
                "me",
                "not",
                "never",
                "'",
                '"',
                "“",
                "”",
                ".",
                ",",
                "\n",
                "🙂",
                "if",
                "i",
                "leave",
                "laughing",
                "bruises",
            ]
        ),
        max_size=80,
    )
)
def test_sequences_of_cue_words_never_break_it(words):
    _check(" ".join(words))


def test_a_100_kb_text_is_screened():
    text = ("A quiet day at the allotment with my dad. " * 3000)[:99_000] + " I want to die."
    result = screen(text)
    assert result.risk is SafetyRisk.SELF_HARM
    _check(text)


@pytest.mark.parametrize(
    "text", ["die " * 25_000, "kill myself laughing " * 5000, "'" * 60_000, "no " * 30_000]
)
def test_pathological_repetition_is_handled(text):
    _check(text)


def test_tuning_probes_stay_caught_and_quiet():
    # Phrasings written while tuning (data/language/safety_probes.jsonl, split "tuning"): not a
    # measure of accuracy, a guard against losing what was fixed.
    path = eval_safety.DEFAULT_DATA.with_name("safety_probes.jsonl")
    result = eval_safety.score(eval_safety.load_examples(path))
    assert result.risk_recall >= 0.97
    assert result.false_positive_rate <= 0.03


@pytest.mark.parametrize(
    ("name", "recall_floor", "flagged_ceiling"),
    [("safety_blind.jsonl", 0.95, 0.05), ("safety_blind2.jsonl", 0.95, 0.05)],
)
def test_blind_batches_stay_caught_and_quiet(name, recall_floor, flagged_ceiling):
    # Batches written in other voices and scored once before any change (see
    # docs/language-themes.md for the first-look figures); since then the engine was tuned on
    # them, so these floors guard against regressions and are not a measure of unseen accuracy.
    path = eval_safety.DEFAULT_DATA.with_name(name)
    result = eval_safety.score(eval_safety.load_examples(path))
    assert result.risk_recall >= recall_floor
    assert result.false_positive_rate <= flagged_ceiling


def test_extra_training_texts_stay_caught_and_quiet():
    # data/language/safety_train_extra.jsonl was tuned on (engine safety-lexicon-1.4): a guard
    # against losing what was fixed, not a measure of unseen accuracy.
    path = eval_safety.DEFAULT_DATA.with_name("safety_train_extra.jsonl")
    result = eval_safety.score(eval_safety.load_examples(path))
    assert result.risk_recall >= 0.90
    assert result.false_positive_rate <= 0.05


@pytest.mark.parametrize(
    "text",
    [
        "Looked up how many paracetamol you can safely take in a day for my toothache.",
        "I'm a nurse. Had a patient who'd taken an overdose today, she's stable.",
        "I don't see the point of the new timesheet system.",
        "Said goodbye to everyone at work today as I'm moving to Leeds.",
        "Wrapping up loose ends at work before I go on maternity leave.",
        "I'm giving my bike to my nephew since I've bought a new one.",
    ],
)
def test_everyday_goodbyes_doses_and_pointless_systems_are_not_flagged(text):
    assert risk(text) is SafetyRisk.NONE


@pytest.mark.parametrize(
    "text",
    [
        "I've been putting aside a few tablets each week.",
        "Don't worry, you won't have to put up with me for much longer.",
        "The only thing stopping me is what it would do to my daughter.",
        "Picked a date. Feels oddly peaceful.",
        "ngl i kinda want to disappear for good",
    ],
)
def test_indirect_plans_and_last_reasons_are_caught(text):
    # The cue rules' phrasings (the meaning engine misses a few: docs/language-meaning.md).
    assert engines("cue").safety.analyse(text).risk is SafetyRisk.SELF_HARM


@pytest.mark.parametrize(
    "text",
    [
        "I've been collecting my gran's old sleeping tablets in a jar.",
        "I'd rather not exist than keep feeling like this.",
        "Walked to the reservoir and stood looking at the water, thinking how quiet it would be.",
        "Sorted the cat's new home, cancelled my phone contract. Loose ends. Strangely peaceful.",
    ],
)
def test_self_harm_without_the_usual_words_is_caught(text):
    # The cue rules' phrasings (the meaning engine misses a few: docs/language-meaning.md).
    assert engines("cue").safety.analyse(text).risk is SafetyRisk.SELF_HARM


@pytest.mark.parametrize(
    "text",
    [
        "My bf checks my location every ten minutes.",
        "He made me sign the loan in my name.",
        "I dread the sound of his key in the door.",
        "Mum's new boyfriend keeps coming into my room at night.",
        "She pinches me hard where nobody can see.",
    ],
)
def test_harm_from_a_household_member_is_caught(text):
    assert risk(text) is not SafetyRisk.NONE


@pytest.mark.parametrize(
    "text",
    [
        "We walked over the railway bridge to the pub.",
        "My brother hit me with a pillow during our fight, we were in stitches.",
        "My wife took my phone off me at dinner, no screens rule. Fair enough.",
        "I'm scared of what my dad will think of my tattoo.",
        "Nobody at work would notice if I took a week off, so I'm booking one.",
        "My new boyfriend is lovely and I'm scared of nothing when he's around.",
        "Drove Becky to the airport, covered Mark's shift, babysat for my sister.",
    ],
)
def test_ordinary_life_near_the_new_cues_is_not_flagged(text):
    assert risk(text) is SafetyRisk.NONE


def test_untuned_third_batch_keeps_its_first_look_level():
    # data/language/safety_blind3.jsonl was written after all tuning and never tuned on. Its
    # first-look figures (recall 0.44, none flagged) are the honest estimate of unseen
    # performance; this floor only stops them getting worse.
    path = eval_safety.DEFAULT_DATA.with_name("safety_blind3.jsonl")
    result = eval_safety.score(eval_safety.load_examples(path))
    assert result.risk_recall >= 0.4
    # At most one of its 15 ordinary texts flagged, not none: the one about a friend's
    # controlling husband reads 0.508 against the risk threshold's 0.524 on one machine and
    # crossed it on another of the same kind (the encoder is int8, and onnxruntime's int8
    # kernels differ by CPU instruction set; docs/language-meaning.md, "Same text, other CPU").
    none = SafetyRisk.NONE
    flagged = sum(
        n for (labelled, got), n in result.confusion.items() if labelled is none and got is not none
    )
    assert flagged <= 1


def test_cannot_written_as_one_word_still_negates():
    assert risk("I cannot go on like this any more.") is SafetyRisk.SELF_HARM
    assert risk("I'm scared. He cannot find out I've packed a bag.") is not SafetyRisk.NONE
