"""Features for the learned second opinion: what a small linear model sees in a text.

Each sentence of a passage becomes a bag of hashed features that reach beyond the exact
phrases of the cue lexicons:
- lower-cased word unigrams and bigrams (from the normalised tokens, so "asking" and "asked"
  meet);
- character 3- to 5-grams inside each word, so a typo or an unusual inflection still shares
  most of its grams with the word it means;
- negation: a word in the scope of a negator (the negators `context` knows, up to a clause
  boundary or a word such as "and" that ends the scope) is seen as `NOT_word`, so "I don't
  want to die" and "I want to die" differ;
- the rule engine's accepted cue hits (cue id and label) when the caller passes them.

Features are hashed with CRC-32 (stable across runs and machines, unlike Python's `hash`)
into `DIMENSIONS` buckets. The same code builds features for training and at run time.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from functools import lru_cache

from interplay.language.context import _SCOPE_STOPS, _negator_at
from interplay.language.journal_text import Passage

DIMENSIONS = 1 << 18
_NEGATION_REACH = 6  # words a negation reaches, as in `context`
_MAX_WORD = 24  # character grams are taken from at most this many letters of a word
_BIAS = "BIAS"


@lru_cache(maxsize=1 << 17)  # character grams repeat from text to text: hash each once
def bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8", "surrogatepass")) & (DIMENSIONS - 1)


def _char_grams(word: str) -> Iterable[str]:
    padded = f"<{word[:_MAX_WORD]}>"
    n = len(padded)
    for size in (3, 4, 5):
        for i in range(n - size + 1):
            yield "c:" + padded[i : i + size]


def sentence_features(passage: Passage) -> list[tuple[int, int, list[str]]]:
    """For each sentence: (first char, end char, feature names). Punctuation is skipped;
    a text with no words gives no sentences."""
    tokens = passage.tokens
    out: list[tuple[int, int, list[str]]] = []
    features: list[str] = []
    first = -1
    last_end = 0
    negation_left = 0
    previous = "<s>"
    for i, token in enumerate(tokens):
        if i > 0 and passage.sentence_start[i] == i:
            if features:
                out.append((first, last_end, features))
            features, first, previous, negation_left = [], -1, "<s>", 0
        if passage.punct[i]:
            negation_left = 0  # a comma or full stop ends a negation's reach
            previous = "<p>"
            continue
        if i > 0 and passage.clause_start[i] == i:
            negation_left = 0
        norm = token.norm
        if not norm[:1].isalnum():
            continue
        if first < 0:
            first = token.start
        last_end = token.end
        if norm in _SCOPE_STOPS:
            negation_left = 0
        word = ("NOT_" + norm) if negation_left > 0 else norm
        features.append("w:" + word)
        features.append("b:" + previous + "_" + word)
        lower = passage.text[token.start : token.end].lower()
        features.extend(_char_grams(lower))
        previous = word
        if negation_left > 0:
            negation_left -= 1
        if _negator_at(passage, i):
            negation_left = _NEGATION_REACH
    if features:
        out.append((first, last_end, features))
    return out


def hashed(names: Iterable[str]) -> dict[int, float]:
    """Binary presence per bucket (a repeated feature counts once)."""
    return dict.fromkeys((bucket(name) for name in names), 1.0)


def text_vector(
    sentence_buckets: Iterable[dict[int, float]], cue_features: Iterable[str] = ()
) -> dict[int, float]:
    """The whole text's features (from each sentence's `hashed` features), L2-normalised so a
    long entry is not louder than a short one, plus the bias bucket (always 1)."""
    vector: dict[int, float] = {}
    for buckets in sentence_buckets:
        vector.update(buckets)
    vector.update(hashed(cue_features))
    norm = len(vector) ** 0.5 if vector else 1.0
    scaled = {k: v / norm for k, v in vector.items()}
    scaled[bucket(_BIAS)] = 1.0
    return scaled
