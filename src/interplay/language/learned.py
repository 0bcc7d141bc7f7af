"""The learned second opinion: two small linear models (logistic regression over hashed word,
word-pair and character-gram features, plus the cue engine's own hits) that catch writing the
cue lexicons miss. Trained offline by `interplay.language.training.train_learned`; the weights
ship in `models/learned.npz` and are read once, on first use.

`opinion(text)` gives, for one text, the risk probability, the self-harm probability (which
kind of risk, if any), a probability per theme, and the sentences that drove each: the
sentences whose own features add most to the score are the evidence. Pure Python and numpy,
deterministic, and it never raises on odd text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from interplay.core.vocabulary import Theme
from interplay.language.findings import Span
from interplay.language.journal_text import read_passage
from interplay.language.learned_features import (
    DIMENSIONS,
    bucket,
    hashed,
    sentence_features,
    text_vector,
)

MODEL_PATH = Path(__file__).resolve().parent / "models" / "learned.npz"
MAX_SENTENCES = 2000  # a 100 kB text: later sentences add to the score but not to evidence
EVIDENCE_SENTENCES = 3


@dataclass(frozen=True)
class _Model:
    buckets: npt.NDArray[np.int32]  # sorted
    weights: npt.NDArray[np.float64]  # one row per bucket, one column per output
    thresholds: tuple[float, ...]


@dataclass(frozen=True)
class Opinion:
    risk: float  # probability that the text shows a risk
    self_harm: float  # probability that a risk, if any, is to the writer from themselves
    risk_evidence: tuple[Span, ...]
    risk_threshold: float
    # Themes over their thresholds: (theme, score on the cue engine's scale, evidence).
    themes: tuple[tuple[Theme, float, tuple[Span, ...]], ...]


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


def rule_features(text: str) -> list[str]:
    """The cue engines' accepted hits, as features (the model learnt how far to trust them)."""
    from interplay.language.safety import judged_safety
    from interplay.language.themes import judged_themes

    names: list[str] = []
    for judged in (judged_safety(text), judged_themes(text)):
        for label, _, _, cue in judged:
            names += ["cue:" + cue, "lab:" + str(label)]
    return names


def _rows(model: _Model, vector: dict[int, float]) -> npt.NDArray[np.float64]:
    """Sum of the weights of the buckets present (times their values)."""
    if not vector:
        return np.zeros(model.weights.shape[1])
    keys = np.fromiter(vector.keys(), dtype=np.int64, count=len(vector))
    values = np.fromiter(vector.values(), dtype=np.float64, count=len(vector))
    at = np.minimum(np.searchsorted(model.buckets, keys), len(model.buckets) - 1)
    known = model.buckets[at] == keys
    result: npt.NDArray[np.float64] = values[known] @ model.weights[at[known]]
    return result


def _sigmoid(x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    result: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-np.clip(x, -40.0, 40.0)))
    return result


def _pushes(
    model: _Model, sentences: list[tuple[int, int, dict[int, float]]]
) -> npt.NDArray[np.float64]:
    """How much each sentence's own features add to each output (sentences x outputs)."""
    return np.array([_rows(model, buckets) for _, _, buckets in sentences[:MAX_SENTENCES]])


def _evidence(
    pushes: npt.NDArray[np.float64],
    sentences: list[tuple[int, int, dict[int, float]]],
    column: int,
) -> tuple[Span, ...]:
    """The sentences whose own features push this output up most, in text order."""
    scored = [
        (float(push), first, end)
        for push, (first, end, _) in zip(pushes[:, column], sentences, strict=False)
    ]
    ranked = sorted(scored, key=lambda s: (-s[0], s[1]))
    # Every finding shows words: at least the sentence that leans most its way.
    top = [s for s in ranked[:EVIDENCE_SENTENCES] if s[0] > 0] or ranked[:1]
    return tuple(Span(first, end) for _, first, end in sorted(top, key=lambda s: s[1]))


def on_rule_scale(probability: float, threshold: float) -> float:
    """A probability put on the cue engine's score scale, where 0.5 is the reporting line:
    the model's threshold maps to 0.5 and certainty to 1, so scores from both sources read
    alike."""
    if probability >= threshold:
        return round(0.5 + 0.5 * (probability - threshold) / max(1.0 - threshold, 1e-9), 3)
    return round(0.5 * probability / threshold, 3) if threshold > 0 else 0.0


@lru_cache(maxsize=8)
def opinion(text: str) -> Opinion:
    """The learned models' view of one text (the last few are kept: the theme finder and the
    safety screen ask about the same entry one after the other)."""
    safety, themes_model, themes = _models()
    sentences = [
        (first, end, hashed(names)) for first, end, names in sentence_features(read_passage(text))
    ]
    vector = text_vector((buckets for _, _, buckets in sentences), rule_features(text))
    p_safety = _sigmoid(_rows(safety, vector))
    p_themes = _sigmoid(_rows(themes_model, vector))
    risk = float(p_safety[0])
    risk_evidence: tuple[Span, ...] = ()
    if sentences and risk >= safety.thresholds[0]:
        risk_evidence = _evidence(_pushes(safety, sentences), sentences, 0)
    over = [k for k in range(len(themes)) if p_themes[k] >= themes_model.thresholds[k]]
    theme_pushes = _pushes(themes_model, sentences) if over and sentences else None
    found = tuple(
        (
            themes[k],
            on_rule_scale(float(p_themes[k]), themes_model.thresholds[k]),
            _evidence(theme_pushes, sentences, k) if theme_pushes is not None else (),
        )
        for k in over
    )
    return Opinion(
        round(risk, 3),
        round(float(p_safety[1]), 3),
        risk_evidence,
        safety.thresholds[0],
        found,
    )


__all__ = ["MODEL_PATH", "Opinion", "bucket", "on_rule_scale", "opinion", "rule_features"]
