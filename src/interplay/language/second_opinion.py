"""The "second opinion" slot of the composite engine (`engine.composite`): a model that reads
a whole text and gives a probability per label, for the text and for each of its sentences.

Whatever model fills the slot (today the hashed n-gram model in `learned`; a sentence-embedding
model later) answers the same questions, so the composite engine combines it with the cue rules
the same way:
- `probabilities[label]` and `thresholds[label]` for the whole text: the label is reported
  when the probability reaches the threshold (chosen in training for that model);
- `sentences(label)`: each sentence's span and its own probability for the label; the
  sentences that lean most towards a label are the evidence shown for it.

Labels are the theme ids (`Theme` values) plus two for safety: `ANY_RISK` (the text shows a
risk of either kind) and `SELF_HARM` (if there is a risk, it is to the writer from themselves
rather than from someone else).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from interplay.core.vocabulary import SafetyRisk
from interplay.language.findings import Span

ANY_RISK = "risk"
SELF_HARM = SafetyRisk.SELF_HARM.value
EVIDENCE_SENTENCES = 3
# A cue hit the composite engine passes to the model, as (label, cue id): a model may use the
# rules' findings as features (the n-gram model learnt how far to trust each cue) or ignore them.
CueHit = tuple[str, str]


class ModelReading(Protocol):
    """One model's view of one text."""

    @property
    def probabilities(self) -> Mapping[str, float]: ...

    @property
    def thresholds(self) -> Mapping[str, float]: ...

    def sentences(self, label: str) -> Sequence[tuple[Span, float]]:
        """Each sentence's span and its own probability for `label`, in text order (may be
        computed on demand: most texts never need it)."""
        ...


class SecondOpinion(Protocol):
    @property
    def version(self) -> str: ...

    def read(self, text: str, cue_hits: Sequence[CueHit] = ()) -> ModelReading: ...


def over_threshold(reading: ModelReading, label: str) -> bool:
    probability = reading.probabilities.get(label)
    threshold = reading.thresholds.get(label)
    return probability is not None and threshold is not None and probability >= threshold


def evidence_sentences(reading: ModelReading, label: str) -> tuple[Span, ...]:
    """The sentences that lean towards `label` most (up to three, each above even odds), in
    text order. Every finding shows words, so when none leans its way the one that leans most
    is still shown."""
    ranked = sorted(reading.sentences(label), key=lambda s: (-s[1], s[0].start))
    top = [s for s in ranked[:EVIDENCE_SENTENCES] if s[1] > 0.5] or ranked[:1]
    return tuple(span for span, _ in sorted(top, key=lambda s: s[0].start))


def on_rule_scale(probability: float, threshold: float) -> float:
    """A probability put on the cue engine's score scale, where 0.5 is the reporting line:
    the model's threshold maps to 0.5 and certainty to 1, so scores from both sources read
    alike."""
    if probability >= threshold:
        return round(0.5 + 0.5 * (probability - threshold) / max(1.0 - threshold, 1e-9), 3)
    return round(0.5 * probability / threshold, 3) if threshold > 0 else 0.0
