"""Cue lexicons: short word patterns, read from TOML, matched against a Passage in linear time.

A lexicon file holds `[classes]` (named word lists, used in patterns as `@name`) and `[[cue]]`
entries. Each cue says what it is evidence of (`label`), how strongly (`weight`), and how its
context changes that: whether it must be the writer doing it (`person`), what negation does
(`negated`), what a habit the writer has left behind does (`past`), and phrases in the same
sentence that mean it is a figure of speech (`unless`).

Pattern syntax, one pattern a string, words separated by spaces:
  word        the word in any inflection ("ask" matches asks, asked, asking)
  a|b|c       any of these words
  word?       optional word
  @class      any word of a class from `[classes]`
  *           a gap of up to three words (never crossing a sentence or clause mark)
  **          a gap of up to six words
Matching tries each pattern only at tokens equal to one of its first words, and every pattern
has a bounded length, so the work is linear in the length of the text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Generic, TypeVar

from interplay.core.content_files import ContentError, Field, list_of, load_entries, read_toml
from interplay.language.journal_text import Passage, normalise

LEXICON_DIR = Path(__file__).parent / "lexicons"
L = TypeVar("L", bound=StrEnum)

_PATTERN_CLITICS = {"d": "will", "ll": "will", "m": "be", "re": "be", "ve": "have"}
_SHORT_GAP = 3
_LONG_GAP = 6
_MAX_SLOTS = 12


class Person:
    SELF = "self"  # the writer must be the one who does, feels or thinks it
    ANY = "any"  # the cue already says who is involved ("he hit me", "my family expects")


class OnNegation:
    DROP = "drop"  # "I don't mind asking" is not evidence of minding
    KEEP = "keep"  # negation does not change what the words show
    ONLY = "only"  # the cue counts only when negated ("I can't go on")


class OnPast:
    DROP = "drop"  # a habit the writer says they have left behind is not a present theme
    KEEP = "keep"


@dataclass(frozen=True, slots=True)
class Slot:
    words: frozenset[str]  # one-word alternatives (empty for a gap)
    optional: bool = False
    gap: int = 0
    phrases: tuple[tuple[str, ...], ...] = ()  # several-word alternatives ("on_my_own")

    @property
    def first_words(self) -> frozenset[str]:
        return self.words | frozenset(phrase[0] for phrase in self.phrases)


@dataclass(frozen=True)
class Cue(Generic[L]):
    id: str
    label: L
    weight: float
    person: str
    negated: str
    past: str
    patterns: tuple[tuple[Slot, ...], ...]
    unless: tuple[tuple[Slot, ...], ...]
    negated_label: L | None  # what the words show when negated, if not nothing
    changed_label: L | None  # what they show when the writer has left the habit behind


@dataclass(frozen=True, slots=True)
class Match:
    cue_index: int
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    pattern: tuple[Slot, ...]


@dataclass(frozen=True)
class Lexicon(Generic[L]):
    path: str
    cues: tuple[Cue[L], ...]
    # first word -> [(cue index, pattern, anchor)]: the anchor is the word set of one later
    # required slot; a sentence without any of its words cannot hold the pattern.
    index: dict[str, list[tuple[int, tuple[Slot, ...], frozenset[str]]]]


def _weight(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        raise ValueError("must be a number above 0 and at most 1")
    return float(value)


def _choice(*allowed: str) -> Callable[[Any], str]:
    def convert(value: Any) -> str:
        if value not in allowed:
            raise ValueError(f"must be one of: {', '.join(allowed)}")
        return str(value)

    return convert


def _pattern_text(value: Any) -> str:
    if not isinstance(value, str) or not value.split():
        raise ValueError("must be non-empty text")
    return value


def compile_pattern(pattern: str, classes: dict[str, frozenset[str]]) -> tuple[Slot, ...]:
    slots: list[Slot] = []
    for part in pattern.split():
        if part in ("*", "**"):
            if not slots or slots[-1].gap:
                raise ValueError(f"pattern {pattern!r}: a gap must follow a word")
            slots.append(Slot(frozenset(), gap=_SHORT_GAP if part == "*" else _LONG_GAP))
            continue
        optional = part.endswith("?") and len(part) > 1
        part = part.rstrip("?") if optional else part
        words: set[str] = set()
        phrases: set[tuple[str, ...]] = set()
        for alternative in part.split("|"):
            if alternative.startswith("@"):
                if alternative[1:] not in classes:
                    raise ValueError(f"pattern {pattern!r}: unknown class {alternative!r}")
                words |= classes[alternative[1:]]
            elif alternative:
                sequence = pattern_words(alternative)
                if len(sequence) == 1:
                    words.add(sequence[0])
                else:
                    phrases.add(sequence)
        if not words and not phrases:
            raise ValueError(f"pattern {pattern!r}: empty word in {part!r}")
        slots.append(Slot(frozenset(words), optional=optional, phrases=tuple(sorted(phrases))))
    if not slots or slots[0].gap or slots[0].optional or slots[-1].gap:
        raise ValueError(f"pattern {pattern!r}: must start with a required word and end on a word")
    if len(slots) > _MAX_SLOTS:
        raise ValueError(f"pattern {pattern!r}: longer than {_MAX_SLOTS} parts")
    return tuple(slots)


def pattern_words(alternative: str) -> tuple[str, ...]:
    """The normalised words of one alternative, split as the tokeniser would split the text:
    "on_my_own" and "self-sufficient" are sequences, "family's" is "family" + "'s"."""
    words: list[str] = []
    for piece in alternative.lower().replace("’", "'").replace("-", "_").split("_"):
        if not piece:
            continue
        if piece.endswith("n't"):
            base = piece[:-3]
            words += [
                "can" if base in ("ca", "can") else "will" if base == "wo" else normalise(base),
                "not",
            ]
        elif piece == "'s":
            words.append("'s")
        elif piece.endswith("'s"):
            words += [normalise(piece[:-2]), "'s"]
        elif "'" in piece and piece.split("'", 1)[1] in _PATTERN_CLITICS:
            base, clitic = piece.split("'", 1)
            words += ["i" if base == "i" else normalise(base), _PATTERN_CLITICS[clitic]]
        elif piece == "i":
            words.append("i")
        else:
            words.append(normalise(piece))
    if not words:
        raise ValueError(f"empty word {alternative!r}")
    return tuple(words)


def load_lexicon(path: Path, label_enum: type[L]) -> Lexicon[L]:
    """Read and validate a cue lexicon. Errors name the file, the cue and the problem."""
    document = read_toml(path)
    raw_classes = document.get("classes", {})
    if not isinstance(raw_classes, dict):
        raise ContentError(path, None, "[classes] must be a table of word lists")
    classes: dict[str, frozenset[str]] = {}
    for name, words in raw_classes.items():
        if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
            raise ContentError(path, f"classes.{name}", "must be a non-empty list of words")
        sequences = [pattern_words(w) for w in words]
        if any(len(seq) != 1 for seq in sequences):
            raise ContentError(path, f"classes.{name}", "class words must be single words")
        classes[name] = frozenset(seq[0] for seq in sequences)

    def label(value: Any) -> L:
        try:
            return label_enum(value)
        except ValueError:
            allowed = ", ".join(member.value for member in label_enum)
            raise ValueError(f"unknown value {value!r} (expected one of: {allowed})") from None

    fields = (
        Field("label", label),
        Field("weight", _weight),
        Field("person", _choice(Person.SELF, Person.ANY), required=False, default=Person.SELF),
        Field(
            "negated",
            _choice(OnNegation.DROP, OnNegation.KEEP, OnNegation.ONLY),
            required=False,
            default=OnNegation.DROP,
        ),
        Field("past", _choice(OnPast.DROP, OnPast.KEEP), required=False, default=OnPast.DROP),
        Field("patterns", list_of(_pattern_text)),
        Field("unless", list_of(_pattern_text), required=False, default=()),
        Field("negated_label", label, required=False, default=None),
        Field("changed_label", label, required=False, default=None),
    )
    cues: list[Cue[L]] = []
    index: dict[str, list[tuple[int, tuple[Slot, ...], frozenset[str]]]] = {}
    for entry in load_entries(path, "cue", fields):
        try:
            patterns = tuple(compile_pattern(p, classes) for p in entry["patterns"])
            unless = tuple(compile_pattern(p, classes) for p in entry["unless"])
        except ValueError as error:
            raise ContentError(path, entry["id"], str(error)) from None
        position = len(cues)
        cues.append(
            Cue(
                id=entry["id"],
                label=entry["label"],
                weight=entry["weight"],
                person=entry["person"],
                negated=entry["negated"],
                past=entry["past"],
                patterns=patterns,
                unless=unless,
                negated_label=entry["negated_label"],
                changed_label=entry["changed_label"],
            )
        )
        for pattern in patterns:
            anchor = _anchor(pattern)
            for word in pattern[0].first_words:
                index.setdefault(word, []).append((position, pattern, anchor))
    return Lexicon(str(path), tuple(cues), index)


def _anchor(pattern: tuple[Slot, ...]) -> frozenset[str]:
    """The smallest word set of a required slot after the first (empty when there is none).
    Every match of the pattern contains one of these words, so a sentence that has none of
    them is skipped without walking: most cues start with common words ("i", "my", "he")."""
    best: frozenset[str] = frozenset()
    for slot in pattern[1:]:
        if slot.gap or slot.optional:
            continue
        words = slot.words | frozenset(w for phrase in slot.phrases for w in phrase)
        if not best or len(words) < len(best):
            best = words
    return best


def _walk(
    norms: list[str],
    punct: list[bool],
    slots: tuple[Slot, ...],
    slot: int,
    position: int,
    limit: int,
) -> int:
    """Token index just after a match of `slots[slot:]` from `position`, or -1. Bounded
    backtracking: gaps and optional words are short and patterns have at most a dozen parts."""
    if slot == len(slots):
        return position
    current = slots[slot]
    if current.gap:
        for skip in range(current.gap + 1):
            here = position + skip
            if here > limit:
                break
            if skip and punct[here - 1]:
                break  # a gap never crosses a comma, dash or quotation mark
            found = _walk(norms, punct, slots, slot + 1, here, limit)
            if found >= 0:
                return found
        return -1
    if position < limit and norms[position] in current.words:
        found = _walk(norms, punct, slots, slot + 1, position + 1, limit)
        if found >= 0:
            return found
    for phrase in current.phrases:
        after = position + len(phrase)
        if after <= limit and all(norms[position + k] == word for k, word in enumerate(phrase)):
            found = _walk(norms, punct, slots, slot + 1, after, limit)
            if found >= 0:
                return found
    if current.optional:
        return _walk(norms, punct, slots, slot + 1, position, limit)
    return -1


def _match_at(passage: Passage, slots: tuple[Slot, ...], start: int, limit: int) -> int:
    """Token index just after a match of `slots` beginning at `start` (before `limit`, the
    end of the sentence), or -1."""
    return _walk(passage.norms, passage.punct, slots, 0, start, limit)


def find_matches(passage: Passage, lexicon: Lexicon[L]) -> list[Match]:
    """Every cue match, at most one per cue and starting token, leftmost first."""
    matches: list[Match] = []
    norms = passage.norms
    punct = passage.punct
    index = lexicon.index
    sentence_words: frozenset[str] = frozenset()
    sentence_of = -1
    for i, norm in enumerate(norms):
        candidates = index.get(norm)
        if not candidates:
            continue
        limit = passage.sentence_end[i]
        if passage.sentence_start[i] != sentence_of:
            # Built once per sentence, so the total work stays linear in the text.
            sentence_of = passage.sentence_start[i]
            sentence_words = frozenset(norms[sentence_of:limit])
        following = norms[i + 1] if i + 1 < limit else ""
        done: set[int] = set()
        for cue_index, pattern, anchor in candidates:
            if cue_index in done:
                continue
            if anchor and anchor.isdisjoint(sentence_words):
                continue
            if pattern[0].phrases:
                end = _walk(norms, punct, pattern, 0, i, limit)
            else:
                if len(pattern) > 1:
                    second = pattern[1]
                    # Most tries fail on the second word: check it before walking further.
                    if not (second.gap or second.optional or second.phrases) and (
                        following not in second.words
                    ):
                        continue
                end = _walk(norms, punct, pattern, 1, i + 1, limit)
            if end > i:
                matches.append(Match(cue_index, i, end, pattern))
                done.add(cue_index)
    return matches


def sentence_has(
    passage: Passage,
    patterns: Iterable[tuple[Slot, ...]],
    start: int,
    end: int,
    inside: tuple[int, int] = (0, 0),
    own_words: frozenset[str] = frozenset(),
) -> bool:
    """Whether any of the patterns occurs between token `start` and `end` (one sentence).
    A one-part pattern (a list of topic words) does not count on the cue's own words inside
    the `inside` span ("it will all be over" is not cancelled by its own "over"); it does count
    on words the cue skipped over ("cut back on sugar last night"). Longer patterns may overlap
    the cue on purpose ("I'm killing myself at the gym", "before he died")."""
    tokens = passage.tokens
    for pattern in patterns:
        first = pattern[0].first_words
        for i in range(start, end):
            if tokens[i].norm in first:
                found = _match_at(passage, pattern, i, end)
                if found > i and (
                    len(pattern) > 1
                    or not inside[0] <= i < found <= inside[1]
                    or any(passage.norms[k] not in own_words for k in range(i, found))
                ):
                    return True
    return False
