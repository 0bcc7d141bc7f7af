"""Blame that hides in the shape of a sentence rather than in a label word.

People rarely write "you are selfish" when they are hurt; they ask a question nobody is meant to
answer ("do you have any idea how that looked?"), say the opposite of what they mean ("must be
nice to have free time", "oh brilliant, another last-minute change"), point at "some people",
tell the other what they ought to feel ("you should be ashamed of yourself"), or pin a habit or
a motive on them ("you keep dumping your work on me", "you love making me look stupid"). These
are classes of construction, each checked a few words either side of a cue, so the cost stays
linear in the length of the text.

A plain account of what happened, a sincere question and a sincere thank-you are not blame; the
checks below say what tells them apart.
"""

from __future__ import annotations

from interplay.language.clauses import AUX, CLAUSE_BREAKS, Hit, Sentence
from interplay.language.patterns import FILLERS, PhraseSet
from interplay.language.statement_words import POSITIVE_TRAITS, words

YOU = words("you u")
SHOULD = words("should ought must need needs")

# Sarcasm and veiled digs: these say the opposite of what they mean, or aim at "some people".
_SARCASM = PhraseSet(
    [
        "must be nice|lovely|great|fun",
        "must be hard|tough|exhausting being so|such|perfect|right",
        "think before you speak|open|talk|act",
        "who raised|dragged you",
        "were you raised|born in",
        "can not believe you would|did|could|have|are|just",
        "you just? do|did whatever",
        "flatter yourself",
        "get over yourself",
        "get a grip|life",
        "give it a rest",
        "use|using your brain|head|eyes",
        "wind your neck in",
        "classic|typical you",
        "you could|might at least",
        "the least you could do",
        "why is it always|only my",
        "i am not your mum|mother|dad|father|maid|servant|slave|cleaner|secretary|therapist",
        "i am not your keeper|skivvy|butler|carer|nanny|parent|babysitter|taxi|bank",
        "you clearly|obviously? could not care less",
        "like talking to a brick? wall",
        "so now you want|care|decide|remember|notice|ask",
        "are you for real",
        "nice|good|great|lovely to know where i stand",
        "if it hit|bit you",
        "you are all talk|mouth",
        "way to make|ruin|spoil|embarrass",
        "grow a spine|pair",
        "is|was that really? the best you",
        "i will just? do it myself then",
        "some of us have|are|do|had|were|work|actually|still|can",
        "some people do|can|could|will|would not",
        "some people never|clearly|obviously|just|seem|think",
        "here we go again",
        "what a surprise|shock",
        "surprise surprise",
        "oh|yeah because",
        "oh|yeah sure|right ,? because",
        "oh|yeah? great|brilliant|wonderful|perfect|fantastic|lovely|marvellous|fab|super another",
        "the cheek|nerve of it|you|some",
        "someone|somebody could|might have told|said|mentioned|asked|warned|bothered|helped|let",
        "apparently i am|was invisible|the|not|too|supposed|meant|expected|a|just|always",
        "apparently i do|did not",
        "no wonder nobody|you|everyone|people|no",
        "too much to ask",
        "better things to do",
        "always about you|yourself",
        "everything is about you|yourself",
        "you think you are better|above|special|perfect|clever|smart|superior|funny|entitled",
        "you think you are so",
        "you are|were just? like your|his|her",
        "you are|were just|only? using|playing|manipulating|exploiting|milking me|us|it",
        "you are|were|did just? deliberately|purposely|intentionally",
        "are|were you deliberately|purposely|intentionally",
        "are|were you even|actually listening|trying|bothered|awake|there|paying",
        "a word i say|said",
        "how hard|difficult is it to",
        "how many times do|have i",
        "do|did you have any idea",
        "do|did you ever stop|think|listen|consider|bother|care|wonder",
        "why can|could|will|would not you just|ever|even",
        "why do|did not you ever|even|just",
        "you enjoy|enjoyed|love|loved making|watching|seeing|winding|embarrassing|humiliating",
        "you enjoy|enjoyed|love|loved putting|showing|playing",
        "you enjoy|enjoyed this|it",
        "ashamed|embarrassed of yourself",
        "you should|ought to? have? known|know better",
        "good|long|hard look at yourself",
    ],
    {},
)
# "You should be grateful", "you ought to be ashamed": telling them what they ought to feel.
_OUGHT_TO_FEEL = words("ashamed grateful thankful embarrassed sorry")
_THINK_ABOUT = words("think consider reflect look")
# "Funny how you're never too busy for your mates": the sentence needs a habit or the listener.
_IRONIC_HOW = words("funny strange interesting amazing weird")
_HABIT = words("never always only ever every")
# Verbs of keeping at something that are only kind: "you keep helping me out" is not a charge.
_KIND_HABITS = words(
    "helping supporting offering checking smiling making trying giving surprising inspiring"
)
# "You treat me like a queen": the comparison is kind.
_KIND_COMPARISONS = POSITIVE_TRAITS | words("queen royalty family princess king own")
# Praise that, alone in a two-word sentence, mocks: "Real mature.", "Very grown-up."
_MOCK_PRAISE = words("mature grown-up classy subtle charming adult original smooth")
# A sentence that is only an exclamation, which turns the thanks after it into irony:
# "Wow. Thanks for the support."
_INTERJECTIONS = words("wow great brilliant lovely marvellous fab cheers right oh perfect super")


_TAG_NEEDED = "you enjoy|enjoyed this|it"
_AIMED_AT_US = frozenset(
    [
        "you enjoy|enjoyed|love|loved making|watching|seeing|winding|embarrassing|humiliating",
        "you enjoy|enjoyed|love|loved putting|showing|playing",
    ]
)
_TARGETS = words("me us people everyone others him her")
_KIND_RESULTS = words("laugh smile happy feel welcome better")


def find_rhetorical_blame(s: Sentence, after_interjection: bool = False) -> list[Hit]:
    hits: list[Hit] = []
    for a, b, pattern in _SARCASM.find_all(s.words):
        if _negated_sarcasm(s, a):
            continue
        if pattern.source == _TAG_NEEDED and not _tag_question(s, b):
            continue  # "Did you enjoy it?" is a real question; "You enjoy this, don't you?" not
        if pattern.source in _AIMED_AT_US:
            ahead = s.words[b : b + 4]
            if not any(w in _TARGETS for w in ahead) or any(w in _KIND_RESULTS for w in ahead):
                continue  # "you love making cakes", "you love making me laugh"
            if s.word(a - 1) in AUX or s.word(a - 1) in ("know", "hope", "if"):
                continue
        hits.append(Hit("blame", a, b, "sarcasm"))
    first = s.first_content()
    for k, w in enumerate(s.words):
        if w in YOU:
            hit = _ought(s, k) or _habit(s, k) or _treats_like(s, k)
            if hit is not None:
                hits.append(hit)
        elif w == "as" and s.word(k + 1) == "usual" and _as_usual_is_charge(s, k):
            hits.append(Hit("blame", k, k + 2, "as_usual"))
        elif w == "like" and s.word(k + 1) in YOU and _like_you_do(s, k):
            hits.append(Hit("blame", k, k + 4, "like_you_do"))
    if s.word(first) in _IRONIC_HOW and s.word(first + 1) == "how":
        rest = s.words[first + 2 :]
        if any(w in _HABIT or w in YOU or w == "your" for w in rest[:12]):
            hits.append(Hit("blame", first, min(len(s), first + 8), "ironic_how"))
    if s.word(first) == "another" and not s.is_question:
        if any(w in YOU or w == "your" for w in s.words[first : first + 10]):
            hits.append(Hit("blame", first, s.clause_end(first, 10), "another"))
    content = [w for w in s.words if w[:1].isalpha()]
    if len(content) == 2 and content[0] in ("real", "very", "so") and content[1] in _MOCK_PRAISE:
        hits.append(Hit("blame", first, first + 2, "mock_praise"))  # "Real mature."
    if s.word(first) == "i" and s.word(first + 1) == "see" and s.word(first + 2) in YOU:
        if any(w in ("again", "still", "forgot", "forgotten") for w in s.words[first + 3 :]):
            hits.append(Hit("blame", first, s.clause_end(first, 12), "i_see_again"))
    if after_interjection and s.word(first) in ("thanks", "thank", "cheers"):
        hits.append(Hit("blame", first, s.clause_end(first, 10), "irony"))
    return hits


def is_interjection(s: Sentence) -> bool:
    """ "Wow." or "Oh great!": a sentence that is only an exclamation."""
    content = [w for w in s.words if w[:1].isalpha()]
    return 0 < len(content) <= 2 and all(w in _INTERJECTIONS for w in content)


def _negated_sarcasm(s: Sentence, start: int) -> bool:
    """ "I don't think you're better than me" denies; "it's not too much to ask" is sincere."""
    return s.negated_before(start, 3) and s.words[start] not in (
        "some",
        "why",
        "apparently",
        "flatter",
    )


def _tag_question(s: Sentence, end: int) -> bool:
    """A tag such as "don't you?" after the charge."""
    rest = s.words[end : end + 6]
    return any(a == "not" and b in YOU for a, b in zip(rest, rest[1:], strict=False))


def _ought(s: Sentence, k: int) -> Hit | None:
    """ "You should be ashamed", "you ought to think about how you treat people": what they
    ought to feel or reflect on, rather than something they could do."""
    j = k + 1
    while j < len(s) and j - k <= 3 and s.words[j] in FILLERS:
        j += 1
    if s.word(j) not in SHOULD:
        return None
    j += 1
    while j < len(s) and j - k <= 6 and (s.words[j] in FILLERS or s.words[j] in ("to", "be")):
        j += 1
    w = s.word(j)
    if w in _OUGHT_TO_FEEL and "be" in s.words[k:j]:
        return Hit("blame", k, j + 1, "ought")
    if w in _THINK_ABOUT:
        ahead = s.words[j + 1 : j + 6]
        if "yourself" in ahead or (
            any(x in ("how", "what", "why") for x in ahead) and any(x in YOU for x in ahead)
        ):
            return Hit("blame", k, s.clause_end(j, 10), "ought")
    return None


def _habit(s: Sentence, k: int) -> Hit | None:
    """ "You keep dumping your work on me": a habit pinned on the person."""
    j = k + 1
    while j < len(s) and j - k <= 3 and (s.words[j] in FILLERS or s.words[j] in AUX):
        j += 1
    if s.word(j) not in ("keep", "keeps", "kept") or s.negated_before(j, 3):
        return None
    nxt = s.word(j + 1)
    if nxt == "on":
        nxt = s.word(j + 2)
    if nxt.endswith("ing") and nxt not in _KIND_HABITS:
        return Hit("blame", k, s.clause_end(j, 8), "habit")
    return None


def _treats_like(s: Sentence, k: int) -> Hit | None:
    """ "You act like I'm your servant", "you treat this house like a hotel"."""
    verb = s.word(k + 1)
    if verb not in ("act", "acts", "acted", "acting", "treat", "treats", "treated", "treating"):
        return None
    end = s.clause_end(k, 10)
    for m in range(k + 2, end):
        if s.words[m] == "like" or (s.words[m] == "as" and s.word(m + 1) in ("if", "though")):
            if any(x in _KIND_COMPARISONS for x in s.words[m + 1 : m + 5]):
                return None
            return Hit("blame", k, end, "treats_like")
    return None


def _as_usual_is_charge(s: Sentence, k: int) -> bool:
    """ "As usual I'm the one cleaning up", "late again as usual" but not "business as usual"."""
    if s.word(k - 1) in ("business", "than"):
        return False
    around = s.words[max(0, k - 8) : k + 10]
    return any(w in YOU or w == "your" or w in ("one", "myself") for w in around)


def _like_you_do(s: Sentence, k: int) -> bool:
    """ "You turned it into a joke like you do": the habit in a tag at the end of a clause."""
    m = k + 2
    if s.word(m) in ("always", "usually"):
        m += 1
    return s.word(m) in ("do", "did", "always") and s.word(m + 1) in CLAUSE_BREAKS | {""}
