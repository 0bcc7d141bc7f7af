"""The statement coach: what a drafted message does well and what it could add.

`analyze_statement(text)` reads what a person wants to say to someone (to set a boundary, say
no, ask for or accept help) and reports seven findings, each with the character spans that made
it so, then a suggestion and a rewrite scaffold in the shape observation, feeling, need,
request, built from the person's own words.

The engine is rules over clauses, not a model: it works offline in about a millisecond, and
every finding can point at the words behind it. Its limits are written up in docs/language.md.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from interplay.language.blame import find_absolutes, find_blame
from interplay.language.clauses import AUX, CLAUSE_BREAKS, COORDINATORS, WINDOW, Hit, Sentence
from interplay.language.coaching import Phrases, rewrite_for, suggestion_for
from interplay.language.feelings import find_feelings, find_needs, multiword_at
from interplay.language.hedges import find_hedges
from interplay.language.patterns import FILLERS
from interplay.language.requests import find_requests
from interplay.language.rewrite import charge_parts
from interplay.language.rhetoric import is_interjection
from interplay.language.statement_words import (
    COGNITIVE_VERBS,
    FEELING_NOUNS,
    FEELINGS,
    SUBORDINATORS,
)
from interplay.language.text import sentences, tokenize, unquoted_stream

ENGINE_VERSION = "statements-rules-1.4"

FIELDS = (
    "i_statement",
    "blame",
    "feeling",
    "need",
    "request",
    "absolute",
    "hedge_apology",
)
# At most this many spans per field are reported: enough to show the pattern, bounded for
# pathological input (a text of 50,000 "sorry"s still gets a readable answer).
MAX_SPANS_PER_FIELD = 50
# "Nothing I do", "feel like I'm crazy": "I" inside a relative or comparison clause.
_SUBORDINATE_LEADS = SUBORDINATORS | {
    "before",
    "after",
    "if",
    "because",
    "cause",
    "nothing",
    "everything",
    "anything",
    "something",
    "like",
}
REPORTING_VERBS = frozenset(
    "says said assumes assumed expects expected thinks thought knows knew reckons told tells "
    "insists insisted claims claimed".split()
)
_ELLIPTICAL_STARTS = frozenset(["need", "needing", "feeling", "felt"])


@dataclass(frozen=True, slots=True)
class Span:
    label: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "start": self.start, "end": self.end}


@dataclass
class StatementAnalysis:
    text: str
    i_statement: bool = False
    blame: bool = False
    feeling: bool = False
    need: bool = False
    request: bool = False
    absolute: bool = False
    hedge_apology: bool = False
    spans: list[Span] = field(default_factory=list)
    suggestion: str = ""
    rewrite: str = ""

    def flags(self) -> dict[str, bool]:
        return {name: bool(getattr(self, name)) for name in FIELDS}

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = dict(self.flags())
        result["spans"] = [span.to_dict() for span in self.spans]
        result["suggestion"] = self.suggestion
        result["rewrite"] = self.rewrite
        return result


@dataclass
class _Collected:
    """Findings per field as character spans, plus phrases the rewrite can reuse."""

    spans: dict[str, list[tuple[int, int]]] = field(
        default_factory=lambda: {name: [] for name in FIELDS}
    )
    phrases: Phrases = field(default_factory=Phrases)

    def add(self, label: str, s: Sentence, start: int, end: int) -> None:
        if start >= end or start < 0:
            return
        spans = self.spans[label]
        if len(spans) >= MAX_SPANS_PER_FIELD:
            return
        a, b = s.tokens[start].start, s.tokens[end - 1].end
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(b, spans[-1][1]))  # merge touching spans
        else:
            spans.append((a, b))


def analyze_statement(text: str) -> StatementAnalysis:
    """Analyse one drafted statement. Never raises on any string; time is linear in length."""
    return analyze_statement_with_phrases(text)[0]


def analyze_statement_with_phrases(text: str) -> tuple[StatementAnalysis, Phrases]:
    """The analysis and the phrases its suggestion and rewrite were built from, for an engine
    that adds findings of its own and rebuilds them (`engine.composite`)."""
    if not isinstance(text, str):
        raise TypeError("analyze_statement expects text (a str)")
    found = _Collected()
    parts = [Sentence(tokens) for tokens in sentences(unquoted_stream(tokenize(text), text))]
    for n, s in enumerate(parts):
        after_interjection = n > 0 and is_interjection(parts[n - 1])
        _analyse_sentence(s, text, found, after_interjection)
        if n + 1 < len(parts) and _only_not(parts[n + 1]) and len(s) > 2:
            # "Thanks for having my back. Not.": the lone "Not." takes back what came before.
            found.add("blame", s, s.first_content(), len(s))
            found.phrases.offer_blame(s.text_of(text, s.first_content(), len(s)))
        apology = _bare_apology(s)
        if apology is not None and _says_no_or_asks(parts, n):
            found.add("hedge_apology", s, *apology)
            found.phrases.offer_hedge(s.text_of(text, *apology))
    analysis = StatementAnalysis(text=text)
    for name in FIELDS:
        setattr(analysis, name, bool(found.spans[name]))
    analysis.spans = sorted(
        (Span(name, a, b) for name in FIELDS for a, b in found.spans[name]),
        key=lambda span: (span.start, span.end, span.label),
    )
    analysis.suggestion = suggestion_for(analysis.flags(), found.phrases, text)
    charge = charge_parts(text) if analysis.blame or analysis.absolute else None
    analysis.rewrite = rewrite_for(found.phrases, charge)
    return analysis, found.phrases


def _analyse_sentence(
    s: Sentence, text: str, found: _Collected, after_interjection: bool = False
) -> None:
    feelings = find_feelings(s)
    needs = find_needs(s)
    hedges = find_hedges(s)
    blame = find_blame(s, after_interjection)
    requests = find_requests(s)
    absolutes = find_absolutes(s)

    for hit in feelings:
        if hit.label == "feeling":
            found.add("feeling", s, hit.start, hit.end)
            found.phrases.offer_feeling(*_feeling_phrase(s, text, hit))
        elif hit.label == "faux" or hit.note in ("about_you", "about_you_later"):
            found.add("blame", s, hit.start, hit.end)
            found.phrases.offer_blame(s.text_of(text, hit.start, hit.end))
    for hit in needs:
        found.add("need", s, hit.start, hit.end)
        if hit.phrase:
            found.phrases.offer_need(s.text_of(text, *hit.phrase), hit.note == "value")
    for hit in sorted(hedges, key=lambda h: h.start):
        found.add("hedge_apology", s, hit.start, hit.end)
        found.phrases.offer_hedge(s.text_of(text, hit.start, hit.end))
    for hit in blame:
        found.add("blame", s, hit.start, hit.end)
        found.phrases.offer_blame(s.text_of(text, hit.start, hit.end))
    # A request that carries blame ("can you stop being so selfish") is not a clear request.
    blame_starts = sorted(b.start for b in blame)
    requests = [r for r in requests if not _any_between(blame_starts, r.start, r.end)]
    for hit in requests:
        found.add("request", s, hit.start, hit.end)
        if hit.phrase:
            found.phrases.offer_request(s.text_of(text, *hit.phrase))
    for hit in absolutes:
        found.add("absolute", s, hit.start, hit.end)
        found.phrases.offer_absolute(s.text_of(text, hit.start, hit.end))
    for start, end in _i_statements(s, feelings, needs, hedges, blame):
        found.add("i_statement", s, start, end)
    observation = _observation(s)
    inside_request = observation is not None and any(
        r.start <= observation[0] < r.end for r in requests
    )
    if observation is not None and not blame and not inside_request:
        found.phrases.offer_observation(s.text_of(text, *observation))


_APOLOGY_WORDS = frozenset("i am so really very truly awfully sorry".split())
_NOT_REFUSALS = frozenset("believe imagine wait stop remember thank tell say help".split())


def _only_not(s: Sentence) -> bool:
    return [w for w in s.words if w[:1].isalnum()] == ["not"]


def _bare_apology(s: Sentence) -> tuple[int, int] | None:
    """ "I'm sorry." on its own: the span of the apology, or None."""
    content = [k for k, w in enumerate(s.words) if w[:1].isalnum()]
    if not content or "sorry" not in s.words:
        return None
    if not all(s.words[k] in _APOLOGY_WORDS for k in content):
        return None
    return content[0], content[-1] + 1


def _says_no_or_asks(parts: list[Sentence], n: int) -> bool:
    """A plain "I'm sorry." next to a refusal or an ask is an apology for saying no or for
    asking ("I'm sorry. I can't do Friday."), not an apology for something done."""
    for m in (n - 1, n + 1):
        if 0 <= m < len(parts) and (_refuses(parts[m]) or (m > n and find_requests(parts[m]))):
            return True
    return False


def _refuses(s: Sentence) -> bool:
    k = s.first_content()
    if s.word(k) == "i":
        k += 1
    while s.word(k) in ("just", "really", "honestly", "simply"):
        k += 1
    w, nxt = s.word(k), s.word(k + 1)
    if w in ("can", "will", "could") and nxt == "not":
        return s.word(k + 2) not in _NOT_REFUSALS
    if w == "am" and nxt == "not" and s.word(k + 2) in ("able", "going", "available"):
        return True
    if w == "would" and nxt == "rather" and s.word(k + 2) == "not":
        return True
    return (
        w in ("have", "am", "need") and "no" in s.words[k : k + 5] and "say" in s.words[k : k + 5]
    )


def _any_between(sorted_starts: list[int], a: int, b: int) -> bool:
    """Whether some start lies in [a, b): a binary search rather than a scan of every hit."""
    i = bisect_left(sorted_starts, a)
    return i < len(sorted_starts) and sorted_starts[i] < b


def _feeling_phrase(s: Sentence, text: str, hit: Hit) -> tuple[str, bool]:
    """What the rewrite can say after "I feel": the emotion words ("hurt and confused"), or the
    person's own clause when it does not fit that frame ("I miss you", "I don't feel safe").
    Returns (phrase, is_clause)."""
    words = s.words[hit.start : hit.end]
    if hit.note in ("verb", "denied") or "not" in words or "never" in words:
        end = hit.end
        while hit.note == "verb" and end < len(s) and end - hit.end < 4:
            if s.words[end] in CLAUSE_BREAKS or s.words[end] in ("and", "but", "or", "so"):
                break
            end += 1
        if s.words[hit.start] == "i":
            return s.text_of(text, hit.start, max(end, hit.end)), True
        return "", False
    for k in range(hit.start, hit.end):
        w = s.words[k]
        if w in FEELINGS or w in FEELING_NOUNS or multiword_at(s, k):
            return s.text_of(text, k, hit.end), False
    return "", False


def _i_statements(
    s: Sentence, feelings: list[Hit], needs: list[Hit], hedges: list[Hit], blame: list[Hit]
) -> list[tuple[int, int]]:
    """Clauses where the speaker speaks from their own experience.

    A clause with "I" as its subject counts, unless it is an opinion about the other person
    ("I think you...", "I feel like you..."), an evaluation dressed as a feeling ("I feel
    ignored"), a hedge formula ("I hate to be a bother"), irony ("I love how you..."), or
    sits inside a "when/if/how..." clause without naming a feeling or need. "To me" values and
    feelings caused in the speaker ("it makes me anxious") count too.
    """
    covered: set[int] = set()
    for hit in hedges:
        covered.update(range(hit.start, hit.end))
    accusing_starts = {h.start for h in feelings if h.label == "faux" or h.note == "about_you"}
    # "I felt dismissed and sad": the evaluation is blame, but the sadness is the speaker's own.
    after_faux = [h for h in feelings if h.note == "after_faux"]
    own_starts = {h.start for h in feelings if h.label == "feeling"} | {h.start for h in needs}
    charged = _charged_positions(s, blame)
    last_charge = max((b.start for b in blame), default=-1)
    result: list[tuple[int, int]] = []
    for k, w in enumerate(s.words):
        if w != "i":
            continue
        owns_feeling_too = any(k < f.start <= k + 8 for f in after_faux)
        if (k in accusing_starts and not owns_feeling_too) or (
            k in covered and k not in own_starts
        ):
            continue
        if s.word(k + 1) in ("", ",", ".", "?", "!", "and", "or"):
            continue
        opens_clause = k - 1 == s.first_content() or s.word(k - 2) in CLAUSE_BREAKS | COORDINATORS
        if s.word(k - 1) in AUX and opens_clause:
            continue  # "Can I get you a tea?", "Do I need to bring anything?": a question
        end = min(len(s), s.clause_end(k, 8))
        if _subordinate(s, k) and k not in own_starts:
            continue
        if _about_other(s, k):
            continue
        if k not in own_starts and k in charged:
            continue  # "a word I say", "you should be grateful I even bothered"
        verb = _verb_after(s, k)
        if verb in COGNITIVE_VERBS and verb not in _FEEL and k not in own_starts:
            if last_charge > k:
                continue  # "I suppose it's too much to ask for you to text back"
        result.append((k, end))
    for hit in needs:
        if hit.note == "value" and "me" in s.words[hit.start : hit.end]:
            result.append((hit.start, hit.end))
        elif s.words[hit.start] in _ELLIPTICAL_STARTS:
            result.append((hit.start, hit.end))
    for hit in feelings:
        own_cause = hit.note in ("caused", "fragment") and s.words[hit.start] != "you"
        own_cause = own_cause or s.words[hit.start] in _ELLIPTICAL_STARTS
        if hit.label == "feeling" and own_cause:
            if not any(b.start <= hit.start < b.end for b in blame):
                result.append((hit.start, hit.end))
    start = s.first_content()
    if (
        s.word(start) in ("can", "could", "will")
        and s.word(start + 1) == "not"
        and s.word(start + 2) not in ("you", "u", "we", "believe", "imagine", "wait")
    ):
        result.append((start, s.clause_end(start, 8)))  # "cant do friday"
    return result


def _subordinate(s: Sentence, k: int) -> bool:
    if s.word(k - 1) in REPORTING_VERBS:
        return True  # "everyone assumes I'll sort it": someone else's view of the speaker
    j = k - 1
    while j >= 0 and k - j <= 4:
        w = s.words[j]
        if w in (",", ";", ":", "and", "but", "so", "or"):
            return False
        if w in _SUBORDINATE_LEADS:
            return True
        j -= 1
    return False


_FEEL = frozenset(["feel", "felt", "feeling", "feels"])


def _charged_positions(s: Sentence, blame: list[Hit]) -> set[int]:
    """Positions inside the words of a charge, up to the first "and"/"but" or break: "I" there
    is not the speaker's own statement ("a word I say", "you should be grateful I even
    bothered"). Irony covers its whole sentence ("lovely, so I'm cooking again then").
    Each hit is walked once, so the cost is the total length of the hits, not hits x words."""
    charged: set[int] = set()
    for b in blame:
        whole = b.note in ("irony", "sarcasm")
        for k in range(b.start, min(b.end, len(s))):
            w = s.words[k]
            if not whole and k > b.start and (w in COORDINATORS or w in CLAUSE_BREAKS):
                break
            charged.add(k)
    return charged


def _verb_after(s: Sentence, k: int) -> str:
    j = k + 1
    while j < len(s) and j - k <= WINDOW and (s.words[j] in AUX or s.words[j] in FILLERS):
        j += 1
    return s.word(j)


def _about_other(s: Sentence, k: int) -> bool:
    """ "I think you...", "I know you...", "I love how you...", "I'm not saying you..."."""
    j = k + 1
    while (
        j < len(s)
        and j - k <= WINDOW
        and (s.words[j] in AUX or s.words[j] in FILLERS or s.words[j] in ("not", "never"))
    ):
        j += 1
    verb = s.word(j)
    if verb in ("starting", "beginning") and s.word(j + 1) == "to":
        j += 2  # "I'm starting to think you don't care"
        verb = s.word(j)
    if verb in ("saying", "say", "calling") and "not" in s.words[k:j]:
        return True
    if verb == "love" and s.word(j + 1) in ("how", "it") and "would" not in s.words[k:j]:
        return True  # "I love how you..." is irony; "I'd love it if you could..." a wish
    if verb in COGNITIVE_VERBS and s.word(j + 1) in ("", ".", ",", "!", "?"):
        return True  # "the most selfish person I know": a tag, not a statement
    if verb in ("feel", "feels", "felt", "feeling"):
        if s.word(j + 1) not in ("that", "like", "as", "you", "your", "u"):
            return False
    if verb in COGNITIVE_VERBS:
        window = s.words[j + 1 : j + 5]
        return any(w in ("you", "your", "u") for w in window)
    return False


def _observation(s: Sentence) -> tuple[int, int] | None:
    """A "when ..." clause the rewrite can use as the observation."""
    for k, w in enumerate(s.words):
        if w in ("when", "whenever") and k + 1 < len(s):
            end = s.clause_end(k + 1, 14)
            # Without a comma the main clause starts at "I": "When she left I felt low".
            for m in range(k + 3, end):
                if s.words[m] == "i":
                    end = m
                    break
            while end > k + 2 and s.words[end - 1] in COORDINATORS:
                end -= 1
            if end > k + 2:
                return (k, end)
    return None
