"""Reading a piece of personal writing into tokens that know their context.

The theme finder and the safety screen both need the same understanding of a sentence: which
words are negated, whether a clause describes a habit the writer has left behind, who is doing
the thing (the writer or someone they are describing), and whether the words are someone else's
quoted speech. This module works that out once, in one linear pass, for any text.

Design notes:
- Tokens carry a `norm`: a lower-cased, roughly lemmatised form ("asked", "asking" -> "ask";
  "never", "n't" -> "not"), so lexicon patterns are written once and match inflections.
- Contractions are split ("can't" -> "can" + "not") but every piece keeps the span of the word it
  came from, so evidence always points at the writer's own characters.
- Words, marks and sentences come from the shared reading layer (`reading`), so both views of
  a text cut it the same way; this module adds the lemmas, contractions, clauses and quotations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from interplay.language import reading

_APOSTROPHES = frozenset("'’`")

WORD = 0
PUNCT = 1

# Marks that end a sentence (a line break too); ";" only opens a clause here (see `reading`).
_SENTENCE_END = frozenset(reading.SENTENCE_ENDS)
# Tokens that open a new clause. Negation and subjects are looked for within a clause.
_CLAUSE_BREAK_PUNCT = frozenset({",", ";", ":", "(", ")", "—", "–", "-"})
_CLAUSE_BREAK_WORDS_RAW = (
    "but",
    "although",
    "though",
    "whereas",
    "yet",
    "however",
    "because",
    "so",
    "until",
    "unless",
)

# fmt: off
_IRREGULAR = {
    "was": "be", "were": "be", "is": "be", "am": "be", "are": "be", "been": "be", "being": "be",
    "did": "do", "going": "go", "spat": "spit", "does": "do", "done": "do", "doing": "do",
    "has": "have", "had": "have", "having": "have", "felt": "feel", "told": "tell", "thought":
    "think", "made": "make", "left": "leave", "kept": "keep", "said": "say", "says": "say",
    "went": "go", "gone": "go", "gave": "give", "given": "give", "got": "get", "gotten": "get",
    "took": "take", "taken": "take", "ran": "run", "knew": "know", "known": "know", "saw":
    "see", "seen": "see", "came": "come", "brought": "bring", "bought": "buy", "caught":
    "catch", "taught": "teach", "fought": "fight", "meant": "mean", "held": "hold", "lost":
    "lose", "sent": "send", "spent": "spend", "stood": "stand", "wrote": "write", "written":
    "write", "threw": "throw", "thrown": "throw", "broke": "break", "broken": "break", "chose":
    "choose", "chosen": "choose", "grew": "grow", "could": "can", "would": "will", "shall":
    "will", "fell": "fall", "fallen": "fall", "hid": "hide", "hidden": "hide", "slept": "sleep",
    "sat": "sit", "sitting": "sit", "stepped": "step", "woke": "wake", "woken": "wake", "died":
    "die", "dying": "die", "dies": "die", "lying": "lie", "lay": "lie", "children": "child",
    "men": "man", "women": "woman", "worse": "bad", "worst": "bad", "bled": "bleed", "cut":
    "cut", "cutting": "cut", "hit": "hit", "hitting": "hit", "beat": "beat", "beaten": "beat",
    "shot": "shoot", "learnt": "learn", "burnt": "burn", "began": "begin", "begun": "begin",
    "found": "find", "heard": "hear", "paid": "pay", "led": "lead", "rang": "ring", "hung":
    "hang", "swam": "swim", "drove": "drive", "driven": "drive", "wore": "wear", "worn": "wear",
    "ate": "eat", "eaten": "eat", "forgot": "forget", "forgotten": "forget", "stuck": "stick",
    "mum": "mum", "mom": "mum", "mummy": "mum", "mam": "mum", "ma": "mum", "mother": "mum",
    "dad": "dad", "daddy": "dad", "father": "dad", "pa": "dad", "never": "not", "hardly": "not",
    "barely": "not", "nt": "not", "cannot": "can", "noone": "nobody", "myself": "myself",
    "yourself": "yourself", "himself": "himself", "herself": "herself", "themselves":
    "themselves", "ourselves": "ourselves", "alone": "alone", "anymore": "anymore", "always":
    "always", "nobody": "nobody", "anybody": "anybody", "everybody": "everybody", "anyone":
    "anyone", "everyone": "everyone", "someone": "someone", "people": "people", "kids": "kid",
    "yes": "yes", "this": "this", "us": "us", "his": "his", "its": "its", "plus": "plus", "bus":
    "bus", "during": "during", "nothing": "nothing", "something": "something", "anything":
    "anything", "everything": "everything", "thing": "thing", "things": "thing", "morning":
    "morning", "evening": "evening", "wedding": "wedding", "ceiling": "ceiling", "sibling":
    "sibling", "siblings": "sibling", "building": "building", "ring": "ring", "king": "king",
    "news": "news", "series": "series", "species": "species",  # not plurals of "new", "sery"
    "spring": "spring", "string": "string", "bring": "bring", "sing": "sing", "cling": "cling",
    "clingy": "clingy", "needy": "needy", "better": "better", "over": "over", "ever": "ever",
    "bloody": "bloody", "ready": "ready", "already": "already", "body": "body", "lady": "lady",
    "hundred": "hundred", "bed": "bed", "red": "red", "need": "need", "needed": "need", "needs":
    "need", "needing": "need", "feed": "feed", "speed": "speed", "seed": "seed", "indeed":
    "indeed", "guess": "guess", "less": "less", "unless": "unless"
}
# fmt: on

# "can't" -> ("can", "not"). Bases of the n't contractions whose stem is not the plain verb.
_NT_BASES = {"ca": "can", "wo": "will", "sha": "will", "ai": "be", "can": "can"}
# Bare contractions people type without an apostrophe in quick writing.
# fmt: off
_BARE_CONTRACTIONS = {
    "dont": ("do", "not"), "cant": ("can", "not"), "wont": ("will", "not"),
    "cannot": ("can", "not"),
    "didnt": ("do", "not"), "doesnt": ("do", "not"), "isnt": ("be", "not"),
    "wasnt": ("be", "not"), "werent": ("be", "not"), "arent": ("be", "not"),
    "havent": ("have", "not"), "hasnt": ("have", "not"), "hadnt": ("have", "not"),
    "couldnt": ("can", "not"), "wouldnt": ("will", "not"), "shouldnt": ("should", "not"),
    "im": ("i", "be"), "2": ("to",), "abt": ("about",), "wud": ("would",), "cud": ("could",),
    "shud": ("should",), "w": ("with",), "o": ("out",), "nite": ("night",),
    "idk": ("i", "do", "not", "know"), "ngl": ("not", "go", "to", "lie"),
    "rn": ("right", "now"), "r": ("be",), "bc": ("because",), "thru": ("through",),
    "tmrw": ("tomorrow",), "tonite": ("tonight",), "wanna": ("want", "to"),
    "gonna": ("go", "to"), "gotta": ("have", "to"), "kms": ("kill", "myself"),
    "cos": ("because",), "coz": ("because",), "cuz": ("because",), "bf": ("boyfriend",),
    "gf": ("girlfriend",), "hubby": ("husband",), "ur": ("your",), "u": ("you",),
    "whats": ("what", "be"), "hes": ("he", "be"), "shes": ("she", "be"),
    "thats": ("that", "be"), "theres": ("there", "be"), "hed": ("he", "will"),
    "shed": ("she", "will"), "youre": ("you", "be"), "theyre": ("they", "be"),
    "ppl": ("people",), "tho": ("though",), "nothin": ("nothing",), "anymore": ("anymore",),
    "ive": ("i", "have"),
}
# fmt: on
_CLITICS = {"m": "be", "re": "be", "ve": "have", "ll": "will", "d": "will"}
# Pronouns whose "'s" is a verb ("she's scared"); after other words it is a possessive.
_S_IS_VERB = frozenset({"he", "she", "it", "that", "there", "who", "what", "here", "where"})


@lru_cache(maxsize=65536)
def normalise(word: str) -> str:
    """A rough lemma: good enough that a pattern written once matches its inflections.
    The same function is applied to lexicon patterns, so consistency matters more than
    linguistic correctness."""
    w = word.lower()
    if w in _IRREGULAR:
        base = _IRREGULAR[w]
        # "left" -> "leave" -> "leav": the same form the regular rules give "leaves", "leaving".
        return base if base == w or base in _IRREGULAR else normalise(base)
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("ied") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("ing") and len(w) > 5:
        w = _undouble(w[:-3])
    elif w.endswith("ed") and len(w) > 4 and not w.endswith("eed"):
        w = _undouble(w[:-2])
    elif w.endswith(("sses", "shes", "ches", "xes", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


def _undouble(stem: str) -> str:
    if len(stem) > 2 and stem[-1] == stem[-2]:
        # "stopp" -> "stop", "controll" -> "control"; but "kill", "fall", "press" keep theirs.
        if stem[-1] not in "lsz" or (stem[-1] == "l" and len(stem) >= 7):
            return stem[:-1]
    return stem


@dataclass(slots=True)
class Token:
    norm: str
    start: int
    end: int
    kind: int
    capital: bool = False  # written with a capital letter (a name, if not sentence-initial)


@dataclass(slots=True)
class Passage:
    """A text as tokens, with for each token its sentence, clause and quotation."""

    text: str
    tokens: list[Token]
    sentence_start: list[int] = field(default_factory=list)
    sentence_end: list[int] = field(default_factory=list)
    clause_start: list[int] = field(default_factory=list)
    # For tokens inside quotation marks: index of the opening mark, else -1.
    quote_open: list[int] = field(default_factory=list)
    quote_close: list[int] = field(default_factory=list)
    norms: list[str] = field(default_factory=list)  # token norms, for fast matching
    punct: list[bool] = field(default_factory=list)  # whether each token is punctuation


def tokenise(text: str) -> list[Token]:
    # The shared pieces, less underscores (they join nothing here and mark nothing).
    raw = [piece for piece in reading.pieces(text) if piece[0] != "_"]
    tokens: list[Token] = []
    i = 0
    n = len(raw)
    while i < n:
        word, start, end = raw[i]
        # word + apostrophe + word: a contraction or possessive written as one word.
        if (
            i + 2 < n
            and raw[i + 1][0] in _APOSTROPHES
            and raw[i + 1][1] == end
            and raw[i + 2][1] == end + 1
            and raw[i + 2][0][0].isalpha()
            and word[0].isalnum()
        ):
            suffix = raw[i + 2][0].lower()
            whole_end = raw[i + 2][2]
            _add_contraction(tokens, word, suffix, start, whole_end)
            i += 3
            continue
        if word[0].isalnum():
            lower = word.lower()
            if (
                lower == "w"
                and i + 2 < n
                and raw[i + 1][0] == "/"
                and raw[i + 2][0].lower() == "o"
                and raw[i + 1][1] == end
                and raw[i + 2][1] == end + 1
            ):
                tokens.append(Token("without", start, raw[i + 2][2], WORD))  # "w/o"
                i += 3
                continue
            if lower in _BARE_CONTRACTIONS:
                for part in _BARE_CONTRACTIONS[lower]:
                    tokens.append(Token(part if part == "i" else normalise(part), start, end, WORD))
            elif lower == "i":
                tokens.append(Token("i", start, end, WORD, True))
            else:
                tokens.append(Token(normalise(word), start, end, WORD, word[0].isupper()))
        elif (
            word in "-‐"
            and tokens
            and tokens[-1].end == start
            and i + 1 < n
            and raw[i + 1][1] == end
            and raw[i + 1][0][0].isalnum()
        ):
            pass  # a hyphen inside a compound ("people-pleaser") joins, it does not divide
        else:
            tokens.append(Token(word, start, end, PUNCT))
        i += 1
    return tokens


def _add_contraction(tokens: list[Token], word: str, suffix: str, start: int, end: int) -> None:
    lower = word.lower()
    capital = word[0].isupper()
    if suffix == "t" and lower.endswith("n") and len(lower) > 1:
        base = lower[:-1]
        verb = _NT_BASES.get(base, normalise(base))
        tokens.append(Token(verb, start, end, WORD, capital))
        tokens.append(Token("not", start, end, WORD))
        return
    first = "i" if lower == "i" else normalise(word)
    tokens.append(Token(first, start, end, WORD, capital))
    if suffix in _CLITICS:
        tokens.append(Token(_CLITICS[suffix], start, end, WORD))
    elif suffix == "s" and lower in _S_IS_VERB:
        tokens.append(Token("be", start, end, WORD))
    elif suffix == "s":
        tokens.append(Token("'s", start, end, WORD))  # possessive: kept, matches nothing


_OPEN_QUOTES = frozenset({"“", "‘", "«", "„"})
_CLOSE_QUOTES = frozenset({"”", "’", "»"})
_TOGGLE_QUOTES = frozenset({'"', "'"})
_ALL_QUOTES = _OPEN_QUOTES | _CLOSE_QUOTES | _TOGGLE_QUOTES


@lru_cache(maxsize=8)
def read_passage(text: str) -> Passage:
    """Read a text once; the theme finder and the safety screen usually read the same entry
    one after the other, so the last few passages are kept (they are never modified)."""
    return _read_passage(text)


def _read_passage(text: str) -> Passage:
    tokens = tokenise(text)
    n = len(tokens)
    passage = Passage(text, tokens)
    ends = [token.kind == PUNCT and token.norm in _SENTENCE_END for token in tokens]
    sentence_start = [0] * n
    sentence_end = [n] * n  # each token's sentence-ending mark (n when the text just stops)
    for first, stop in reading.sentence_ranges(ends):
        mark = stop - 1 if ends[stop - 1] else n
        sentence_start[first:stop] = [first] * (stop - first)
        sentence_end[first:stop] = [mark] * (stop - first)
    clause_start = [0] * n
    quote_open = [-1] * n
    quote_close = [-1] * n
    current_clause = 0
    open_at = -1

    def close_quote(at: int) -> None:
        for j in range(open_at + 1, at):
            quote_open[j] = open_at
            quote_close[j] = at

    for i, token in enumerate(tokens):
        norm = token.norm
        if token.kind == PUNCT and _is_quote_mark(tokens, i, open_at >= 0):
            if open_at < 0 and (norm in _OPEN_QUOTES or norm in _TOGGLE_QUOTES):
                open_at = i
            elif open_at >= 0 and (norm in _CLOSE_QUOTES or norm in _TOGGLE_QUOTES):
                close_quote(i)
                open_at = -1
            current_clause = i + 1
        clause_start[i] = current_clause
        if token.kind == PUNCT:
            if ends[i]:
                current_clause = i + 1
                if norm == "\n" and open_at >= 0:
                    close_quote(i)  # an unclosed quotation ends with its paragraph
                    open_at = -1
            elif norm in _CLAUSE_BREAK_PUNCT:
                current_clause = i + 1
        elif norm in _CLAUSE_BREAK_WORDS or (
            norm == "and" and i + 1 < n and tokens[i + 1].norm in _SUBJECT_PRONOUNS
        ):
            clause_start[i] = i
            current_clause = i
    if open_at >= 0:
        close_quote(n)
    passage.sentence_start = sentence_start
    passage.sentence_end = sentence_end
    passage.clause_start = clause_start
    passage.quote_open = quote_open
    passage.quote_close = quote_close
    passage.norms = [token.norm for token in tokens]
    # Gaps in patterns may not cross punctuation, except quotation marks: 'I say "sure, no
    # problem" when it is a problem' reads across them.
    passage.punct = [token.kind == PUNCT and token.norm not in _ALL_QUOTES for token in tokens]
    return passage


def _is_quote_mark(tokens: list[Token], i: int, inside: bool) -> bool:
    mark = tokens[i].norm
    if mark in _OPEN_QUOTES or mark in _CLOSE_QUOTES or mark == '"':
        if mark in ("‘", "’"):
            # A curly single quote touching letters on both sides is an apostrophe.
            before = i > 0 and tokens[i - 1].end == tokens[i].start
            after = i + 1 < len(tokens) and tokens[i + 1].start == tokens[i].end
            return not (before and after) and (inside or mark == "‘")
        return True
    if mark == "'":
        before = i > 0 and tokens[i - 1].end == tokens[i].start and tokens[i - 1].kind == WORD
        return inside or not before
    return False


_SUBJECT_PRONOUNS = frozenset({"i", "he", "she", "they", "we", "you"})
_CLAUSE_BREAK_WORDS = frozenset(normalise(word) for word in _CLAUSE_BREAK_WORDS_RAW)
