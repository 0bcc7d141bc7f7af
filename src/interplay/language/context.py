"""What the words around a cue say about it: negation, time, and who it is about.

These are heuristics over one sentence, written to be explainable rather than clever:
- Negation: a negating word earlier in the same clause, close to the cue ("I don't mind asking
  for help", "I'd never say that"). "Not only" does not negate.
- Time: a habit the writer has left behind ("I used to ...", "as a child I ...", "... back
  then") and a change now ("now I do", "not any more", "these days", "no longer").
- Person: the nearest person mentioned before the cue in its sentence. "I", "me", "my" (and
  the generic "you" of diary writing) are the writer; "he", "my sister", "Dan" are someone
  else. A sentence with no person at all ("Said yes again.") is the writer's, as in a diary.
- Quotation: words inside quotation marks belong to whoever is said to have said them; when
  that is not the writer, the cue is about someone else's words.
"""

from __future__ import annotations

from dataclasses import dataclass

from interplay.language import reading
from interplay.language.journal_text import PUNCT, Passage, normalise

NEGATORS = frozenset({"not", "no", "nobody", "nothing", "nor", "neither", "without", "none"})
_NEGATION_REACH = 6  # words between a negator and the cue it negates
# How far around a cue the context is read. A "sentence" with no full stop can be a whole
# 100 kB text; reading a bounded window keeps the work linear in the length of the text.
WINDOW = 40
_NOT_NEGATING_AFTER = frozenset({"stop", "help", "quit", "bear", "stand", "wait"})
# Words after which "it" starts a clause as its subject.
_IT_OPENERS = frozenset(
    {"and", "but", "so", "because", "that", "as", "when", "if", "know", "think"}
)
_IT_FEELINGS = frozenset({"feel", "feels", "seem", "seems", "sound", "sounds", "make", "makes"})
_SUBJECT_PRONOUNS = frozenset({"i", "he", "she", "they", "we", "you"})
# "my sister", "his boss": the person is the noun after these, not the writer or the owner.
_POSSESSIVES = frozenset({"my", "your", "our", "his", "her", "their"})
_KINDS = frozenset({"someone", "somebody", "person", "type", "kind", "one", "sort"})
_SCOPE_STOPS = frozenset({"and", "or", "then", "while", "when", "if"})

SELF_WORDS = frozenset(
    {"i", "me", "myself", "my", "mine", "we", "us", "our", "ourselves", "you", "your", "yourself"}
)
# fmt: off
OTHER_WORDS = frozenset(
    {
        "he", "her", "hers", "herself", "him", "himself", "his", "she", "their", "theirs", "them",
        "themselves", "they"
    }
)
# fmt: on
# fmt: off
PERSON_NOUNS = frozenset(
    {
        "aunt", "auntie", "aunty", "bloke", "boss", "boy", "boyfriend", "brother", "carer", "child",
        "client", "colleague", "counsellor", "cousin", "dad", "daughter", "doctor", "everybody",
        "everyone", "ex", "family", "fianc", "fiancé", "fiancée", "flatmate", "friend", "girl",
        "girlfriend", "gran", "grandad", "granddaughter", "grandfather", "grandma", "grandmother",
        "grandson", "guy", "housemate", "husband", "in-law", "kid", "lad", "lass", "man", "manager",
        "mate", "mum", "nan", "neighbor", "neighbour", "nephew", "niece", "nobody", "nurse",
        "parent", "partner", "people", "pupil", "roommate", "sibling", "sister", "son", "stepdad",
        "stepmum", "student", "teacher", "team", "therapist", "uncle", "vicar", "wife", "woman"
    }
)
# fmt: on
# Words that do not count as a person when looking for who does something ("someone who").
_TRANSPARENT = frozenset({"someone", "somebody", "person", "type", "kind", "sort", "one"})
_ARTICLES = frozenset({"the", "a", "an"})
# After "'s" these words mean "is" or "has" ("she's going", "he's not", "Mum's been"), not a
# possessive.
# fmt: off
_AFTER_IS = frozenset(
    {
        "go", "get", "be", "not", "always", "just", "really", "so", "still", "do", "have",
        "never", "a", "the", "very", "too", "gone", "been", "got", "come", "com", "at", "in",
        "on", "out", "back", "home", "here", "there", "like", "fine", "ok", "okay", "all",
        "started", "start", "taken", "take", "made", "make", "told", "tell", "left", "leave",
        "off", "up", "over", "nearly", "about", "only", "also", "actually", "definitely",
        "angry", "drunk", "asleep", "upset",
    }
)
# fmt: on
_SAY_WORDS = frozenset({"say", "ask", "tell", "shout", "text", "message", "write", "reply"})

# Time markers, matched on normalised words.
_PAST_ANCHORS_TWO = {
    ("used", "to"),
    ("back", "then"),
    ("year", "ago"),
    ("the", "past"),
    ("grow", "up"),
    ("my", "twenty"),
    ("my", "teen"),
}
_LASTING = frozenset({"still", "decided", "swore", "vowed", "ever"})
_ACCUSTOMED = frozenset({"be", "get", "so", "very", "quite", "really", "become"})
_AS_A = frozenset({"child", "kid", "teenager", "teen", "girl", "boy", "student", "youngster"})
_WHEN_I_WAS = ("when", "i", "be")
_WHEN_I_WAS_NEXT = frozenset(
    {
        "young",
        "younger",
        "little",
        "small",
        "a",
        "at",
        "grow",
        "kid",
        "child",
        "teenager",
        "in",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
    }
)
_CHANGE_ONE = frozenset({"now", "nowaday", "nowadays", "anymore", "lately", "recently"})
_CHANGE_TWO = {
    ("any", "more"),
    ("no", "longer"),
    ("these", "days"),
    ("this", "year"),
    ("not", "anymore"),
}


def _norm_set(words: frozenset[str]) -> frozenset[str]:
    """Word lists are written naturally and compared with normalised tokens."""
    return frozenset(normalise(word) for word in words)


def _norm_pairs(pairs: set[tuple[str, str]]) -> set[tuple[str, str]]:
    return {(normalise(a), normalise(b)) for a, b in pairs}


PERSON_NOUNS = _norm_set(PERSON_NOUNS)
_TRANSPARENT = _norm_set(_TRANSPARENT)
_SAY_WORDS = _norm_set(_SAY_WORDS)
_AFTER_IS = _norm_set(_AFTER_IS)
_AS_A = _norm_set(_AS_A)
_WHEN_I_WAS_NEXT = _norm_set(_WHEN_I_WAS_NEXT)
_CHANGE_ONE = _norm_set(_CHANGE_ONE)
_CHANGE_TWO = _norm_pairs(_CHANGE_TWO)
_PAST_ANCHORS_TWO = _norm_pairs(_PAST_ANCHORS_TWO)
OTHER_WORDS = _norm_set(OTHER_WORDS)
_IT_OPENERS = _norm_set(_IT_OPENERS)
_IT_FEELINGS = _norm_set(_IT_FEELINGS)
_ACCUSTOMED = _norm_set(_ACCUSTOMED)
_LASTING = _norm_set(_LASTING)
SELF_WORDS = _norm_set(SELF_WORDS)
NEGATORS = _norm_set(NEGATORS)


@dataclass(frozen=True, slots=True)
class Context:
    negated: bool
    habit_past: bool  # the clause describes something the writer used to do
    changed: bool  # the sentence (or the next) says things are different now
    about_writer: bool
    quoted: bool


def _negator_at(passage: Passage, j: int) -> bool:
    tokens = passage.tokens
    norm = tokens[j].norm
    if norm not in NEGATORS:
        return False
    nxt = tokens[j + 1].norm if j + 1 < len(tokens) else ""
    if nxt in ("only", "just") and norm == "not":
        return False  # "not only", "not just": an addition, not a denial
    if (
        norm == "not"
        and nxt == "go"
        and "lie" in (tokens[k].norm for k in range(j + 2, min(j + 4, len(tokens))))
    ):
        return False  # "ngl", "not gonna lie": a frank aside, not a denial
    if nxt in _NOT_NEGATING_AFTER and norm == "not":
        return False  # "can't stop thinking", "can't bear people pitying me" affirm what follows
    if norm == "not" and nxt in ("know", "understand", "sure") and j + 2 < len(tokens):
        if tokens[j + 2].norm in ("why", "how", "whether", "if"):
            return False  # "I don't know why I can't say no" does not deny the rest
    if norm == "no":
        prev = tokens[j - 1].norm if j > 0 else ""
        if prev in ("say", "tell", "to") or nxt in ("", ".", ",", "!", "?", "to"):
            return False  # "say no", "no to": the word itself, not a negation
        if nxt == "longer":
            return True
    return True


def is_negated(
    passage: Passage, start: int, end: int, own_words: frozenset[str] = frozenset()
) -> bool:
    """A negator shortly before the cue in its clause, or one inside a gap of the cue
    ("asking for help isn't weakness") that the pattern did not ask for itself."""
    clause = passage.clause_start[start]
    low = max(clause, start - _NEGATION_REACH)
    if _denies_a_kind(passage, max(clause, start - WINDOW), start):
        return True
    if reading.negated_before(
        start,
        low,
        lambda j: _negator_at(passage, j),
        lambda j: passage.tokens[j].norm in _SCOPE_STOPS,  # "and", "when": the reach ends
    ):
        return True
    return any(
        passage.tokens[j].norm not in own_words and _negator_at(passage, j)
        for j in range(start + 1, end)
    )


def _denies_a_kind(passage: Passage, low: int, start: int) -> bool:
    """ "I'm not someone who finds it hard to ask": a denial of a kind of person covers the
    whole description that follows it in the clause."""
    tokens = passage.tokens
    for j in range(low, start - 1):
        if tokens[j].norm == "not":
            for k in range(j + 1, min(j + 4, start)):
                if (
                    tokens[k].norm in _KINDS
                    and k + 1 < start
                    and tokens[k + 1].norm
                    in (
                        "who",
                        "that",
                    )
                ):
                    return True
    return False


def _has_pair(passage: Passage, start: int, end: int, pairs: set[tuple[str, str]]) -> bool:
    tokens = passage.tokens
    return any((tokens[j].norm, tokens[j + 1].norm) in pairs for j in range(start, end - 1))


def is_habit_past(passage: Passage, start: int) -> bool:
    """The sentence places the cue in a habit or time the writer has left behind. A lasting
    decision or a "still" ("as a child I learned to cope alone. I still do.") keeps it now."""
    s0 = max(passage.sentence_start[start], start - WINDOW)
    s1 = min(passage.sentence_end[start], start + WINDOW)
    tokens = passage.tokens
    after = passage.sentence_end[s1 + 1] if s1 + 1 < len(tokens) else s1
    if any(tokens[j].norm in _LASTING for j in range(s0, min(after, s1 + WINDOW))):
        return False
    for j in range(s0, s1 - 1):
        if (tokens[j].norm, tokens[j + 1].norm) in _PAST_ANCHORS_TWO:
            if tokens[j].norm == "used" and j > 0 and tokens[j - 1].norm in _ACCUSTOMED:
                continue  # "I'm so used to keeping everyone happy": a habit now, not a past one
            return True
    for j in range(s0, s1 - 2):
        triple = (tokens[j].norm, tokens[j + 1].norm, tokens[j + 2].norm)
        if triple[0] == "as" and triple[1] == "a" and triple[2] in _AS_A:
            return True
        if triple == _WHEN_I_WAS and j + 3 < s1 and tokens[j + 3].norm in _WHEN_I_WAS_NEXT:
            return True
    return False


def says_changed(passage: Passage, start: int) -> bool:
    """This sentence or the next says things are different now."""
    tokens = passage.tokens
    s0 = max(passage.sentence_start[start], start - WINDOW)
    s1 = passage.sentence_end[start]
    stop = s1
    if s1 < len(tokens):
        stop = passage.sentence_end[s1 + 1] if s1 + 1 < len(tokens) else s1
    stop = min(stop, start + WINDOW)
    for j in range(s0, stop):
        if tokens[j].norm in _CHANGE_ONE:
            return True
    return _has_pair(passage, s0, stop, _CHANGE_TWO)


def _person_of(passage: Passage, j: int) -> str:
    token = passage.tokens[j]
    if token.kind == PUNCT:
        return ""
    if token.norm in SELF_WORDS:
        nxt = passage.tokens[j + 1].norm if j + 1 < len(passage.tokens) else ""
        if token.norm in ("my", "your", "our") and nxt in PERSON_NOUNS:
            return "other"  # "my wife": the person is the wife
        return "self"
    if token.norm in OTHER_WORDS or token.norm in PERSON_NOUNS:
        return "other"
    if token.capital and j != passage.sentence_start[j] and token.norm != "i":
        if j > 0 and passage.tokens[j - 1].norm in _ARTICLES:
            return ""  # "the Severn bridge", "a Tesco bag": a place or a thing, not a person
        return "other"  # a name written mid-sentence
    return ""


def _is_possessor(passage: Passage, j: int) -> bool:
    """ "my gran's old tablets", "Mum's new boyfriend": a noun followed by a possessive 's
    owns the next thing and is not who does the cue. "'s" as "is" or "has" ("Mum's going
    to...") is told apart by the word after it."""
    tokens = passage.tokens
    if j + 2 >= len(tokens) or tokens[j + 1].norm != "'s":
        return False
    return tokens[j + 2].kind != PUNCT and tokens[j + 2].norm not in _AFTER_IS


def person_before(passage: Passage, start: int, floor: int) -> str:
    """Who does the cue, looking back to token `floor`: "self", "other" or "".

    The nearest pronoun decides ("She asks and I never say no" is the writer; "I watched her
    say yes" is not). A nearest noun decides only when no subject pronoun comes before it in
    reach: "My sister can't say no" is the sister's, but in "I keep friends in separate boxes"
    the friends are an object and the writer is the subject."""
    tokens = passage.tokens
    noun_person = ""
    for j in range(start - 1, floor - 1, -1):
        norm = tokens[j].norm
        if norm in _TRANSPARENT:
            continue
        person = _person_of(passage, j)
        if not person or _is_possessor(passage, j):
            continue
        is_pronoun = norm in SELF_WORDS or norm in OTHER_WORDS
        if not noun_person:
            if is_pronoun and norm not in _POSSESSIVES:
                return person
            noun_person = person
        elif norm in _SUBJECT_PRONOUNS:
            return "self" if norm in SELF_WORDS else "other"
    return noun_person


def is_about_writer(passage: Passage, start: int) -> bool:
    """Nearest person mentioned before the cue in its sentence; the writer when none.
    A cue right after "it", "that" or "this" has a thing as its subject ("it pushes him
    away"), not the writer."""
    tokens = passage.tokens
    if start > 0 and tokens[start - 1].norm in ("it", "that", "this", "which"):
        feeling = tokens[start].norm in _IT_FEELINGS  # "it feels like failing" is the writer's
        # "it" is the subject when it opens its clause ("I know it pushes him away"), an object
        # after a verb ("I find it hard to ask", "I spent it running errands").
        before = tokens[start - 2].norm if start >= 2 else ""
        opens_clause = start - 1 <= passage.clause_start[start] or before in _IT_OPENERS
        if not feeling and (opens_clause or tokens[start - 2].kind == PUNCT):
            return False
    floor = max(passage.sentence_start[start], start - WINDOW)
    return person_before(passage, start, floor) != "other"


def speaker_is_writer(passage: Passage, start: int) -> bool:
    """For a cue inside quotation marks: whether the writer is the one quoted."""
    opening = passage.quote_open[start]
    closing = passage.quote_close[start]
    tokens = passage.tokens
    # "..., my wife said" / "... ," I said
    for j in range(closing + 1, min(closing + 5, len(tokens))):
        if tokens[j].norm in _SAY_WORDS:
            for k in range(closing + 1, min(j + 3, len(tokens))):
                person = _person_of(passage, k)
                if person:
                    return person == "self"
    # my wife said, "..."
    floor = max(passage.sentence_start[opening], opening - WINDOW)
    for j in range(opening - 1, max(floor - 1, opening - 6), -1):
        if tokens[j].norm in _SAY_WORDS:
            # "I'm still the one who says "it's fine"": whoever says it, however far back.
            return person_before(passage, j, floor) == "self"
    return False  # unattributed quotations (sayings, signs, scare quotes) are not the writer's


def context_of(
    passage: Passage, start: int, end: int, own_words: frozenset[str] = frozenset()
) -> Context:
    quoted = passage.quote_open[start] >= 0
    says_i = any(passage.tokens[j].norm == "i" for j in range(start, end))
    if quoted:
        floor = max(passage.quote_open[start] + 1, start - WINDOW)
        inside = person_before(passage, start, floor)
        about_writer = speaker_is_writer(passage, start) and inside != "other"
    else:
        # A cue that itself says "I" ("of course I did") is the writer's, whoever came before.
        about_writer = says_i or is_about_writer(passage, start)
    return Context(
        negated=is_negated(passage, start, end, own_words),
        habit_past=is_habit_past(passage, start),
        changed=says_changed(passage, start),
        about_writer=about_writer,
        quoted=quoted,
    )
