"""The meaning-based second opinion: the encoder's reading of a text and the trained heads,
in the slot the composite engine keeps for a model (`second_opinion.SecondOpinion`).

Its labels are the safety screen's (`risk`: a risk of either kind; `self_harm`: the risk is to
the writer from themselves), every theme, and the statement coach's seven fields as
`statement:<field>`. Each sentence's own probability for a label is its evidence.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from interplay.language.findings import Span
from interplay.language.meaning.encoder import MAX_MODEL_CHARS, Reading, read
from interplay.language.meaning.heads import (
    STATEMENT_PREFIX,
    Heads,
    features,
    load_heads,
    probabilities,
    sentence_rows,
)
from interplay.language.meaning.sentences import sentence_spans
from interplay.language.second_opinion import CueHit

__all__ = ["STATEMENT_PREFIX", "MeaningOpinion", "MeaningReading"]


@dataclass
class MeaningReading:
    """The heads' view of one text; per-sentence probabilities are worked out on first request
    (most texts never need them)."""

    probabilities: Mapping[str, float]
    thresholds: Mapping[str, float]
    truncated: bool
    _reading: Reading
    _cue_labels: tuple[str, ...]
    _heads: Heads
    _per_sentence: list[npt.NDArray[np.float64]] = field(default_factory=list)

    def sentences(self, label: str) -> Sequence[tuple[Span, float]]:
        if label not in self.probabilities or not len(self._reading.sentence_vectors):
            return ()
        if not self._per_sentence:
            rows = sentence_rows(self._reading, self._cue_labels)
            self._per_sentence.append(probabilities(self._heads, rows))
        column = self._per_sentence[0][:, self._heads.column(label)]
        return [
            (Span(start, end), float(p))
            for p, (start, end) in zip(column, self._reading.sentence_spans, strict=True)
        ]


class MeaningOpinion:
    """The encoder and its heads, loaded once per process on first use."""

    def __init__(self, threads: int | None = None) -> None:
        # Two threads halve an entry's time on a two-core machine (p50 22 ms against 38 ms in
        # the bench); analysis runs on save and in the worker, in short bursts.
        self.threads = threads or min(2, os.cpu_count() or 1)

    @property
    def version(self) -> str:
        return load_heads().version

    def read(self, text: str, cue_hits: Sequence[CueHit] = ()) -> MeaningReading:
        return _reading_of(text, tuple(label for label, _ in cue_hits), self.threads)


@lru_cache(maxsize=8)
def _reading_of(text: str, cue_labels: tuple[str, ...], threads: int) -> MeaningReading:
    """Kept for the last few texts: the theme reader and the safety screen read the same entry
    one after the other, and the encoder runs once for both."""
    heads = load_heads()
    reading = read(text, sentence_spans(text[:MAX_MODEL_CHARS]), threads=threads)
    p = probabilities(heads, features(reading, cue_labels))[0]
    return MeaningReading(
        probabilities={label: float(p[k]) for k, label in enumerate(heads.labels)},
        thresholds={label: float(heads.thresholds[k]) for k, label in enumerate(heads.labels)},
        truncated=reading.truncated,
        _reading=reading,
        _cue_labels=cue_labels,
        _heads=heads,
    )
