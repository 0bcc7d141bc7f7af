"""The meaning-based second opinion in the composite engine's slot: its heads fit the encoder,
it gives every label a probability and every sentence its own, and the default engine uses it."""

from interplay.core.vocabulary import Theme
from interplay.language.engine import engines
from interplay.language.meaning.heads import FEATURES, STATEMENT_FIELDS, load_heads
from interplay.language.meaning.opinion import MeaningOpinion


def test_heads_cover_every_label_the_readers_ask_for():
    heads = load_heads()
    assert {"risk", "self_harm", "harm_from_others"} <= set(heads.labels)
    assert {t.value for t in Theme} <= set(heads.labels)
    assert {f"statement:{f}" for f in STATEMENT_FIELDS} <= set(heads.labels)
    assert heads.weights.shape == (len(heads.labels), FEATURES)
    assert all(0.0 < t < 1.0 for t in heads.thresholds)


def test_every_label_gets_a_probability_and_every_sentence_its_own():
    # Sentence vectors are read in the context of the whole text, so a three-word sentence
    # beside a risk one takes on its colour (both near certain); a sentence with content of its
    # own keeps it.
    text = (
        "We had a picnic by the river with the kids and the weather held. "
        "I keep thinking everyone would be better off without me."
    )
    reading = MeaningOpinion().read(text)
    assert set(reading.probabilities) == set(load_heads().labels)
    assert all(0.0 <= p <= 1.0 for p in reading.probabilities.values())
    sentences = reading.sentences("risk")
    assert [text[s.start : s.end] for s, _ in sentences] == [
        "We had a picnic by the river with the kids and the weather held.",
        "I keep thinking everyone would be better off without me.",
    ]
    assert sentences[1][1] > sentences[0][1]  # the sentence that carries the risk leans most


def test_the_meaning_engine_reads_with_the_meaning_model():
    found = engines("meaning").safety
    assert found.version.endswith(load_heads().version)
    result = found.analyse("Sorted the cat's food for a month. Letters are in the drawer. Bye.")
    assert all(0 <= span.start < span.end for span in result.evidence)
