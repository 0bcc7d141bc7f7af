"""Trained heads over the encoder's reading: one logistic regression per label, over the text's
vector, the element-wise maximum of its sentence vectors (so one sentence that carries a
label is not averaged away by a long entry) and the cue rules' own scores for the same reader
(the rules add precision where they are sure). Trained by `tools/language/train_meaning.py`;
the weights and the thresholds chosen by cross-validation ship in `models/meaning-heads.npz`.

Evidence: the sentences whose own vectors score highest under a label's weights, when a
sentence alone would lean towards the label, are the words shown to the writer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from interplay.language.meaning.encoder import DIMENSIONS, Reading

HEADS_FILE = Path(__file__).resolve().parent.parent / "models" / "meaning-heads.npz"
EVIDENCE_SENTENCES = 2


@dataclass(frozen=True)
class Head:
    """The heads of one reader (safety, themes or statements)."""

    reader: str
    labels: tuple[str, ...]
    cue_features: tuple[str, ...]  # names of the cue scores the heads expect, in order
    weights: npt.NDArray[np.float64]  # labels x features
    bias: npt.NDArray[np.float64]  # one per label
    thresholds: npt.NDArray[np.float64]  # one per label, chosen by cross-validation
    version: str


@dataclass(frozen=True)
class Verdict:
    label: str
    probability: float
    threshold: float
    evidence: tuple[tuple[int, int], ...]  # sentence spans

    @property
    def shown(self) -> bool:
        return self.probability >= self.threshold


def features(reading: Reading, cue_scores: Sequence[float]) -> npt.NDArray[np.float64]:
    """The feature vector the heads read: text vector, sentence maximum, cue scores."""
    if len(reading.sentence_vectors):
        peak = reading.sentence_vectors.max(axis=0)
    else:
        peak = np.zeros(DIMENSIONS, dtype=np.float32)
    return np.concatenate(
        [reading.text_vector, peak, np.asarray(cue_scores, dtype=np.float64)]
    ).astype(np.float64)


def _sigmoid(x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    return 0.5 * (1.0 + np.tanh(0.5 * x))  # the logistic function without overflow


@cache
def load_heads(path: Path = HEADS_FILE) -> dict[str, Head]:
    heads: dict[str, Head] = {}
    with np.load(path, allow_pickle=False) as data:
        version = str(data["version"])
        for reader in [str(r) for r in data["readers"]]:
            heads[reader] = Head(
                reader=reader,
                labels=tuple(str(x) for x in data[f"{reader}.labels"]),
                cue_features=tuple(str(x) for x in data[f"{reader}.cue_features"]),
                weights=np.asarray(data[f"{reader}.weights"], dtype=np.float64),
                bias=np.asarray(data[f"{reader}.bias"], dtype=np.float64),
                thresholds=np.asarray(data[f"{reader}.thresholds"], dtype=np.float64),
                version=version,
            )
    for head in heads.values():
        expected = 2 * DIMENSIONS + len(head.cue_features)
        if head.weights.shape != (len(head.labels), expected):
            raise ValueError(f"{path.name}: {head.reader} heads do not fit the encoder")
    return heads


def judge(head: Head, reading: Reading, cue_scores: Sequence[float]) -> list[Verdict]:
    """Every label's probability, threshold and evidence sentences for one reading."""
    x = features(reading, cue_scores)
    probabilities = _sigmoid(head.weights @ x + head.bias)
    verdicts = []
    text_part = head.weights[:, :DIMENSIONS] + head.weights[:, DIMENSIONS : 2 * DIMENSIONS]
    sentence_scores = (
        reading.sentence_vectors.astype(np.float64) @ text_part.T
        if len(reading.sentence_vectors)
        else np.zeros((0, len(head.labels)))
    )
    for k, label in enumerate(head.labels):
        evidence: tuple[tuple[int, int], ...] = ()
        if len(sentence_scores):
            order = np.argsort(-sentence_scores[:, k], kind="stable")[:EVIDENCE_SENTENCES]
            best = sentence_scores[order[0], k]
            # A second sentence is evidence too only if it scores nearly as high.
            chosen = [i for i in order if sentence_scores[i, k] >= best - abs(best) * 0.25]
            evidence = tuple(sorted(reading.sentence_spans[i] for i in chosen))
        verdicts.append(
            Verdict(label, float(probabilities[k]), float(head.thresholds[k]), evidence)
        )
    return verdicts
