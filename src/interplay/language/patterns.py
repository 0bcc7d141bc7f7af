"""A tiny phrase matcher over normalised words, with a bounded search.

A pattern is written as words separated by spaces. Each element may list alternatives
(`was|am`), end in `?` to be optional (`really?`), or name a word list with `@` (`@FEELING`).
An alternative is always a single word: "give me strength|a break" means "give me" followed by
"strength" or "a", then "break"; write two patterns for two phrases.
Between elements the matcher may step over up to two softening words ("really", "just", "so",
a comma...) so that "I feel so, so tired" still matches "i feel @FEELING".

Patterns are short and the step-over is bounded, so trying every pattern at every position
costs a constant per word: time stays linear in the length of the text. No regular expressions
are involved, so nothing can backtrack without limit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# Words that soften or intensify without changing what is said.
FILLERS = frozenset(
    "really just so very quite honestly actually totally genuinely truly rather pretty "
    "kinda sorta extremely incredibly super bit little , also still even literally "
    "absolutely completely utterly massively proper properly dead well".split()
)
MAX_SKIPS = 2


@dataclass(frozen=True, slots=True)
class Element:
    options: frozenset[str]
    optional: bool


@dataclass(frozen=True, slots=True)
class Pattern:
    source: str
    elements: tuple[Element, ...]

    def first_words(self) -> frozenset[str]:
        words: set[str] = set()
        for element in self.elements:
            words |= element.options
            if not element.optional:
                break
        return frozenset(words)


def compile_pattern(source: str, lists: Mapping[str, frozenset[str]]) -> Pattern:
    elements: list[Element] = []
    for part in source.split():
        optional = part.endswith("?") and len(part) > 1
        body = part[:-1] if optional else part
        options: set[str] = set()
        for alt in body.split("|"):
            if alt.startswith("@"):
                options |= lists[alt[1:]]
            else:
                options.add(alt)
        elements.append(Element(frozenset(options), optional))
    return Pattern(source, tuple(elements))


class PhraseSet:
    """Patterns indexed by the words they can start with."""

    def __init__(self, sources: Sequence[str], lists: Mapping[str, frozenset[str]]) -> None:
        self.patterns = [compile_pattern(s, lists) for s in sources]
        self._index: dict[str, list[Pattern]] = {}
        for pattern in self.patterns:
            for word in pattern.first_words():
                self._index.setdefault(word, []).append(pattern)

    def match_at(self, words: Sequence[str], start: int) -> tuple[int, Pattern] | None:
        """The longest match starting at `start`: (end position, pattern) or None."""
        if not 0 <= start < len(words):
            return None
        best: tuple[int, Pattern] | None = None
        for pattern in self._index.get(words[start], ()):
            end = _match(pattern.elements, 0, words, start, MAX_SKIPS)
            if end > 0 and (best is None or end > best[0]):
                best = (end, pattern)
        return best

    def find_all(self, words: Sequence[str]) -> list[tuple[int, int, Pattern]]:
        """Every match as (start, end, pattern); overlapping matches are all kept."""
        found: list[tuple[int, int, Pattern]] = []
        for start in range(len(words)):
            hit = self.match_at(words, start)
            if hit is not None:
                found.append((start, hit[0], hit[1]))
        return found


def _match(
    elements: tuple[Element, ...], e: int, words: Sequence[str], pos: int, skips: int
) -> int:
    """End position of a match of elements[e:] at words[pos:], or -1. The search is bounded by
    the pattern length and MAX_SKIPS, never by the length of the text."""
    if e == len(elements):
        return pos
    element = elements[e]
    if pos < len(words) and words[pos] in element.options:
        end = _match(elements, e + 1, words, pos + 1, MAX_SKIPS)
        if end >= 0:
            return end
    if element.optional:
        end = _match(elements, e + 1, words, pos, skips)
        if end >= 0:
            return end
    if e > 0 and skips > 0 and pos < len(words) and words[pos] in FILLERS:
        return _match(elements, e, words, pos + 1, skips - 1)
    return -1
