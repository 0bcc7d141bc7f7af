"""What a blaming or sweeping message already says, turned into the parts of an "I" statement.

"You never help with the dishes" holds an observation ("you don't help with the dishes") and a
request ("would you be willing to help with the dishes?"), once the charge ("never") is taken
out; the verb hints at the need underneath ("to share the load"). This module finds such a
charge clause and hands the rewrite those parts in the person's own words, so the scaffold
leaves a blank only for what the message does not say (usually the feeling, and when).

The shapes it knows (the first one found in the message is used):
- "you never / don't ever / won't ever V ..."  -> observation "you don't V ...", request "V ..."
- "you always / constantly V ..."              -> observation "you V ..."
- "you keep (on) V-ing ..."                    -> observation "you're V-ing ..."
- "why can't / don't / won't you (just) V ..." -> observation "you don't V ...", request "V ..."
- "every time I X(,) you Y"                    -> observation "I X and you Y"
Labels ("you're so selfish") hold no observation: the rewrite leaves that blank.

Needs per verb are data: `lexicons/rewrite_needs.toml`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from interplay.language.text import Token, sentences, tokenize

NEEDS_FILE = Path(__file__).resolve().parent / "lexicons" / "rewrite_needs.toml"
MAX_CLAUSE_WORDS = 14  # a longer tail is cut at a word boundary: the rewrite stays readable

_NEVER: set[tuple[str, ...]] = {
    ("never",),
    ("not", "ever"),
    ("not", "even"),
    ("will", "not", "ever"),
}
_ALWAYS: set[tuple[str, ...]] = {("always",), ("constantly",), ("forever",), ("always", "just")}
_KEEP: set[tuple[str, ...]] = {("keep",), ("keep", "on")}
_WHY_NOT: set[tuple[str, ...]] = {
    ("why", "can", "not", "you"),
    ("why", "do", "not", "you"),
    ("why", "will", "not", "you"),
}
# Words that end the clause the charge sits in.
_CLAUSE_END = frozenset(
    "and but because so then which while though although unless until or".split()
)
_EXCEPT_WHOM = frozenset("yourself you me him her them us himself herself themselves".split())
# Words that already say when, so the request needs no "[when]" blank.
TIME_WORDS = frozenset(
    "when whenever tonight tomorrow today before after by next weekend morning evening "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_FILLER = frozenset({"just", "even", "ever", "actually", "literally", "bother", "to"})


@dataclass(frozen=True)
class ChargeParts:
    """The parts of an "I" statement a charge clause already holds, in the writer's words."""

    observation: str = ""
    request: str = ""
    need: str = ""

    @property
    def request_says_when(self) -> bool:
        return bool(TIME_WORDS & set(self.request.lower().split()))


class RewriteNeedsError(ValueError):
    """rewrite_needs.toml is malformed; the message names the entry and the problem."""


@cache
def needs_by_verb(path: Path = NEEDS_FILE) -> dict[str, str]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for n, entry in enumerate(data.get("need", []), 1):
        if set(entry) != {"need", "words"}:
            raise RewriteNeedsError(f"{path.name}: need #{n} must have exactly need and words")
        if not isinstance(entry["need"], str) or not entry["need"].strip():
            raise RewriteNeedsError(f"{path.name}: need #{n} has an empty need")
        words = entry["words"]
        if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
            raise RewriteNeedsError(f"{path.name}: need #{n} needs a list of words")
        for word in words:
            if word.lower() in found:
                raise RewriteNeedsError(f"{path.name}: {word!r} is listed twice")
            found[word.lower()] = entry["need"].strip()
    return found


def _starts(norms: list[str], at: int, shapes: set[tuple[str, ...]]) -> int:
    """The length of the shape that starts at `at`, or 0."""
    for shape in sorted(shapes, key=len, reverse=True):
        if tuple(norms[at : at + len(shape)]) == shape:
            return len(shape)
    return 0


def _tail(
    tokens: list[Token], text: str, start: int, stop: frozenset[str] = frozenset()
) -> tuple[str, list[str]]:
    """The clause from token `start` to its end (or to a word in `stop`), as written, and its
    words' norms."""
    end = start
    while end < len(tokens) and end - start < MAX_CLAUSE_WORDS:
        token = tokens[end]
        if not token.is_word and token.norm not in ("'", "\u2019", "-"):
            break
        if end > start and token.norm in stop:
            break
        if end > start and token.norm in _CLAUSE_END:
            following = tokens[end + 1].norm if end + 1 < len(tokens) else ""
            if not (token.norm == "but" and following in _EXCEPT_WHOM):
                break  # "anyone but yourself" is one phrase, not two clauses
        end += 1
    if end == start:
        return "", []
    return text[tokens[start].start : tokens[end - 1].end], [t.norm for t in tokens[start:end]]


def _skip_filler(tokens: list[Token], at: int) -> int:
    while at < len(tokens) and tokens[at].norm in _FILLER and at + 1 < len(tokens):
        at += 1
    return at


_NEGATIVE_ONLY = frozenset({"any", "anyone", "anybody", "anything", "anywhere", "yet"})


def _as_request(clause: str, words: list[str]) -> str:
    """The habit they missed, as something to ask for; none when the clause only reads in the
    negative ("think about anyone" asks for nothing)."""
    return "" if _NEGATIVE_ONLY & set(words) else clause


def _need_for(norms: list[str]) -> str:
    lexicon = needs_by_verb()
    for norm in norms:
        if norm in lexicon:
            return lexicon[norm]
    return ""


def _you_at(norms: list[str], k: int) -> bool:
    return norms[k] == "you" and (k == 0 or norms[k - 1] not in ("if", "thank", "when", "that"))


def charge_parts(text: str) -> ChargeParts:
    """The observation, request and need the first charge clause of `text` holds."""
    for sentence in sentences(tokenize(text)):
        tokens = [t for t in sentence if not t.quoted]
        norms = [t.norm for t in tokens]
        for k in range(len(tokens)):
            why = _starts(norms, k, _WHY_NOT)
            if why:
                at = _skip_filler(tokens, k + why)
                clause, words = _tail(tokens, text, at)
                if clause:
                    return ChargeParts(
                        f"you don't {clause}", _as_request(clause, words), _need_for(words)
                    )
            if norms[k : k + 2] == ["every", "time"] and k + 2 < len(tokens):
                first, first_words = _tail(tokens, text, k + 2, frozenset({"you"}))
                rest = k + 2 + len(first_words)
                while rest < len(tokens) and not tokens[rest].is_word:
                    rest += 1
                if first and rest < len(tokens) and norms[rest] == "you":
                    second, second_words = _tail(tokens, text, rest)
                    if second:
                        return ChargeParts(f"{first} and {second}", "", _need_for(second_words))
            if not _you_at(norms, k):
                continue
            never = _starts(norms, k + 1, _NEVER)
            if never:
                at = _skip_filler(tokens, k + 1 + never)
                clause, words = _tail(tokens, text, at)
                if clause:
                    return ChargeParts(
                        f"you don't {clause}", _as_request(clause, words), _need_for(words)
                    )
            always = _starts(norms, k + 1, _ALWAYS)
            if always:
                clause, words = _tail(tokens, text, k + 1 + always)
                if clause:
                    return ChargeParts(f"you {clause}", "", _need_for(words))
            keep = _starts(norms, k + 1, _KEEP)
            if keep and k + 1 + keep < len(norms) and norms[k + 1 + keep].endswith("ing"):
                clause, words = _tail(tokens, text, k + 1 + keep)
                if clause:
                    return ChargeParts(f"you're {clause}", "", _need_for(words))
    return ChargeParts()
