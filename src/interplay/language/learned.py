"""The learned second opinion: two small linear models (logistic regression over hashed word,
word-pair and character-gram features, plus the cue engine's own hits) that catch writing the
cue lexicons miss. Trained offline by `tools/language/training/train_learned.py`; the weights
ship in `models/learned.npz` and are read once, on first use.

`LearnedOpinion` fills the composite engine's second-opinion slot (`second_opinion`): for one
text it gives the risk probability, the self-harm probability (which kind of risk, if any) and
a probability per theme, and for each sentence the probability its own features give (a
sentence's features without the rest of the text), so the sentences that drove a score are its
evidence. It reads the cue hits it is handed but imports no rules: the composite engine owns the
combination. Pure Python and numpy, deterministic, and it never raises on odd text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from interplay.core.vocabulary import Theme
from interplay.language.findings import Span
from interplay.language.journal_text import read_passage
from interplay.language.learned_features import DIMENSIONS, hashed, sentence_features, text_vector
from interplay.language.second_opinion import ANY_RISK, SELF_HARM, CueHit

VERSION = "learned-1.0"
MODEL_PATH = Path(__file__).resolve().parent / "models" / "learned.npz"
MAX_SENTENCES = 2000  # a 100 kB text: later sentences add to the score but not to evidence

Keys = npt.NDArray[np.int64]
# (first char, end char, the sentence's feature buckets): kept as compact arrays, not dicts, so
# the few readings kept for reuse stay small even for a 100 kB entry.
Sentences = tuple[tuple[int, int, Keys], ...]


@dataclass(frozen=True)
class _Model:
    buckets: npt.NDArray[np.int32]  # sorted
    weights: npt.NDArray[np.float64]  # one row per bucket, one column per output
    thresholds: tuple[float, ...]


@cache
def _models() -> tuple[_Model, _Model, tuple[Theme, ...]]:
    with np.load(MODEL_PATH) as data:
        if int(data["dimensions"][0]) != DIMENSIONS:
            raise ValueError(f"{MODEL_PATH.name} was trained for other feature dimensions")
        models = tuple(
            _Model(
                data[f"{name}_buckets"],
                data[f"{name}_weights"].astype(np.float64),
                tuple(float(t) for t in data[f"{name}_thresholds"]),
            )
            for name in ("safety", "themes")
        )
        themes = tuple(Theme(str(t)) for t in data["themes"])
    return models[0], models[1], themes


def cue_features(cue_hits: Sequence[CueHit]) -> list[str]:
    """The cue engines' accepted hits, as features (the model learnt how far to trust them)."""
    names: list[str] = []
    for label, cue in cue_hits:
        names += ["cue:" + cue, "lab:" + label]
    return names


def _rows(model: _Model, vector: dict[int, float]) -> npt.NDArray[np.float64]:
    """Sum of the weights of the buckets present (times their values)."""
    keys = np.fromiter(vector.keys(), dtype=np.int64, count=len(vector))
    values = np.fromiter(vector.values(), dtype=np.float64, count=len(vector))
    return _weighted(model, keys, values)


def _weighted(
    model: _Model, keys: Keys, values: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    if not len(keys):
        return np.zeros(model.weights.shape[1])
    at = np.minimum(np.searchsorted(model.buckets, keys), len(model.buckets) - 1)
    known = model.buckets[at] == keys
    result: npt.NDArray[np.float64] = values[known] @ model.weights[at[known]]
    return result


def _sigmoid(x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    result: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-np.clip(x, -40.0, 40.0)))
    return result


@dataclass
class LearnedReading:
    """The two models' view of one text. Per-sentence probabilities are worked out on first
    request, once per model: most texts never need them."""

    probabilities: Mapping[str, float]
    thresholds: Mapping[str, float]
    _sentences: Sentences
    _columns: Mapping[str, tuple[_Model, int]]
    _per_model: dict[int, npt.NDArray[np.float64]] = field(default_factory=dict)

    def sentences(self, label: str) -> Sequence[tuple[Span, float]]:
        if label not in self._columns or not self._sentences:
            return ()
        model, column = self._columns[label]
        if id(model) not in self._per_model:
            pushes = [
                _weighted(model, keys, np.ones(len(keys)))  # each feature present once
                for _, _, keys in self._sentences[:MAX_SENTENCES]
            ]
            self._per_model[id(model)] = _sigmoid(np.array(pushes))
        own = self._per_model[id(model)][:, column]
        return [
            (Span(first, end), float(p))
            for p, (first, end, _) in zip(own, self._sentences, strict=False)
        ]


class LearnedOpinion:
    """The hashed n-gram second opinion, shipped in `models/learned.npz`."""

    version = VERSION

    def read(self, text: str, cue_hits: Sequence[CueHit] = ()) -> LearnedReading:
        return reading_of(text, tuple(cue_hits))


@lru_cache(maxsize=8)
def reading_of(text: str, cue_hits: tuple[CueHit, ...]) -> LearnedReading:
    """Kept for the last few texts: the theme finder and the safety screen ask about the same
    entry one after the other."""
    safety, themes_model, themes = _models()
    per_sentence = [
        (first, end, hashed(names)) for first, end, names in sentence_features(read_passage(text))
    ]
    vector = text_vector((buckets for _, _, buckets in per_sentence), cue_features(cue_hits))
    sentences: Sentences = tuple(
        (first, end, np.fromiter(buckets, dtype=np.int64, count=len(buckets)))
        for first, end, buckets in per_sentence
    )
    p_safety = _sigmoid(_rows(safety, vector))
    p_themes = _sigmoid(_rows(themes_model, vector))
    # The safety outputs are rounded to three places, as learned-1.0's thresholds were applied.
    probabilities = {
        ANY_RISK: round(float(p_safety[0]), 3),
        SELF_HARM: round(float(p_safety[1]), 3),
    }
    thresholds = {ANY_RISK: safety.thresholds[0], SELF_HARM: 0.5}
    columns: dict[str, tuple[_Model, int]] = {ANY_RISK: (safety, 0), SELF_HARM: (safety, 1)}
    for k, theme in enumerate(themes):
        probabilities[theme.value] = float(p_themes[k])
        thresholds[theme.value] = themes_model.thresholds[k]
        columns[theme.value] = (themes_model, k)
    return LearnedReading(probabilities, thresholds, sentences, columns)
