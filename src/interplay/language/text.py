"""The statement coach's view of a text: words with character offsets, quoted speech and
sentence breaks, built on the shared pieces and sentence splitter of `reading`.

Everything here is a single left-to-right pass over the pieces, so the time grows in step with
the length of the text whatever the input looks like.

Words keep the offsets of the characters they came from, so every finding can point back at the
person's own words. Contractions and common text-speak are expanded into the words they stand
for ("I'm" -> "i", "am"; "dont" -> "do", "not"; "u" -> "you"); the expanded words share the span
of the original.
"""

from __future__ import annotations

from dataclasses import dataclass

from interplay.language import reading

APOSTROPHES = "'\u2019\u02bc"
DOUBLE_QUOTES = '"\u201c\u201d\u201e\u00ab\u00bb'
OPENING_SINGLE = "\u2018"
SENTENCE_ENDS = reading.SENTENCE_ENDS + ";"  # a draft's ";" ends a statement (see `reading`)
# Punctuation kept as tokens so that patterns cannot run across a sentence or clause break.
CLAUSE_MARKS = ",:()\u2013\u2014-"

_CONTRACTION_TAILS = {
    "m": ("am",),
    "re": ("are",),
    "ve": ("have",),
    "ll": ("will",),
    "d": ("would",),
    "s": ("is",),
}

# Text-speak and contractions typed without an apostrophe. Only forms that are not also ordinary
# English words are listed ("ill", "were", "wed", "well" are left alone).
_SPELLED_OUT = {
    "im": ("i", "am"),
    "ive": ("i", "have"),
    "dont": ("do", "not"),
    "doesnt": ("does", "not"),
    "didnt": ("did", "not"),
    "cant": ("can", "not"),
    "cannot": ("can", "not"),
    "wont": ("will", "not"),
    "isnt": ("is", "not"),
    "arent": ("are", "not"),
    "wasnt": ("was", "not"),
    "werent": ("were", "not"),
    "havent": ("have", "not"),
    "hasnt": ("has", "not"),
    "shouldnt": ("should", "not"),
    "couldnt": ("could", "not"),
    "wouldnt": ("would", "not"),
    "youre": ("you", "are"),
    "youve": ("you", "have"),
    "youll": ("you", "will"),
    "thats": ("that", "is"),
    "u": ("you",),
    "ya": ("you",),
    "r": ("are",),
    "yr": ("your",),
    "pls": ("please",),
    "plz": ("please",),
    "coz": ("because",),
    "cuz": ("because",),
    "cos": ("because",),
    "bc": ("because",),
    "wen": ("when",),
    "gonna": ("going", "to"),
    "wanna": ("want", "to"),
    "gotta": ("got", "to"),
    "let's": ("let", "us"),
    "lets": ("let", "us"),
    "won't": ("will", "not"),
    "can't": ("can", "not"),
    "shan't": ("shall", "not"),
    "ain't": ("is", "not"),
}

# "ur" is "your" or "you're"; the next word decides.
_UR_BEFORE_VERB = frozenset(
    "so such always never not being coming going doing a an the too just really very "
    "such making trying acting".split()
)


# "your so lazy", "your such a snob": the common typo for "you're".
_YOUR_MEANING_YOU_ARE = frozenset("so such being always never not too just really very".split())
_ADJECTIVE_ENDINGS = ("ing", "able", "ible", "ful", "ous", "ive", "ish", "less")


@dataclass(frozen=True, slots=True)
class Token:
    """One word (or punctuation mark) with the span of the characters it came from."""

    norm: str
    start: int
    end: int
    quoted: bool = False

    @property
    def is_word(self) -> bool:
        return self.norm[:1].isalnum()

    @property
    def ends_sentence(self) -> bool:
        return self.norm in SENTENCE_ENDS


@dataclass(frozen=True, slots=True)
class _Raw:
    text: str
    start: int
    end: int
    kind: str  # "word", "punct", "quote"


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _joins_word(piece: str) -> bool:
    """Pieces a word is made of: letters, digits and underscores."""
    return reading.is_word_piece(piece) or piece == "_"


def _scan(text: str) -> list[_Raw]:
    """Join the shared pieces into words, punctuation and quote marks in one pass. A word runs
    on over underscores, an apostrophe inside it (don't, I'm, Sam's) and a hyphen before a
    letter (passive-aggressive, heads-up)."""
    raw: list[_Raw] = []
    cut = reading.pieces(text)
    n = len(cut)
    k = 0
    while k < n:
        piece, start, end = cut[k]
        if _joins_word(piece):
            k += 1
            while k < n and cut[k][1] == end:
                nxt = cut[k][0]
                if _joins_word(nxt):
                    end = cut[k][2]
                    k += 1
                    continue
                after = cut[k + 1] if k + 1 < n and cut[k + 1][1] == cut[k][2] else None
                if after is not None and (
                    (nxt in APOSTROPHES and _joins_word(after[0]))
                    or (nxt == "-" and after[0][0].isalpha())
                ):
                    end = after[2]
                    k += 2
                    continue
                break
            raw.append(_Raw(text[start:end], start, end, "word"))
            continue
        if piece in DOUBLE_QUOTES or piece == OPENING_SINGLE or piece in APOSTROPHES:
            raw.append(_Raw(piece, start, end, "quote"))
        else:
            raw.append(_Raw(piece, start, end, "punct"))  # a mark or a line break
        k += 1
    return raw


def _quoted_flags(text: str, raw: list[_Raw]) -> list[bool]:
    """Mark the tokens that sit between a matched pair of quote marks.

    A quote mark that never finds its partner before the end of the paragraph quotes nothing,
    so a stray mark cannot hide the rest of the text. Each token is marked at most once.
    """
    flags = [False] * len(raw)
    open_at = -1
    open_kind = ""
    for k, tok in enumerate(raw):
        if tok.text == "\n":
            open_at = -1
            continue
        if tok.kind != "quote":
            continue
        ch = tok.text
        before = text[tok.start - 1] if tok.start > 0 else " "
        after = text[tok.end] if tok.end < len(text) else " "
        if ch in DOUBLE_QUOTES:
            kind = "double"
        elif _is_word_char(before) and _is_word_char(after):
            continue  # an apostrophe that the word scanner did not join: leave it
        else:
            kind = "single"
        if open_at >= 0 and kind == open_kind:
            closes = ch in "\u201d\u00bb" or kind == "double" or not _is_word_char(after)
            if closes:
                for m in range(open_at + 1, k):
                    flags[m] = True
                open_at = -1
                continue
        if open_at < 0:
            opens = ch in "\u201c\u201e\u00ab" or kind == "double" or _is_word_char(after)
            if opens and not (kind == "single" and _is_word_char(before)):
                open_at = k
                open_kind = kind
    return flags


def _expand(word: str) -> tuple[str, ...]:
    low = word.lower()
    for a in APOSTROPHES[1:]:
        low = low.replace(a, "'")
    if low in _SPELLED_OUT:
        return _SPELLED_OUT[low]
    if "'" in low:
        head, _, tail = low.partition("'")
        if tail == "t" and head.endswith("n"):
            base = head[:-1]
            return (base, "not")
        if tail in _CONTRACTION_TAILS:
            if tail == "s" and head not in {"it", "that", "what", "there", "he", "she", "who"}:
                return (head, "'s")  # possessive: Sam's, Mum's
            return (head, *_CONTRACTION_TAILS[tail])
        return (low,)
    return (low,)


def tokenize(text: str) -> list[Token]:
    """Words and punctuation with their spans; quote marks are dropped, quoted words flagged."""
    raw = _scan(text)
    quoted = _quoted_flags(text, raw)
    tokens: list[Token] = []
    for k, tok in enumerate(raw):
        if tok.kind == "quote":
            continue
        if tok.kind == "punct":
            tokens.append(Token(tok.text, tok.start, tok.end, quoted[k]))
            continue
        for part in _expand(tok.text):
            tokens.append(Token(part, tok.start, tok.end, quoted[k]))
    return _settle_ur(tokens)


def _settle_ur(tokens: list[Token]) -> list[Token]:
    """Resolve "ur": "you are" before a verb or adjective cue, otherwise "your"."""
    out: list[Token] = []
    for k, tok in enumerate(tokens):
        if tok.norm not in ("ur", "your"):
            out.append(tok)
            continue
        nxt = tokens[k + 1].norm if k + 1 < len(tokens) else ""
        if tok.norm == "your" and nxt not in _YOUR_MEANING_YOU_ARE:
            out.append(tok)  # "your" is nearly always "your"; only "your so/such..." is a typo
        elif nxt in _UR_BEFORE_VERB or nxt.endswith(_ADJECTIVE_ENDINGS):
            out.append(Token("you", tok.start, tok.end, tok.quoted))
            out.append(Token("are", tok.start, tok.end, tok.quoted))
        else:
            out.append(Token("your", tok.start, tok.end, tok.quoted))
    return out


QUOTATION = "\u201c\u2026\u201d"


def unquoted_stream(tokens: list[Token], text: str = "") -> list[Token]:
    """The speaker's own words: quoted speech is reported, not said, so it is set aside.

    Each quotation becomes one opaque token (its norm is QUOTATION) spanning the quotation and
    its marks, so no cue can match inside it, words either side are not read as one phrase, and
    the rewrite can still show it ("When you said \u201cI can't\u201d...").
    """
    out: list[Token] = []
    k = 0
    n = len(tokens)
    while k < n:
        tok = tokens[k]
        if not tok.quoted:
            out.append(tok)
            k += 1
            continue
        start, end = tok.start, tok.end
        while k < n and tokens[k].quoted:
            end = max(end, tokens[k].end)
            k += 1
        if text:
            if start > 0 and (text[start - 1] in DOUBLE_QUOTES or text[start - 1] in _SINGLES):
                start -= 1
            if end < len(text) and (text[end] in DOUBLE_QUOTES or text[end] in _SINGLES):
                end += 1
        out.append(Token(QUOTATION, start, end))
    return out


_SINGLES = APOSTROPHES + OPENING_SINGLE


def sentences(tokens: list[Token]) -> list[list[Token]]:
    """Split a token stream at sentence ends (the end marks are kept with their sentence)."""
    ranges = reading.sentence_ranges([tok.ends_sentence for tok in tokens])
    return [tokens[start:end] for start, end in ranges]
