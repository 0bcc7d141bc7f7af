"""Word lists for the statement coach, read from `lexicons/statement_words.toml`.

They are data so a coach can read and extend them without reading Python: each list's `about`
says what belongs in it and why (the choices are explained in docs/language.md). The file is
read and checked once, when the statement coach is first imported; a malformed file stops it
with an error naming the file, the list and the problem, rather than quietly matching less.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from interplay.core.content_files import ContentError, read_toml

STATEMENT_WORDS = Path(__file__).parent / "lexicons" / "statement_words.toml"
# Every list the statement coach reads; the file must give exactly these.
LIST_NAMES = (
    "feelings",
    "positive_feelings",
    "willingness_feelings",
    "feeling_nouns",
    "feeling_verbs",
    "feeling_cause_verbs",
    "faux_feelings",
    "denied_faux",
    "labels",
    "kind_words",
    "denied_care_verbs",
    "bad_possessions",
    "positive_traits",
    "roles",
    "praise_words",
    "absolutes",
    "negators",
    "any_words",
    "cognitive_verbs",
    "subordinators",
    "vague_actions",
    "concrete_after_stop",
    "vague_words",
    "concrete_markers",
    "imperative_verbs",
    "not_request_starts",
    "request_modals",
    "people_asked",
)
# One lower-case word: letters or digits, joined by a hyphen or an apostrophe ("worn-out",
# "o'clock", "don't"), as the statement coach's tokeniser reads them.
_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")


def words(text: str) -> frozenset[str]:
    """A small inline word list, written as one string (for lists that belong to one rule)."""
    return frozenset(text.split())


def _word_list(path: Path, name: str, table: Any) -> frozenset[str]:
    if not isinstance(table, dict):
        raise ContentError(path, name, "must be a table with `about` and `words`")
    for key in table:
        if key not in ("about", "words"):
            raise ContentError(path, name, f"unknown key {key!r} (expected about, words)")
    about = table.get("about")
    if not isinstance(about, str) or not about.strip():
        raise ContentError(path, name, "`about` must say what belongs in the list and why")
    listed = table.get("words")
    if not isinstance(listed, list) or not listed:
        raise ContentError(path, name, "`words` must be a non-empty list of words")
    seen: set[str] = set()
    for number, word in enumerate(listed, start=1):
        if not isinstance(word, str) or not _WORD.fullmatch(word):
            raise ContentError(path, name, f"word {number} ({word!r}) must be one lower-case word")
        if word in seen:
            raise ContentError(path, name, f"{word!r} is listed twice")
        seen.add(word)
    return frozenset(seen)


def load_word_lists(path: Path = STATEMENT_WORDS) -> dict[str, frozenset[str]]:
    """Read and check the word lists. Errors name the file, the list and the problem."""
    document = read_toml(path)
    for name in document:
        if name not in LIST_NAMES:
            raise ContentError(
                path, name, "unknown word list (the statement coach reads none such)"
            )
    for name in LIST_NAMES:
        if name not in document:
            raise ContentError(path, name, "missing: the statement coach needs this list")
    return {name: _word_list(path, name, document[name]) for name in LIST_NAMES}


_LISTS = load_word_lists()

FEELINGS = _LISTS["feelings"]
POSITIVE_FEELINGS = _LISTS["positive_feelings"]
WILLINGNESS_FEELINGS = _LISTS["willingness_feelings"]
FEELING_NOUNS = _LISTS["feeling_nouns"]
FEELING_VERBS = _LISTS["feeling_verbs"]
FEELING_CAUSE_VERBS = _LISTS["feeling_cause_verbs"]
FAUX_FEELINGS = _LISTS["faux_feelings"]
DENIED_FAUX = _LISTS["denied_faux"]
LABELS = _LISTS["labels"]
KIND_WORDS = _LISTS["kind_words"]
DENIED_CARE_VERBS = _LISTS["denied_care_verbs"]
BAD_POSSESSIONS = _LISTS["bad_possessions"]
POSITIVE_TRAITS = _LISTS["positive_traits"]
ROLES = _LISTS["roles"]
PRAISE_WORDS = _LISTS["praise_words"]
ABSOLUTES = _LISTS["absolutes"]
NEGATORS = _LISTS["negators"]
ANY_WORDS = _LISTS["any_words"]
COGNITIVE_VERBS = _LISTS["cognitive_verbs"]
SUBORDINATORS = _LISTS["subordinators"]
VAGUE_ACTIONS = _LISTS["vague_actions"]
CONCRETE_AFTER_STOP = _LISTS["concrete_after_stop"]
VAGUE_WORDS = _LISTS["vague_words"]
CONCRETE_MARKERS = _LISTS["concrete_markers"]
IMPERATIVE_VERBS = _LISTS["imperative_verbs"]
NOT_REQUEST_STARTS = _LISTS["not_request_starts"]
REQUEST_MODALS = _LISTS["request_modals"]
PEOPLE_ASKED = _LISTS["people_asked"]
