"""The text-reading layer under every analysis: a text cut into pieces with their character
spans, a token stream cut into sentences, and the reach of a negation. Both views of a text
stand on it: the statement coach's (`text`, `clauses`: words kept as written, quoted speech set
aside) and the journal readers' (`journal_text`, `context`: words reduced to a rough lemma, with
negation, time and who is doing the thing worked out per cue). What stays separate, and why, is
in docs/language.md ("How a text is read").

Pieces are the finest cut both views agree on: a run of letters or digits, a line break, or one
other visible character (punctuation, a quote mark, an underscore, an emoji). Other white space
only separates pieces. One regular expression with no nested quantifiers does the cut, so the
time is linear in the length of the text whatever it holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# A run of letters or digits, a line break, or any single other visible character.
_PIECE = re.compile(r"[^\W_]+|\n|\S")

# (text, start, end): the characters of one piece and their span in the text.
Piece = tuple[str, int, int]

# Marks that end a sentence in both views. The statement coach also ends one at ";" (a draft's
# "I can't; I need the weekend" is two statements), where a journal entry's ";" only opens a
# new clause.
SENTENCE_ENDS = ".!?\n\u2026"


def pieces(text: str) -> list[Piece]:
    """The text cut into pieces, in order, each with its span."""
    return [(m.group(), m.start(), m.end()) for m in _PIECE.finditer(text)]


def is_word_piece(piece: str) -> bool:
    """Letters or digits (a piece is never empty)."""
    return piece[0].isalnum()


def sentence_ranges(ends: Sequence[bool]) -> list[tuple[int, int]]:
    """Cut a token stream into sentences: `ends[i]` says token i ends one (it is kept with the
    sentence it ends). Returns [start, end) token ranges covering every token, in order."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for i, ends_here in enumerate(ends):
        if ends_here:
            ranges.append((start, i + 1))
            start = i + 1
    if start < len(ends):
        ranges.append((start, len(ends)))
    return ranges


def negated_before(
    at: int, floor: int, is_negator: Callable[[int], bool], ends_reach: Callable[[int], bool]
) -> bool:
    """Whether a negator stands before token `at`, looking back no further than token `floor`,
    with nothing between that ends a negation's reach. Each view says which of its tokens negate
    and which end the reach (a clause mark, or a word such as "and": "won't give me money and
    takes my wages" does not deny the taking)."""
    for j in range(at - 1, floor - 1, -1):
        if ends_reach(j):
            return False
        if is_negator(j):
            return True
    return False
