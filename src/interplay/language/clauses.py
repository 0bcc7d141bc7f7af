"""A sentence seen as words, with the small pieces of clause reasoning the cues share.

Every look-around here is bounded to a few words (`WINDOW`), so a sentence of any length costs
time in step with its length: a pathological run of words with no punctuation cannot make one
check re-read the whole sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from interplay.language import reading
from interplay.language.patterns import FILLERS
from interplay.language.statement_words import CONCRETE_MARKERS, words
from interplay.language.text import Token

WINDOW = 6

CLAUSE_BREAKS = frozenset(",:;()-\u2013\u2014.!?\n")
COORDINATORS = words("and but so or yet then")
# Words that open a sentence without being its subject ("Honestly, I ...", "Oh, you ...").
DISCOURSE = words(
    """oh well look honestly so and but yeah yes no ok okay um uh erm hey listen right also
    then now just actually basically frankly seriously anyway mum dad hi hello tbh lol ,"""
)
# Openers plus intensifiers: "Absolutely shattered tonight" starts with its feeling.
OPENERS = DISCOURSE | FILLERS
AUX = words(
    """am is are was were be been being have has had do does did will would shall should can
    could may might must 's"""
)
NEGATION = words("not never no")


@dataclass(frozen=True, slots=True)
class Hit:
    """A finding inside one sentence: token positions [start, end) and an optional phrase
    (token positions) that the rewrite can reuse."""

    label: str
    start: int
    end: int
    note: str = ""
    phrase: tuple[int, int] | None = None


@dataclass
class Sentence:
    tokens: list[Token]
    words: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.words = [t.norm for t in self.tokens]

    def __len__(self) -> int:
        return len(self.words)

    def word(self, k: int) -> str:
        return self.words[k] if 0 <= k < len(self.words) else ""

    @property
    def is_question(self) -> bool:
        return "?" in self.words

    def first_content(self) -> int:
        """Position of the first word after openers like "oh", "honestly", "so"."""
        k = 0
        while k < len(self.words) and k < WINDOW and self.words[k] in OPENERS:
            k += 1
        return k

    def clause_start(self, k: int) -> int:
        """Start of the clause holding position k, looking back at most WINDOW words."""
        j = k
        while j > 0 and k - j < WINDOW:
            prev = self.words[j - 1]
            if prev in CLAUSE_BREAKS or prev in COORDINATORS:
                break
            j -= 1
        return j

    def clause_end(self, k: int, limit: int = 12) -> int:
        """End (exclusive) of the clause holding position k, looking ahead at most `limit`."""
        j = k
        while j < len(self.words) and j - k < limit:
            if self.words[j] in CLAUSE_BREAKS:
                break
            j += 1
        return j

    def negated_before(self, k: int, reach: int = 3) -> bool:
        """A "not"/"never" among the `reach` words before k, within the same clause."""
        return reading.negated_before(
            k,
            max(0, k - reach),
            lambda j: self.words[j] in NEGATION,
            lambda j: self.words[j] in CLAUSE_BREAKS,
        )

    def has_concrete_marker(self, start: int, end: int) -> bool:
        for w in self.words[start:end]:
            if w in CONCRETE_MARKERS or w[:1].isdigit():
                return True
        return False

    def text_of(self, source: str, start: int, end: int) -> str:
        """The person's own characters for token positions [start, end)."""
        if start >= end:
            return ""
        return source[self.tokens[start].start : self.tokens[end - 1].end]
