"""Blame aimed at the other person, and words that generalise.

Blame here means judging the person rather than describing what happened: a label ("you're so
selfish"), a sweeping charge ("you never listen"), a motive ("you only call when you need
something"), a cause laid at their door ("you make me...", "because of you"), irony ("thanks for
showing up on time for once"). A plain account of an event ("you were late three times this
week") is an observation, not blame. Quoted speech never reaches these checks.
"""

from __future__ import annotations

from interplay.language.clauses import AUX, CLAUSE_BREAKS, WINDOW, Hit, Sentence
from interplay.language.patterns import FILLERS, PhraseSet
from interplay.language.rhetoric import find_rhetorical_blame
from interplay.language.statement_words import (
    ABSOLUTES,
    ANY_WORDS,
    BAD_POSSESSIONS,
    DENIED_CARE_VERBS,
    KIND_WORDS,
    LABELS,
    NEGATORS,
    POSITIVE_TRAITS,
    PRAISE_WORDS,
    ROLES,
    words,
)

YOU = words("you u")
BE_YOU = words("are were is be been being 's")
DEGREE = words(
    "so such too a an the most total complete proper bit real being always drama way far much"
)
MOTIVE_VERBS = words(
    """want wants care cares think thinks call calls text texts use uses come comes ring talk
    see ask need needs say pretend like do get gets offered offer did"""
)
IDIOMS_AFTER_NEVER = words("know guess mind")

_SET_PHRASES = PhraseSet(
    [
        "because of you",
        "thanks to you",
        "what is wrong with you",
        "what is your problem",
        "who do you think you are",
        "grow up",
        "get your act together",
        "typical",
        "stop acting like",
        "acting like a",
        "for once",
        "nice of you to",
        "thanks for nothing",
        "thanks a lot for nothing",
        "could|can you be any",
        "would it kill you to",
        "like a|an @LABELS",
        "the only one who ever",
        "on purpose",
        "trying to make me",
        "of course you did|would|forgot",
        "yeah right",
        "good enough for you",
        "you clearly|obviously think|want|do|just|are|were|care|feel|never|always",
        "you are not even trying|bothering",
        "you did not even",
        "can not even be bothered",
        "can not be bothered",
        "it is|was your fault",
        "your fault",
        "drive|drives|drove|driving me mad|crazy|nuts|insane|up round",
        "oh great|wonderful|brilliant|perfect|lovely|fantastic|marvellous|wow",
        "wow thanks",
        "get|got it together",
        "do not be so|such? a|an? @LABELS",
        "pull yourself together",
        "sort yourself out",
        "not saying|calling you are? a|an? @LABELS",
        "you have got some|a nerve|cheek|front",
        "how dare you",
        "why is it always|only me",
        "do|did|does you even",
        "are you serious|kidding|joking",
        "what were you thinking",
        "who does that",
        "have you ever once",
        "disappointed|ashamed in|of you",
    ],
    {"LABELS": LABELS},
)
# Thanks or praise that is really a complaint: "Cheers for leaving me to do the whole lot".
_IRONIC_OPENERS = PhraseSet(
    [
        "thanks|cheers for",
        "thanks|cheers a bunch|lot|million for",
        "thank you for",
        "well done for|on",
        "nice one|job",
        "great job",
        "good job",
        "thanks a lot",
        "congratulations|congrats on|for",
        "great|brilliant|lovely|perfect|fantastic|wonderful|marvellous ,",
        "nice|lovely|kind|good|sweet|big of you to",
        "glad|good|nice|great to see you",
    ],
    {},
)
# Words that turn thanks or praise into a complaint. "again" only counts after an exclamation
# ("Great, you've double-booked us again"), since sincere thanks often repeat ("thanks again").
_IRONY_MARKERS = words(
    "late leaving left nothing once forgetting forgot ignoring finally usual priorities bothered"
)
_EXCLAMATION_MARKERS = _IRONY_MARKERS | {"again"}
_SINCERE = words("thanks thank see")
_NEEDS_YOU_NEARBY = frozenset(
    [
        "oh great|wonderful|brilliant|perfect|lovely|fantastic|marvellous|wow",
        "wow thanks",
        "like a|an @LABELS",
    ]
)
_NOT_BLAME_IF_NEGATED = frozenset(["your fault", "it is|was your fault"])


def find_blame(s: Sentence, after_interjection: bool = False) -> list[Hit]:
    """Blame in this sentence; `after_interjection` says the sentence before was only an
    exclamation ("Wow."), which turns thanks into irony."""
    hits: list[Hit] = find_rhetorical_blame(s, after_interjection)
    for start, end, pattern in _SET_PHRASES.find_all(s.words):
        reach = (0, len(s)) if pattern.source.startswith("like") else (end, end + 10)
        if pattern.source in _NEEDS_YOU_NEARBY and not _you_in(s, *reach):
            continue
        if pattern.source in _NOT_BLAME_IF_NEGATED and s.negated_before(start, 3):
            continue
        if pattern.source.startswith("like") and _treated_kindly(s, start, end):
            continue
        if pattern.source.startswith("not saying") and "but" not in s.words[end : end + 4]:
            continue
        if pattern.source == "typical" and not (
            start == s.first_content() or _you_in(s, end, end + 3)
        ):
            continue
        hits.append(Hit("blame", start, end, pattern.source))
    for opener in sorted({0, s.first_content()}):
        if opener >= len(s):
            continue
        ironic = _IRONIC_OPENERS.match_at(s.words, opener)
        if ironic is not None and _ironic(s, ironic[0], ironic[1].source.endswith(",")):
            hits.append(Hit("blame", opener, len(s), "irony"))
    if s.word(s.first_content()) == "why" and _you_in(s, 0, len(s)):
        # "Why does everything always have to be about your job?": a charge, not a question.
        for k, w in enumerate(s.words):
            if w in ("always", "never", "everything", "constantly"):
                hits.append(Hit("blame", s.first_content(), k + 1, "why_always"))
                break
    for k, w in enumerate(s.words):
        if w == "every" and s.word(k + 1) in ("time", "single"):
            hit = _every_time_you(s, k)
            if hit is not None:
                hits.append(hit)
        if w in YOU and s.word(k - 1) in _TAKES_YOU_AS_OBJECT:
            # "sick of you never pulling your weight": a charge even after "of"
            if s.word(k + 1) == "never":
                hits.append(Hit("blame", k, min(len(s), k + 4), "sweeping"))
        elif w in YOU:
            hit = _you_clause(s, k)
            if hit is not None and not _denied_by_speaker(s, k, hit.end):
                hits.append(hit)
        elif w == "your" and _judged_possession(s, k):
            hits.append(Hit("blame", k, min(len(s), k + 6), "your_judged"))
        elif w == "your" and s.word(k + 1) in BAD_POSSESSIONS:
            if s.word(k + 1) == "fault" and s.negated_before(k, 3):
                continue
            hits.append(Hit("blame", k, k + 2, "your"))
        elif w == "being" and s.word(k + 1) in ("so", "such", "too") and _label_soon(s, k + 2):
            # "sorry for being so needy" is about the speaker, not the listener
            if not _first_person_before(s, k) and s.word(k - 1) not in ("for", "about", "of"):
                hits.append(Hit("blame", k, k + 3, "being"))
    return [_whole_charge(s, hit) for hit in hits]


def _label_soon(s: Sentence, k: int) -> bool:
    """ "being so selfish", "being such a pain": a label, maybe after "a"/"an"."""
    return s.word(k) in LABELS or (s.word(k) in ("a", "an") and s.word(k + 1) in LABELS)


def _treated_kindly(s: Sentence, start: int, end: int) -> bool:
    """ "You treat me like a queen": being treated like royalty is praise."""
    treated = any(w.startswith("treat") for w in s.words[max(0, start - 4) : start])
    return treated and s.words[end - 1] in ("queen", "princess")


def _whole_charge(s: Sentence, hit: Hit) -> Hit:
    """Show the whole charge as evidence: "You obviously don't value my time", not just
    "You obviously don't"."""
    if s.words[hit.start] in YOU or s.words[hit.start] == "your":
        return Hit(hit.label, hit.start, max(hit.end, s.clause_end(hit.start, 10)), hit.note)
    return hit


_HARSH_VERDICTS = words(
    "exhausting draining unbearable tiring ridiculous pathetic embarrassing old tiresome boring"
)


def _ironic(s: Sentence, end: int, exclamation: bool) -> bool:
    rest = s.words[end:]
    if exclamation:
        return any(w in _EXCLAMATION_MARKERS for w in rest) and not any(w in _SINCERE for w in rest)
    return any(w in _IRONY_MARKERS for w in rest)


_VERDICT_LEAD = FILLERS | {"so", "such", "a", "too", "getting", "becoming"}


def _judged_possession(s: Sentence, k: int) -> bool:
    """ "Your sarcasm is exhausting", "your friends are a joke": a verdict on what is theirs."""
    for m in range(k + 2, min(len(s), k + 5)):
        if s.words[m] in ("is", "are", "was", "were"):
            n = m + 1
            while n < len(s) and n - m < 4 and s.words[n] in _VERDICT_LEAD:
                n += 1
            return s.word(n) in LABELS or s.word(n) in _HARSH_VERDICTS
        if s.words[m] in CLAUSE_BREAKS:
            return False
    return False


def _every_time_you(s: Sentence, k: int) -> Hit | None:
    """ "Every time I ask for help you sigh": a habit pinned on the other person."""
    for m in range(k + 2, min(len(s), k + 15)):
        w = s.words[m]
        if w in (".", "!", "?", ";"):
            return None
        if w in YOU and s.word(m + 1)[:1].isalpha() and s.word(m - 1) not in ("to", "for", "with"):
            return Hit("blame", k, m + 2, "every_time")
    return None


def _you_in(s: Sentence, a: int, b: int) -> bool:
    return any(w in YOU or w == "your" for w in s.words[max(0, a) : min(len(s), b)])


def _first_person_before(s: Sentence, k: int) -> bool:
    return any(w == "i" for w in s.words[max(0, k - 3) : k])


# After these, "you" is the object ("thank you for everything", "I told you about it"), so
# what follows is not a charge against the listener.
_TAKES_YOU_AS_OBJECT = words(
    """thank thanks love miss told tell see to for with about at from of asked ask need want
    call text help give show let bless owe meet"""
)
_FUNCTION_WORDS = words("for to with and or but so about in on at from of as if when more than")


def _you_clause(s: Sentence, k: int) -> Hit | None:
    """What follows "you": a label, a sweeping charge, a denied kindness, a motive, a cause."""
    j = k + 1
    negated = False
    saw_be = False
    while j < len(s) and j - k <= WINDOW:
        w = s.words[j]
        if w == "not":
            negated = True
        elif w in BE_YOU:
            saw_be = True
        elif not (w in AUX or w in FILLERS):
            break
        j += 1
    # Absolute words straight after "you": "you always", "you never", "you constantly".
    for m in range(k + 1, min(len(s), k + 4)):
        w = s.words[m]
        if w in ("always", "never", "constantly", "forever", "ever"):
            return _sweeping(s, k, m)
        if w in CLAUSE_BREAKS or not (w in AUX or w in FILLERS or w in ("do", "did")):
            break
    w = s.word(j)
    if w in ("make", "makes", "made", "making") and s.word(j + 1) == "me":
        return _makes_me(s, k, j)
    if saw_be:
        return _label_after_be(s, k, j, negated)
    # "You make everything about you", "you ruin everything": a sweeping charge.
    for m in range(j + 1, min(len(s), j + 3)) if w not in _FUNCTION_WORDS else ():
        if s.words[m] in ("everything", "nothing", "everyone", "everybody", "nobody"):
            if s.word(m + 1) != "for" and not negated:
                return Hit("blame", k, m + 1, "sweeping")
    if negated and w in DENIED_CARE_VERBS:
        if s.word(j - 1) == "even" or w != "have":
            return Hit("blame", k, j + 1, "denied")
    if w in ("only", "just"):
        # "You only ever ring when you want money": "ever" and "really" only stress the motive.
        v = j + 2 if s.word(j + 1) in ("ever", "really") else j + 1
        if s.word(v) in MOTIVE_VERBS | {"don't", "do"}:
            return Hit("blame", k, min(len(s), v + 2), "motive")
    if w in ("drive", "drove") and s.word(j + 1) == "me":
        return Hit("blame", k, j + 3, "drive")
    return None


def _label_after_be(s: Sentence, k: int, j: int, negated: bool) -> Hit | None:
    m = j
    while m < len(s) and m - j < 4 and s.words[m] in DEGREE | FILLERS:
        m += 1
    w = s.word(m)
    if negated:
        if s.word(j - 1) == "even" or w in ("even",):
            return Hit("blame", k, m + 1, "not_even")
        return None
    if w in LABELS or w in ("overreacting", "exaggerating"):
        return Hit("blame", k, m + 1, "label")
    # "You're so controlling", "you're such a ...": a trait pinned on the person.
    degree = s.words[j:m]
    judged = "so" in degree or "such" in degree or "being" in s.words[k:m]
    if judged and w[:1].isalpha() and w not in POSITIVE_TRAITS:
        if s.word(m + 1) not in POSITIVE_TRAITS:
            return Hit("blame", k, m + 2 if s.word(m + 1) in LABELS else m + 1, "trait")
    # "You're a complete liability": calling the person a thing is a label, unless the thing is
    # kind or a plain role ("you're a star", "you're a parent now").
    if ("a" in degree or "an" in degree) and not ({"bit", "little"} & set(degree)):
        ahead = s.words[m : m + 3]
        if w[:1].isalpha() and not any(x in POSITIVE_TRAITS or x in ROLES for x in ahead):
            return Hit("blame", k, m + 1, "called")
    # "the most selfish person", "such a nightmare": a label one word later.
    if s.word(m + 1) in LABELS and m - j <= 3:
        return Hit("blame", k, m + 2, "label")
    if s.word(m - 1) == "too" and w and w[0].isalpha() and w not in KIND_WORDS:
        return Hit("blame", k, m + 1, "too")
    if w in ("trying",) and s.word(m + 1) == "to":
        return Hit("blame", k, m + 2, "motive")
    if w in ("only", "just") and s.word(m + 1) in MOTIVE_VERBS:
        return Hit("blame", k, m + 2, "motive")
    return None


def _sweeping(s: Sentence, k: int, m: int) -> Hit | None:
    """ "You always..." / "you never...": blame unless it is praise or an idiom."""
    after = s.words[m + 1 : m + 4]
    absolute = s.words[m]
    if absolute == "never" and after[:1] and after[0] in IDIOMS_AFTER_NEVER:
        return None
    if absolute == "ever" and not s.negated_before(m, 3):
        return None
    praise = any(w in PRAISE_WORDS for w in after)
    if absolute in ("always", "constantly") and praise:
        return None
    if absolute in ("never", "ever") and after[:1] == ["have"] and s.word(m + 2) == "to":
        return None
    return Hit("blame", k, max(m + 1, s.clause_end(m, 6)), "sweeping")


def _makes_me(s: Sentence, k: int, j: int) -> Hit | None:
    after = s.words[j + 2 : j + 5]
    if any(w in ("laugh", "smile", "happy", "proud", "better", "safe", "loved") for w in after):
        return None
    return Hit("blame", k, min(len(s), j + 4), "makes_me")


_DENYING_VERBS = words("saying say think believe mean said calling")


def _denied_by_speaker(s: Sentence, k: int, end: int) -> bool:
    """ "I don't think you're lazy", "I'm not saying you're lazy" deny the label, unless a "but"
    follows ("I'm not saying you're lazy, but...")."""
    window = s.words[max(0, k - 5) : k]
    denied = False
    for a, b in zip(window, window[1:], strict=False):
        if a in ("not", "never") and b in _DENYING_VERBS:
            denied = True
    if not denied:
        return False
    return "but" not in s.words[end : end + 4]


# --- absolutes --------------------------------------------------------------------------------

_COMMITMENT_BEFORE = words("will would shall")


def find_absolutes(s: Sentence) -> list[Hit]:
    hits: list[Hit] = []
    n = len(s)
    for k in range(n):
        w = s.words[k]
        nxt = s.word(k + 1)
        if w == "every" and nxt in ("time", "single"):
            hits.append(Hit("absolute", k, k + 2, "every"))
        elif w == "all" and nxt == "the" and s.word(k + 2) == "time":
            hits.append(Hit("absolute", k, k + 3, "all_the_time"))
        elif w == "no" and nxt == "one":
            hits.append(Hit("absolute", k, k + 2, "no_one"))
        elif w == "not" and nxt == "once":
            hits.append(Hit("absolute", k, k + 2, "not_once"))
        elif w == "ever" and s.word(k + 1) == "once":
            hits.append(Hit("absolute", k, k + 2, "ever_once"))  # "have you ever once..."
        elif w == "ever" and _ever_generalises(s, k):
            hits.append(Hit("absolute", k, k + 1, "ever"))
        elif w in ANY_WORDS and _negated_clause(s, k) and "before" not in s.words[k : k + 8]:
            hits.append(Hit("absolute", k, k + 1, "any"))
        elif w in ABSOLUTES and _generalises(s, k):
            hits.append(Hit("absolute", k, k + 1, w))
    return hits


def _ever_generalises(s: Sentence, k: int) -> bool:
    prev = s.word(k - 1)
    return prev in NEGATORS or prev in ("who", "is", "never") or s.negated_before(k, 2)


def _negated_clause(s: Sentence, k: int) -> bool:
    j = k - 1
    while j >= 0 and k - j <= 5:
        w = s.words[j]
        if w in CLAUSE_BREAKS:
            return False
        if w in ("not", "never", "nobody"):
            return True
        j -= 1
    return False


def _generalises(s: Sentence, k: int) -> bool:
    """Idioms and promises use the same words without generalising."""
    w = s.words[k]
    prev = s.word(k - 1)
    nxt = s.word(k + 1)
    before = s.words[max(0, k - 3) : k]
    after = s.words[k + 1 : k + 9]
    if w == "never":
        if prev == "you" and nxt in IDIOMS_AFTER_NEVER and s.word(k + 2) in CLAUSE_BREAKS | {""}:
            return False  # "you never know"
        if nxt == "a" and s.word(k + 2) == "dull":
            return False  # "never a dull moment"
        if nxt in ("got", "get") and s.word(k + 2) in ("round", "around"):
            return False  # "we never got round to it": one thing left undone
        if nxt == "again" and "you" not in before:
            return False  # "never again": a resolution, not a verdict on anyone
        if nxt in ("mind",) or (nxt == "too" and s.word(k + 2) == "late"):
            return False
        if (nxt == "say" and s.word(k + 2) == "never") or (
            prev == "say" and s.word(k - 2) == "never"
        ):
            return False
        if "before" in after or prev in ("than", "or"):
            return False
    if w in ("always", "never", "forever"):
        if "i" in before and any(b in _COMMITMENT_BEFORE for b in before):
            return False  # "I'll always be grateful", "I'd never"
        if prev == "as":
            return False  # "as always"
        if nxt in ("here", "there") and s.word(k + 2) == "for":
            return False
        if w == "forever" and nxt in ("grateful", "thankful", "indebted", "yours"):
            return False
    if w in ("everything", "world") and nxt == "to" and s.word(k + 2) == "me":
        return False  # "honesty is everything to me": a value, not a sweep
    if w in ("everyone", "everybody"):
        if prev in ("hi", "hello", "thanks", "thank", "morning", "evening"):
            return False
        if prev == "," and nxt in (".", "!", "?", ""):
            return False  # "See you on Friday, everyone!": addressing them
        if prev == "of" and s.word(k - 2) == "front":  # "in front of everyone": one audience
            return False
        if nxt in ("welcome", "please") or (nxt in ("is", "'s") and s.word(k + 2) == "welcome"):
            return False
        if prev in ("can", "could", "would", "will"):
            return False
    if w == "nothing":
        if prev in ("probably", "for", "is", "'s") or nxt in ("much", "wrong", "to"):
            return False
    if w == "everything" and prev == "for" and ("thanks" in before or "thank" in before):
        return False  # "thanks again for everything"
    if w == "everything":
        rest = [x for x in after[:3] if x not in ("is", "'s", "has")]
        if rest[:2] in (["going", "wrong"], ["gone", "wrong"], ["goes", "wrong"]):
            return True  # "everything's going wrong at once" sweeps
        if nxt in ("on", "going", "else", "will", "is", "'s", "okay", "ok", "fine"):
            return False
    if w == "nobody" and nxt in ("is", "'s") and s.word(k + 2) == "perfect":
        return False
    return True
