from hypothesis import given, settings
from hypothesis import strategies as st

from interplay.core.vocabulary import SafetyRisk, Theme
from interplay.language import learned
from interplay.language.engine import LEARNED_CUE, engines
from interplay.language.learned import MODEL_PATH, LearnedOpinion, reading_of
from interplay.language.second_opinion import ANY_RISK, evidence_sentences, on_rule_scale
from tools.language import eval_safety, eval_themes

DATA = eval_safety.DEFAULT_DATA.parent
MODEL = LearnedOpinion()
analyze_themes = engines("composite").themes.analyse
screen = engines("composite").safety.analyse


def test_model_file_is_small_and_loads_both_models():
    assert MODEL_PATH.stat().st_size < 3_000_000
    safety, themes, theme_order = learned._models()
    assert safety.weights.shape[1] == 2  # any risk; self-harm rather than harm from others
    assert themes.weights.shape[1] == len(Theme)
    assert set(theme_order) == set(Theme)
    assert list(safety.buckets) == sorted(safety.buckets)


def test_the_same_text_gets_the_same_opinion_every_time():
    text = "I keep wondering if anyone would notice if I just stopped. Probably not."
    first = MODEL.read(text)
    reading_of.cache_clear()
    again = MODEL.read(text)
    assert again.probabilities == first.probabilities
    assert again.sentences(ANY_RISK) == first.sentences(ANY_RISK)


def test_rule_scale_puts_the_threshold_at_one_half():
    assert on_rule_scale(0.3, 0.3) == 0.5
    assert on_rule_scale(1.0, 0.3) == 1.0
    assert on_rule_scale(0.0, 0.3) == 0.0
    assert on_rule_scale(0.2, 0.3) < 0.5 < on_rule_scale(0.4, 0.3)


def test_learned_findings_carry_sentences_of_the_text_as_evidence():
    path = DATA / "journal_themes_blind3.jsonl"
    seen = 0
    for example in eval_themes.load_examples(path):
        for finding in analyze_themes(example.text).themes:
            if finding.cues == (LEARNED_CUE,):
                seen += 1
                assert finding.evidence
                assert finding.score >= 0.5
                for span in finding.evidence:
                    assert 0 <= span.start < span.end <= len(example.text)
    assert seen  # the model does add themes the cues miss on this batch


def test_a_risk_only_the_model_sees_is_flagged_with_its_sentences():
    path = DATA / "safety_blind3.jsonl"
    learned_only = [
        result
        for result in (screen(e.text) for e in eval_safety.load_examples(path))
        if result.cues == (LEARNED_CUE,)
    ]
    assert learned_only
    for result in learned_only:
        assert result.risk is not SafetyRisk.NONE
        assert result.evidence


def test_the_cue_engine_never_reports_a_learned_finding():
    cue = engines("cue")
    for example in eval_themes.load_examples(DATA / "journal_themes_blind3.jsonl"):
        assert all(f.cues != (LEARNED_CUE,) for f in cue.themes.analyse(example.text).themes)
    for example in eval_safety.load_examples(DATA / "safety_blind3.jsonl"):
        assert cue.safety.analyse(example.text).cues != (LEARNED_CUE,)


def test_held_out_safety_batch_floor():
    # safety_blind3.jsonl was held out of training and threshold choice: cues alone caught
    # 0.44 of its risks; with the learned model 0.56, still with no non-risk text flagged.
    result = eval_safety.score(eval_safety.load_examples(DATA / "safety_blind3.jsonl"), "composite")
    assert result.risk_recall >= 0.52
    assert result.false_positive_rate <= 0.05


def test_held_out_safety_test_rows_stay_caught_and_quiet():
    examples = eval_safety.select(eval_safety.load_examples(), "test")
    result = eval_safety.score(examples, "composite")
    assert result.risk_recall >= 0.97
    assert result.false_positive_rate <= 0.05


def test_held_out_themes_batch_floor():
    # journal_themes_blind3.jsonl was held out of training and threshold choice: cues alone
    # scored micro-F1 0.37 on it; with the learned model 0.65.
    path = DATA / "journal_themes_blind3.jsonl"
    _, micro = eval_themes.score(eval_themes.load_examples(path), "composite")
    assert micro.f1 >= 0.6


def test_held_out_themes_test_rows_floor():
    examples = eval_themes.select(eval_themes.load_examples(), "test")
    _, micro = eval_themes.score(examples, "composite")
    assert micro.f1 >= 0.8


@settings(max_examples=60, deadline=None)
@given(st.text())
def test_any_unicode_gets_an_opinion(text):
    result = MODEL.read(text)
    assert all(0.0 <= p <= 1.0 for p in result.probabilities.values())
    for label in result.probabilities:
        for span, p in result.sentences(label):
            assert 0 <= span.start < span.end <= len(text) and 0.0 <= p <= 1.0


def test_a_100_kb_text_gets_an_opinion():
    text = ("I never ask anyone for help. 🙂 Ça va. " * 3000)[:100_000]
    reading = MODEL.read(text)
    assert len(reading.sentences(ANY_RISK)) == learned.MAX_SENTENCES
    assert 1 <= len(evidence_sentences(reading, ANY_RISK)) <= 3


def test_training_never_sees_the_held_out_texts():
    from tools.language.training import train_learned

    for kind in ("safety", "themes"):
        rows = train_learned.load(kind)
        held = {r.text for r in rows if r.held_out}
        assert all(r.held_out for r in rows if r.group == train_learned.HELD_OUT_FILES[kind])
        assert any(r.held_out for r in rows if r.group != train_learned.HELD_OUT_FILES[kind])
        assert len(held) >= 60
        trained = {r.text for r in rows if not r.held_out}
        assert not held & trained  # no held-out text also sits in a training file
