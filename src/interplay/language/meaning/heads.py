"""Trained heads over the encoder's reading: one logistic regression per label, over the text's
vector, the element-wise maximum of its sentence vectors (so one sentence that carries a label
is not averaged away by a long entry) and the cue rules' own hits (the rules add precision
where they are sure). Trained by `tools/language/train_meaning.py`; the weights and the
thresholds chosen by cross-validation ship in `models/meaning-heads.npz`.

The same `features` function builds the training rows and the rows read at run time, so the
heads always see what they were trained on.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from interplay.core.vocabulary import SafetyRisk, Theme
from interplay.language.meaning.encoder import DIMENSIONS, Reading

HEADS_FILE = Path(__file__).resolve().parent.parent / "models" / "meaning-heads.npz"

STATEMENT_FIELDS = (
    "i_statement",
    "blame",
    "feeling",
    "need",
    "request",
    "absolute",
    "hedge_apology",
)
STATEMENT_PREFIX = "statement:"
# The cue labels whose hits are features, in a fixed order: both risks and every theme (the
# lexicons' hits, passed for journal writing), then the statement rules' seven findings (passed
# for a drafted message, as "statement:<field>").
CUE_LABELS: tuple[str, ...] = (
    SafetyRisk.SELF_HARM.value,
    SafetyRisk.HARM_FROM_OTHERS.value,
    *(theme.value for theme in Theme),
    *(STATEMENT_PREFIX + name for name in STATEMENT_FIELDS),
)
FEATURES = 2 * DIMENSIONS + len(CUE_LABELS)


@dataclass(frozen=True)
class Heads:
    """Every head: one row of weights, a bias and a threshold per label."""

    labels: tuple[str, ...]
    weights: npt.NDArray[np.float64]  # labels x FEATURES
    bias: npt.NDArray[np.float64]
    thresholds: npt.NDArray[np.float64]
    version: str

    def column(self, label: str) -> int:
        return self.labels.index(label)


def cue_vector(cue_labels: Iterable[str]) -> npt.NDArray[np.float64]:
    """How many accepted cue hits each label has, on a log scale (one hit matters, the tenth
    little)."""
    counts = dict.fromkeys(CUE_LABELS, 0)
    for label in cue_labels:
        if label in counts:
            counts[label] += 1
    return np.array([math.log1p(counts[label]) for label in CUE_LABELS])


def features(reading: Reading, cue_labels: Iterable[str]) -> npt.NDArray[np.float64]:
    """The row the heads read: text vector, sentence maximum, cue hits."""
    if len(reading.sentence_vectors):
        peak = reading.sentence_vectors.max(axis=0)
    else:
        peak = np.zeros(DIMENSIONS, dtype=np.float32)
    return np.concatenate([reading.text_vector, peak, cue_vector(cue_labels)])


def sentence_rows(reading: Reading, cue_labels: Iterable[str]) -> npt.NDArray[np.float64]:
    """Each sentence read as if it were the whole text (its vector as both mean and peak), with
    the text's cue hits: how far each sentence alone leans towards each label."""
    n = len(reading.sentence_vectors)
    vectors = reading.sentence_vectors.astype(np.float64)
    cues = np.tile(cue_vector(cue_labels), (n, 1))
    return np.hstack([vectors, vectors, cues])


def sigmoid(x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    result: npt.NDArray[np.float64] = 0.5 * (1.0 + np.tanh(0.5 * x))  # no overflow
    return result


@cache
def load_heads(path: Path = HEADS_FILE) -> Heads:
    with np.load(path, allow_pickle=False) as data:
        heads = Heads(
            labels=tuple(str(x) for x in data["labels"]),
            weights=np.asarray(data["weights"], dtype=np.float64),
            bias=np.asarray(data["bias"], dtype=np.float64),
            thresholds=np.asarray(data["thresholds"], dtype=np.float64),
            version=str(data["version"]),
        )
    if heads.weights.shape != (len(heads.labels), FEATURES):
        raise ValueError(f"{path.name} does not fit this encoder and cue list: retrain it")
    return heads


def probabilities(
    heads: Heads, rows: Sequence[npt.NDArray[np.float64]] | npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    matrix = np.atleast_2d(np.asarray(rows, dtype=np.float64))
    return sigmoid(matrix @ heads.weights.T + heads.bias)
