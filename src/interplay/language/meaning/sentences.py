"""Sentence spans for the encoder, taken from the shared text-reading layer so the model's
evidence lines up with the sentences the cue rules see."""

from __future__ import annotations

from interplay.language.journal_text import read_passage

# A sentence of more than this many characters is still one sentence to the reader, but the
# encoder sees it as consecutive pieces (a 100 kB text with no full stop stays readable).
MAX_SENTENCE_CHARS = 600


def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the sentences of `text`, in order, each from its first token to its
    last (the closing mark included)."""
    passage = read_passage(text)
    tokens = passage.tokens
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        last = min(passage.sentence_end[i], len(tokens) - 1)
        start, end = tokens[i].start, tokens[last].end
        if any(not t.norm.isspace() for t in tokens[i : last + 1]):
            for at in range(start, end, MAX_SENTENCE_CHARS):
                spans.append((at, min(end, at + MAX_SENTENCE_CHARS)))
        i = last + 1
    return tuple(spans)
