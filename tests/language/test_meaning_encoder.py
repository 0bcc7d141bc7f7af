"""The encoder behind the meaning-based readers: the shipped model is the one the manifest
names, it reads any text into unit vectors per sentence, and its vectors carry meaning."""

import hashlib

import numpy as np
import pytest

from interplay.language.meaning import encoder
from interplay.language.meaning.encoder import MAX_MODEL_CHARS, manifest, read
from interplay.language.meaning.sentences import sentence_spans


def _read(text: str) -> encoder.Reading:
    return read(text, sentence_spans(text))


def test_shipped_model_files_match_the_manifest():
    files = manifest()["files"]
    assert set(files) == {"minilm-l6-int8.onnx", "tokenizer.json"}
    for name, digest in files.items():
        assert hashlib.sha256((encoder.MODEL_DIR / name).read_bytes()).hexdigest() == digest


def test_each_sentence_gets_a_unit_vector_and_its_own_span():
    text = "I said yes again. I always do.\nThen I cried in the car."
    reading = _read(text)
    assert [text[a:b] for a, b in reading.sentence_spans] == [
        "I said yes again.",
        "I always do.",
        "Then I cried in the car.",
    ]
    assert reading.sentence_vectors.shape == (3, encoder.DIMENSIONS)
    assert np.allclose(np.linalg.norm(reading.sentence_vectors, axis=1), 1.0, atol=1e-5)
    assert np.linalg.norm(reading.text_vector) == pytest.approx(1.0, abs=1e-5)
    assert not reading.truncated


def test_reading_is_deterministic():
    text = "Nobody would notice if I was gone. Work was fine though."
    first, second = _read(text), _read(text)
    assert np.array_equal(first.text_vector, second.text_vector)


def test_vectors_carry_meaning_beyond_shared_words():
    wish = _read("Some nights I hope I just don't wake up.").text_vector
    same = _read("I'd be fine never waking up again, honestly.").text_vector
    other = _read("I hope the bakery has croissants when I wake up.").text_vector
    assert float(wish @ same) > float(wish @ other)


def test_empty_and_punctuation_only_texts_read_as_nothing():
    assert _read("").sentence_vectors.shape == (0, encoder.DIMENSIONS)
    assert not _read("").truncated
    assert len(_read("   \n\n ").sentence_spans) == 0


def test_a_huge_paste_is_read_only_up_to_the_model_limit():
    text = "and then it rained again " * (3 * MAX_MODEL_CHARS // 25)
    reading = read(text, sentence_spans(text[:MAX_MODEL_CHARS]))
    assert reading.truncated
    assert max(b for _, b in reading.sentence_spans) <= MAX_MODEL_CHARS


def test_a_long_sentence_is_read_in_windows_and_keeps_one_span_per_piece():
    text = " ".join(["we walked on and on by the river"] * 120) + "."
    reading = _read(text)
    assert len(reading.sentence_spans) >= 2  # cut at the sentence length the reader allows
    assert reading.sentence_vectors.shape[0] == len(reading.sentence_spans)
