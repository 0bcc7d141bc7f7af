"""Over-apologising, minimising and asking permission to have a need.

"Sorry to ask", "this is silly, but", "only if that's okay with you", "I hate to be a bother"
shrink the need before the other person has heard it. A real apology for something the speaker
did ("I'm sorry I missed your birthday", "sorry for shouting") and sympathy ("sorry to hear
that") are not hedges.
"""

from __future__ import annotations

from interplay.language.clauses import Hit, Sentence
from interplay.language.patterns import PhraseSet
from interplay.language.statement_words import words

# "I'm probably being ...": the speaker doubting their own reaction.
SELF_DOUBT = words("silly daft stupid dramatic paranoid needy oversensitive sensitive difficult a")

_HEDGES = PhraseSet(
    [
        # "It's ridiculous." alone judges the situation; "this is ridiculous, but..." shrinks
        # what follows.
        "this|it|that is|sounds|seems probably|really? silly|stupid|daft",
        "this|it|that is|sounds|seems probably|really? ridiculous but",
        "this|it might|may sound|be silly|stupid|daft|ridiculous",
        "i know this|it is silly|stupid|daft|ridiculous",
        "probably nothing",
        "it is probably? nothing but",
        "not a big|huge deal",
        "no big deal",
        "stupid|silly|dumb question",
        "i hate to be|ask|bother",
        "i hate asking",
        "hate to be a bother|burden|pain|nuisance",
        "i do not want to be a|any burden|bother|nuisance|pain|trouble",
        "i do not want to make a fuss",
        "i do not want to put you out",
        "i do not want to bother|trouble|impose",
        "i do not mean to be difficult|a|demanding|needy",
        "if that is okay|ok|alright",
        "if it is okay|ok|alright with you",
        "only if",
        "if it is not too much trouble|bother",
        "if it is no trouble|bother",
        "if you do not mind",
        "no pressure",
        "i am not asking for much|a lot",
        "do not worry about me",
        "no worries if not",
        "no worries at? all? if you can|do not",
        "fine|okay|ok if not",
        "do not worry if you can not",
        "it does not|doesn't matter really?",
        "just a tiny|small|little|quick thing",
        "only a tiny|small|little thing",
        "i am probably|maybe|just? overreacting|oversensitive",
        "i am probably|maybe|just? being @SELF_DOUBT",
        "maybe i am being|overreacting",
        "i might|may|could be overreacting|oversensitive",
        "i might|may|could be being @SELF_DOUBT",
        "i will|can manage|cope ,|.|!|on|by|fine|myself|alone",
        "you have got|have enough on",
        "i might|could be wrong",
        "am i allowed to",
        "is|would it be? okay|ok|alright if i need|ask|have|take|said|mention|mentioned|feel",
        "i hope it is okay|ok|alright that i am? asking|ask|said",
        "i hope you do not mind",
        "feel free to ignore",
        "ignore me if",
        "i know it is a lot to ask",
        "i know it is a pain|hassle|nuisance|bother|drag",
        "it is a lot to ask",
        "it is a big ask|favour|favor",
        "i know you are busy but",
        "i feel bad asking|for",
        "sorry for the hassle|trouble|bother",
        "apologies for the hassle|trouble|bother",
        "i feel|felt daft|silly|stupid|awkward|weird even? saying|asking",
        "i feel|felt daft|silly|stupid|awkward|weird even? mentioning|raising",
        "do not go to any|much trouble|bother",
        "do not go to too much trouble|bother",
        "do not go out of your way",
        "do not put yourself out",
        "do not trouble|bother yourself",
        "if you have time|got time|a minute|a moment|a sec",
    ],
    {"SELF_DOUBT": SELF_DOUBT},
)

# After "sorry for/about being ...": these make it an apology for having needs.
_SELF_SHRINKING = words(
    "needy a so such difficult annoying demanding emotional dramatic sensitive clingy much"
)
_HEDGE_GERUNDS = words(
    "asking bothering troubling interrupting needing wanting rambling moaning going being"
)
_TAKING_SPACE = words("hassle trouble bother message essay rant ramble moan text email questions")
_MISTAKE_TAIL = words("unfair rude wrong out mean harsh my")


_ASKING_LEAVE = (
    "is|would it be? okay|ok|alright if i need|ask|have|take|said|mention|mentioned|feel"
)


def find_hedges(s: Sentence) -> list[Hit]:
    hits: list[Hit] = []
    for a, b, p in _HEDGES.find_all(s.words):
        if p.source == _ASKING_LEAVE and s.words[b - 1] == "take":
            if s.has_concrete_marker(b, s.clause_end(b, 8)):
                continue  # "is it okay if I take Friday off?" asks leave for a plan: a request
        hits.append(Hit("hedge", a, b, p.source))
    for k, w in enumerate(s.words):
        if w in ("sorry", "apologies") and _sorry_is_hedge(s, k):
            hits.append(Hit("hedge", _sorry_start(s, k), k + 1, "sorry"))
    return hits


def _sorry_start(s: Sentence, k: int) -> int:
    """Include "I'm (so)" before "sorry" in the span."""
    j = k
    while j > 0 and k - j < 3 and s.words[j - 1] in ("i", "am", "so", "really", "very"):
        j -= 1
    return j


def _sorry_is_hedge(s: Sentence, k: int) -> bool:
    if "am" in s.words[max(0, k - 3) : k] and s.word(k + 1) in (".", "!", "\n", ""):
        return False  # "I know I've been distant. I'm sorry.": owning it, plainly
    j = k + 1
    while s.word(j) in ("so", "very", "really", "that"):
        j += 1
    nxt = s.word(j)
    after = s.word(j + 1)
    if nxt == "to":
        return after not in ("hear", "say") or after == "say" and s.word(j + 2) == "this"
    if nxt in ("i", "we"):
        return False  # "sorry I missed your birthday": owning something done
    if nxt in ("you", "he", "she", "they", "your", "for") and nxt != "for":
        return False  # sympathy: "sorry you're going through this"
    if nxt in ("for", "about"):
        if after in ("being",):
            return s.word(j + 2) in _SELF_SHRINKING
        if after in _HEDGE_GERUNDS:
            return True
        if after in ("the", "this", "my"):
            # "sorry for the hassle", "sorry for the long message": apologising for taking space
            return bool(_TAKING_SPACE & set(s.words[j + 2 : j + 4]))
        return False
    if nxt == "," and after in ("that", "it") and s.word(j + 2) == "was":
        return s.word(j + 3) in ("silly", "stupid", "daft")
    if nxt == "," and after in _MISTAKE_TAIL:
        return False
    return True
