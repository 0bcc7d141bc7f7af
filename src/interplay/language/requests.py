"""Clear, doable requests, and the hedges and apologies that shrink a need.

A request asks the other person (or "us") for something they could actually do, in the forms
people use: a question ("Could you...", "Would you be willing to..."), "please" with an action,
a plain instruction about a concrete thing ("Text me when you land"), "Let's...", or "I'd like you
to...". A wish ("I just want you to be nicer"), a demand ("you need to...") and an action no one
could carry out ("respect me", "care more") are not requests.
"""

from __future__ import annotations

from interplay.language.clauses import CLAUSE_BREAKS, COORDINATORS, DISCOURSE, Hit, Sentence
from interplay.language.patterns import FILLERS, PhraseSet
from interplay.language.statement_words import (
    CONCRETE_AFTER_STOP,
    IMPERATIVE_VERBS,
    LABELS,
    NOT_REQUEST_STARTS,
    PEOPLE_ASKED,
    REQUEST_MODALS,
    VAGUE_ACTIONS,
    VAGUE_WORDS,
    words,
)

WH_WORDS = words("why what how who where when")
_LEAD_INS = PhraseSet(
    [
        "would|will you be willing|able|happy|okay|ok to",
        "would|do you mind",
        "is there any chance you|we could|can",
        "any chance you|we could|can",
        "how about we|you",
        "why do not we|you",
        "what if we",
        "shall we",
        "could|can|may i ask you to",
        "would you like me to",
        "which would you like me to",
        "i would like|love|prefer you|us to",
        "i want you|us to",
        "i need you|us to",
        "i am asking you to",
        "i would appreciate|love|like it if you|we could|would|can",
        "i would be grateful if you|we could|would",
        "i was wondering if you|we could|would|can",
        "i wonder if you|we could",
        "it would help me? if you|we could",
        "it would really? help me? a lot? if you|we",
        "would|is it be? possible to|for",
        "could|can|may i borrow|leave|swap|take|bring|pop|come|start|switch|move|finish|work",
        "it would be great|lovely|helpful|good|brilliant if you|we could",
        "if you could",
        "let us",
        "are you free|around|available",
        "how|what about",
        "do? you? fancy",
        "is|would it be? okay|ok|alright if i|we",
        "please",
    ],
    {},
)
_HELP_WISH = PhraseSet(
    [
        "i would love|like|welcome|appreciate a|some hand|help",
        "i would appreciate|welcome a|an|some",
    ],
    {},
)
# Instructions that are really exclamations.
_IDIOMS = PhraseSet(
    [
        "give me strength",
        "give me a break",
        "get a life",
        "leave it out",
        "get over it",
        "take care",
        "find attached|enclosed|below",
    ],
    {},
)
# An offer, not an ask: "let me know if you need anything".
_OFFER = PhraseSet(["if you need|want|fancy anything|help|a|some", "if there is anything"], {})
NOT_ACTIONS = words("believe imagine dare")
NOT_AN_ACTION_AFTER_PLEASE = words("you i we it the a an this that and or but so thank thanks")
_ASK_FORMS_NEED_MARKER = frozenset(
    ["are you free|around|available", "how|what about", "do? you? fancy"]
)


def find_requests(s: Sentence, source: str = "") -> list[Hit]:
    hits: list[Hit] = []
    taken_until = -1
    for start, end, pattern in _LEAD_INS.find_all(s.words):
        if start < taken_until:
            continue
        if pattern.source == "please":
            hit = _please(s, start)
        elif pattern.source in _ASK_FORMS_NEED_MARKER:
            hit = None
            stop = s.clause_end(end, 14)
            if s.has_concrete_marker(end, stop):
                hit = Hit("request", start, stop, "free", (start, stop))
        elif pattern.source.startswith("is|would it"):
            # Asking leave for a plan ("if I left at four") is a request; asking leave to
            # have a need ("if I need time") is a hedge, handled elsewhere.
            if s.word(end) in ("need", "ask", "have", "feel", "take", "said", "mention"):
                plan = s.word(end) == "take" and s.has_concrete_marker(end, s.clause_end(end, 8))
                if not plan:  # "...if I take Friday off?" is a plan; "...if I take time" a need
                    continue
            hit = _action(s, start, end)
        elif pattern.source == "would|do you mind":
            hit = _action(s, start, end, strip_mind=True)
        else:
            hit = _action(s, start, end)
        if hit is not None:
            hits.append(hit)
            taken_until = hit.end
    for start, end, _ in _HELP_WISH.find_all(s.words):
        stop = s.clause_end(end, 14)
        if s.has_concrete_marker(end, stop):
            hits.append(Hit("request", start, stop, "help_wish", (start, stop)))
    for k in _clause_openings(s):
        if k < taken_until:
            continue
        hit = _modal_question(s, k) or _imperative(s, k) or _should_with_when(s, k)
        if hit is not None:
            hits.append(hit)
            taken_until = hit.end
    return hits


def _clause_openings(s: Sentence) -> list[int]:
    """Where a clause can begin: the sentence start and after a break or coordinator."""
    openings = [s.first_content()]
    for k in range(1, len(s)):
        prev = s.words[k - 1]
        if prev in CLAUSE_BREAKS or prev in COORDINATORS:
            j = k
            while j < len(s) and j - k < 3 and s.words[j] in DISCOURSE:
                j += 1
            openings.append(j)
    return openings


def _modal_question(s: Sentence, k: int) -> Hit | None:
    """ "Could you...", "Can we...", "Can everyone please..."."""
    if s.word(k) not in REQUEST_MODALS:
        return None
    j = k + 1
    if s.word(j) == "do" and s.is_question and s.has_concrete_marker(j, s.clause_end(j, 10)):
        return Hit("request", k, s.clause_end(j, 10), "offer_time", (k, s.clause_end(j, 10)))
    if s.word(j) not in PEOPLE_ASKED and s.word(j) not in ("someone", "somebody", "anyone"):
        return None
    j += 1
    while s.word(j) in ("both", "all", "each", "please") or s.word(j) in FILLERS:
        j += 1
    return _action(s, k, j)


_DUTY = words("need should must")


def _should_with_when(s: Sentence, k: int) -> Hit | None:
    """ "You need to call the plumber before Friday", "we should get a takeaway tonight": a
    duty with a concrete action and a time is an ask. Without a time it is a demand or advice
    ("you need to stop", "you should call your mother more") and is left out."""
    if s.word(k) not in ("you", "we", "u") or s.word(k + 1) not in _DUTY:
        return None
    j = k + 2
    if s.word(j) == "to":
        j += 1
    while s.word(j) in FILLERS:
        j += 1
    if s.word(j) not in IMPERATIVE_VERBS and s.word(j) not in ("get", "go", "have"):
        return None
    if s.word(j) in ("stop", "try", "change", "make"):
        return None  # "you need to stop texting me at work" is a demand, not an ask
    end = s.clause_end(j, 14)
    if not s.has_concrete_marker(j, end):
        return None
    return _action(s, k, j)


def _imperative(s: Sentence, k: int) -> Hit | None:
    """A plain instruction about a concrete thing: "Text me when you land", "Don't call after
    nine"."""
    j = k
    if s.word(j) == "do" and s.word(j + 1) == "not":
        j += 2
    verb = s.word(j)
    if verb not in IMPERATIVE_VERBS or verb in NOT_REQUEST_STARTS:
        return None
    if _IDIOMS.match_at(s.words, j) is not None:
        return None
    if s.word(j + 1) in ("you", "we", "i", "u") or s.word(k - 1) in ("you", "i", "we", "to"):
        return None
    if k != s.first_content():
        # Mid-sentence, a bare verb is more often part of a list ("rely on yourself, take
        # responsibility") than an instruction; count it only when the sentence asks.
        if s.word(k - 1) not in (",", "and", "so", "then", "but"):
            return None
        conditional = s.word(s.first_content()) in ("if", "when", "whenever", "once", "before")
        if "please" not in s.words and not s.is_question and not conditional:
            return None  # "If you need a lift, ask me the day before" still asks
    return _action(s, k, j)


def _please(s: Sentence, k: int) -> Hit | None:
    """ "Please text first", "text first, please", "please don't..."."""
    j = k + 1
    if s.word(j) == "do" and s.word(j + 1) == "not":
        j += 2
    verb = s.word(j)
    if _IDIOMS.match_at(s.words, j) is not None:
        return None
    if verb[:1].isalpha() and verb not in NOT_AN_ACTION_AFTER_PLEASE:
        return _action(s, k, j)
    # Trailing "please": look back to an action at the start of the clause.
    start = s.clause_start(k)
    if start < k and s.words[start] in IMPERATIVE_VERBS:
        return _action(s, start, start)
    return None


def _action(s: Sentence, start: int, j: int, strip_mind: bool = False) -> Hit | None:
    """The asked-for action from position j: a request only if it is something doable."""
    end = s.clause_end(j, 16)
    # Let the action run on through "when/before/after/by ..." which make it more concrete.
    while end < len(s) and s.words[end] == "," and end - j < 20:
        nxt = s.word(end + 1)
        if nxt in ("if", "only", "please", "just", "because", "but", "and", "so", "that"):
            break
        end = s.clause_end(end + 1, 10)
    if end <= j:
        return None
    action = s.words[j:end]
    if _OFFER.find_all(action):
        return None
    head = _head(action)
    if not head or head in NOT_ACTIONS:
        return None
    if _vague(s, j, end, head, action):
        return None
    return Hit("request", start, end, "action", (j, end))


def _head(action: list[str]) -> str:
    if action[:1] == ["be"]:
        return "be"
    skip = {"be", "willing", "able", "happy", "to", "not", "do", "please", "just", "kindly"}
    skip |= {"let", "us"}  # "let's see how it goes": the action is "see"
    skip |= FILLERS
    for w in action:
        if w not in skip:
            return w
    return "be" if "be" in action else ""


def _vague(s: Sentence, j: int, end: int, head: str, action: list[str]) -> bool:
    """An action nobody could tick off: a change of heart, a quality, "more" with no when."""
    if any(w in LABELS for w in action):
        return True
    if "any" in action and "more" in action:
        return True  # "could you be any more..." is irony
    concrete = s.has_concrete_marker(j, end)
    if head == "stop":
        k = action.index("stop")
        nxt = action[k + 1] if k + 1 < len(action) else ""
        return nxt not in CONCRETE_AFTER_STOP
    if head == "change":
        return len(action) <= 2
    if head == "get" and any(w in ("on", "along", "better") for w in action[:4]):
        return not concrete  # "I just want us to get on"
    if head in VAGUE_ACTIONS and not concrete:
        return True
    if head == "be" or (action[:1] == ["be"] and head in ("more", "less", "nicer", "kinder")):
        return not concrete
    return any(w in VAGUE_WORDS for w in action) and not concrete
