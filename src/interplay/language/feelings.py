"""Feelings and needs the speaker names, told apart from thoughts dressed as feelings.

"I feel hurt" names an emotion. "I feel ignored" says what the other person did (an
evaluation, reported as blame). "I feel that you..." and "I feel like you..." are opinions about
the other person. "I need some quiet" names a need; "I need to finish this" is an obligation and
"I need you to..." is a request.
"""

from __future__ import annotations

from interplay.language.clauses import AUX, CLAUSE_BREAKS, DISCOURSE, WINDOW, Hit, Sentence
from interplay.language.patterns import FILLERS
from interplay.language.statement_words import (
    DENIED_FAUX,
    FAUX_FEELINGS,
    FEELING_CAUSE_VERBS,
    FEELING_NOUNS,
    FEELING_VERBS,
    FEELINGS,
    LABELS,
    POSITIVE_FEELINGS,
    WILLINGNESS_FEELINGS,
    words,
)

FEEL_VERBS = words("feel feels felt feeling get gets got getting become became grow growing")
BE = words("am is was were be been being 's are")
MAKE_ME = words("make makes made making leave leaves left leaving")
MULTIWORD_FEELINGS = (
    ("fed", "up"),
    ("sick", "of"),
    ("tired", "of"),
    ("worn", "out"),
    ("burnt", "out"),
    ("burned", "out"),
    ("stressed", "out"),
    ("freaked", "out"),
    ("left", "out"),
    ("on", "edge"),
    ("end", "of", "my", "rope"),
    ("end", "of", "my", "tether"),
    ("like", "crying"),
    ("like", "screaming"),
    ("like", "giving", "up"),
    ("falling", "apart"),
    ("in", "a", "panic"),
    ("over", "the", "moon"),
    ("on", "cloud", "nine"),
    ("down", "in", "the", "dumps"),
    ("done", "in"),
    ("in", "bits"),
    ("at", "my", "wits", "end"),
    ("all", "over", "the", "place"),
    ("not", "myself"),
    ("a", "wreck"),
    ("a", "mess"),
    ("a", "state"),
)
# Words that name how one feels only after "feel": "I feel rough" is a feeling, "I'm rough with
# the dog" is not, "I feel awful" is, "I'm awful at names" is not.
FEEL_ONLY_FEELINGS = words(
    "rough rubbish awful terrible horrible dreadful grim crap bad sick rotten wobbly off ill"
)
# Comparatives that name a feeling: "I'd feel so much calmer".
COMPARATIVE_FEELINGS = words("calmer safer better braver lighter")
# Situations described by the feeling they cause: "it's been so lonely", "work is so stressful".
SITUATION_FEELINGS = words(
    """lonely scary frightening stressful upsetting depressing heartbreaking worrying
    overwhelming terrifying isolating miserable lonesome gutting nerve-wracking nerve-racking
    sad hard-going"""
)
SITUATION_SUBJECTS = words("it this that things life work everything home")
# Bare verbs of hurting with a situation as subject: "that really stung", "it hurt when...".
HURT_VERBS = words("stung stings hurt hurts")
THOUGHT_LINKS = words("that like as")
# Inside a thought about the other person, words that make it an accusation.
ACCUSING = (
    words(
        """not never always only just trying purpose ignoring ignore ignored using use
        manipulating pushing push careless selfish lazy too obviously clearly constantly hiding
        lying avoiding pretending punishing mocking judging blaming deliberately purposely
        stopped enjoy enjoying winding wind testing score rather anywhere"""
    )
    | LABELS
)
NEED_VERBS = words("need needs needed needing")
# "... matters to me", "... is everything to me", "... means the world to me".
VALUE_WORDS = words("matters matter important means meant essential vital everything world")
VALUE_VERBS = words("value treasure cherish prioritise prioritize")
# After "I need to": verbs that name looking after oneself rather than a task.
SELF_CARE_VERBS = words(
    """rest recharge sleep think breathe unwind relax switch slow step feel be recover reset
    decompress vent heal grieve process focus protect breathe eat look know see"""
)
NEED_NOUNS = words(
    """time space rest quiet break sleep help support peace reassurance company breather day
    night nap room hand calm"""
)
OBJECT_PRONOUNS = words("you u him her them us")
# "Happy birthday", "calm down": a feeling word opening a greeting or an instruction.
GREETING_WORDS = words(
    """birthday christmas new anniversary easter holidays holiday hour days day friday weekend
    retirement hanukkah diwali eid down"""
)
_AGREEMENT = words("with to about")
CAUSE_SUBJECTS = words("it this that which what you u he she they work everything")
FREQUENCY = words("always sometimes often usually ever")
# "I'll never stop being proud", "I keep feeling low": verbs that carry a state along.
CONTINUING = words("stop stopped keep kept start started")
# Evaluations of the other person in more than one word: "I felt let down".
MULTIWORD_FAUX = (
    ("let", "down"),
    ("taken", "for", "granted"),
    ("put", "down"),
    ("brushed", "off"),
    ("pushed", "aside"),
    ("walked", "all", "over"),
    ("talked", "down", "to"),
    ("left", "hanging"),
    ("taken", "advantage", "of"),
    ("messed", "around"),
    ("mucked", "about"),
)


def _skip_aux(s: Sentence, k: int) -> int:
    """Step over auxiliaries, negation and fillers after a subject (bounded)."""
    j = k
    while j < len(s) and j - k < WINDOW and (s.words[j] in AUX or s.words[j] in FILLERS):
        j += 1
    return j


def _negated_between(s: Sentence, a: int, b: int) -> bool:
    return any(w in ("not", "never") for w in s.words[a:b])


def _skip_to_subject_verb(s: Sentence, k: int) -> int:
    """Position after "i" plus auxiliaries, negation and fillers."""
    j = k + 1
    while j < len(s) and j - k <= WINDOW:
        w = s.words[j]
        if w in AUX or w in FILLERS or w in ("not", "never") or w in FREQUENCY or w in CONTINUING:
            j += 1
        else:
            break
    return j


def _feeling_chain(s: Sentence, j: int) -> tuple[list[int], int]:
    """Feeling words from j on, joined by "and", "or", commas, "just", "a bit" (bounded).
    Returns their positions and the end of the last one."""
    found: list[int] = []
    last_end = j
    k = j
    while k < len(s) and k - j < 10:
        w = s.words[k]
        multi = multiword_at(s, k)
        if multi:
            found.append(k)
            k += multi
            last_end = k
            continue
        if w in FEELINGS:
            found.append(k)
            last_end = k + 1
        elif w in ("and", "or", "but", ",", "a", "bit", "little", "too", "much", "of"):
            pass
        elif w in FILLERS:
            pass
        else:
            break
        k += 1
    if last_end < len(s) and s.words[last_end] == "too":
        last_end += 1
    return found, last_end


def multiword_at(s: Sentence, k: int) -> int:
    for phrase in MULTIWORD_FEELINGS:
        if tuple(s.words[k : k + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _is_willingness(s: Sentence, k: int) -> bool:
    """ "I'm happy to help" is politeness, not a feeling."""
    return s.words[k] in WILLINGNESS_FEELINGS and s.word(k + 1) == "to"


def find_feelings(s: Sentence) -> list[Hit]:
    """Speaker's feelings ("feeling"), evaluations dressed as feelings ("faux") and opinions
    introduced with "I feel that/like" ("thought", with note "about_you" if aimed at the other)."""
    hits: list[Hit] = []
    n = len(s)
    start = s.first_content()
    for k in range(n):
        w = s.words[k]
        if w == "i":
            hits.extend(_first_person_feeling(s, k))
        elif w in MAKE_ME and s.word(k + 1) == "me":
            hits.extend(_caused_feeling(s, k))
        elif w in FEELING_CAUSE_VERBS | {"bothered", "bothers", "stung"} and s.word(k + 1) == "me":
            subject = k - 1
            while subject > 0 and k - subject <= 3 and s.words[subject] in FILLERS:
                subject -= 1  # "it really upset me"
            if subject >= 0 and s.words[subject][:1].isalpha() and s.words[subject] != "i":
                if s.words[subject] not in AUX and not s.negated_before(k, 3):
                    hits.append(Hit("feeling", subject, k + 2, "caused"))
        elif w == "feeling" and s.word(k - 1) in CLAUSE_BREAKS and k > 0:
            hits.extend(_feel_after(s, k, k))  # "Rough week, feeling pretty low"
        elif w in ("got", "gets", "getting") and s.word(k + 1) == "to" and s.word(k + 2) == "me":
            if _situation_before(s, k):  # "it really got to me"
                hits.append(Hit("feeling", _situation_before(s, k) - 1, k + 3, "caused"))
        elif w in HURT_VERBS and _situation_before(s, k) and s.word(k + 1) != "you":
            hits.append(Hit("feeling", _situation_before(s, k) - 1, k + 1, "caused"))
        elif w in SITUATION_SUBJECTS and _situation_feeling(s, k):
            hits.append(Hit("feeling", k, _situation_feeling(s, k), "caused"))
        elif w in ("break", "breaks", "broke", "breaking") and _heart_after(s, k):
            hits.append(Hit("feeling", max(0, k - 1), k + 3, "caused"))
        elif w == "it" and s.word(k + 1) in ("feels", "felt", "seems", "seemed", "looks"):
            if s.word(k + 2) in ("like", "as", "that"):
                hits.append(_thought(s, k, k + 2))
        elif w in FEEL_VERBS and s.word(k - 1) in ("and", "but", "or") and _speaker_before(s, k):
            hits.extend(_feel_after(s, k, k))
        elif w in FEELING_VERBS and s.word(k - 1) in ("and", "then") and _speaker_before(s, k):
            hits.append(Hit("feeling", k, k + 1, "verb"))
        elif w == "my" and s.word(k + 1) in FEELING_NOUNS:
            hits.append(Hit("feeling", k, k + 2, "noun"))
        elif (
            k == start
            and (w in FEELINGS or multiword_at(s, k))
            and (w not in ("down", "low") or k > 0)  # "bit low today", not "Down the road"
            and s.word(k + 1) not in GREETING_WORDS
        ):
            # A fragment that opens with a feeling: "Exhausted.", "So tired of this".
            chain, end = _feeling_chain(s, k)
            if chain and not _is_willingness(s, k):
                hits.append(Hit("feeling", k, end, "fragment"))
        elif k == start and w in FEEL_VERBS and w != "get":
            hits.extend(_feel_after(s, k, k))
    return hits


_PERSONS = words("i you u we they he she")
_THING_LEADS = words("it that this the what your his her their")


def _situation_before(s: Sentence, k: int) -> int:
    """ "That really stung", "that comment about my weight really hurt": 1 + the position of
    the thing that hurt, or 0. A person as subject ("he hurt his back") is not a feeling, nor
    is a question ("does it hurt?") or a condition ("if it hurts")."""
    j = k - 1
    while j >= 0 and k - j <= 3 and s.words[j] in FILLERS:
        j -= 1
    if j < 0 or s.negated_before(k, 3):
        return 0
    if s.words[j] in ("it", "that", "this"):
        return j + 1 if j == 0 or s.words[j - 1] not in AUX | {"if"} else 0
    if s.words[j] in _PERSONS or s.word(k + 1) not in CLAUSE_BREAKS | {"", "when", "me", "so"}:
        return 0
    m = j
    while m > 0 and j - m < 8 and s.words[m - 1] not in CLAUSE_BREAKS:
        m -= 1
    return m + 1 if s.words[m] in _THING_LEADS else 0  # the clause opens with the thing


def _situation_feeling(s: Sentence, k: int) -> int:
    """ "It's been so lonely since you left": the end of the feeling, or 0. Only at the start of
    a clause, so "I find it scary" is left to the speaker's own clause."""
    if k > 0 and s.words[k - 1] not in CLAUSE_BREAKS and s.words[k - 1] not in DISCOURSE:
        return 0
    j = k + 1
    while j < len(s) and j - k <= 5 and (s.words[j] in BE or s.words[j] in FILLERS):
        j += 1
    if j == k + 1 or not any(w in BE for w in s.words[k + 1 : j]):
        return 0
    if s.word(j) in SITUATION_FEELINGS and not _negated_between(s, k, j):
        return j + 1
    return 0


def _heart_after(s: Sentence, k: int) -> bool:
    return s.word(k + 1) == "my" and s.word(k + 2) == "heart"


def _speaker_before(s: Sentence, k: int) -> bool:
    """ "I'm struggling and feel overwhelmed": the speaker is the subject carried over."""
    return "i" in s.words[max(0, k - 8) : k] and "you" not in s.words[max(0, k - 3) : k]


def _first_person_feeling(s: Sentence, i_pos: int) -> list[Hit]:
    j = _skip_to_subject_verb(s, i_pos)
    negated = _negated_between(s, i_pos, j)
    w = s.word(j)
    if w in FEEL_VERBS:
        return _feel_after(s, i_pos, j, negated)
    if w in FEELING_VERBS:
        if w in ("love",) and (s.word(j + 1) in ("how", "it", "that") or s.word(j - 1) == "would"):
            return []  # "I love how you..." is usually irony; "I'd love" is a wish
        if s.word(j - 1) == "would" or negated:
            return []
        return [Hit("feeling", i_pos, j + 1, "verb")]
    if any(b in BE for b in s.words[i_pos + 1 : j]):
        return _state_after(s, i_pos, j, negated)
    if w in ("have", "got") and s.word(j + 1) in FEELING_NOUNS:
        return [Hit("feeling", i_pos, j + 2, "noun")]
    return []


def _state_after(s: Sentence, i_pos: int, j: int, negated: bool) -> list[Hit]:
    """After "I am/was/have been ...": a feeling, a faux feeling or nothing."""
    if s.word(j) in FAUX_FEELINGS and s.word(j) not in ("used", "lied"):
        return []  # "I was ignored" reports an event; only "I feel ignored" is a faux feeling
    if negated and s.word(j) in POSITIVE_FEELINGS and s.word(j + 1) not in _AGREEMENT:
        if s.word(j + 1) != "enough":  # "I'm not good enough" is a verdict on oneself
            return [Hit("feeling", i_pos, j + 1, "denied")]  # "I'm not okay", "I'm not fine"
    if s.word(j) == "mad" and s.word(j + 1) not in ("about", "on", "for") and not negated:
        return [Hit("feeling", i_pos, j + 1, "state")]  # "I'm so mad"
    chain, end = _feeling_chain(s, j)
    if negated and not chain:
        # "I'm not mad, just disappointed": the denial clears the way for the feeling named.
        for m in range(j + 1, min(len(s), j + 4)):
            if s.words[m] in ("just", "only", "but") and s.word(m + 1) in FEELINGS:
                chain, end = _feeling_chain(s, m + 1)
                return [Hit("feeling", m + 1, end, "state")] if chain else []
    if not chain or _is_willingness(s, chain[0]):
        return []
    if negated and not _counts_when_denied(s, chain):
        return []
    return [Hit("feeling", i_pos, end, "state")]


def _counts_when_denied(s: Sentence, chain: list[int]) -> bool:
    """ "I'm not angry, just tired" still names tiredness; "I'm not upset" names nothing, while
    "I don't feel safe" names unease."""
    if s.words[chain[0]] in POSITIVE_FEELINGS:
        return True
    return len(chain) > 1


def _feel_after(s: Sentence, i_pos: int, j: int, negated: bool = False) -> list[Hit]:
    """After a feeling verb: an emotion, an evaluation, or a thought."""
    k = j + 1
    while k < len(s) and k - j <= 3 and s.words[k] in FILLERS | {"a", "bit", "little"}:
        k += 1
    w = s.word(k)
    if w in FAUX_FEELINGS:
        faux = Hit("faux", i_pos, k + 1, "faux")
        if s.word(k + 1) in ("and", "or") and s.word(k + 2) in FEELINGS:
            # "I felt dismissed and sad": the evaluation, then a real feeling
            chain, end = _feeling_chain(s, k + 2)
            return [faux, Hit("feeling", k + 2, end, "after_faux")]
        return [faux]
    for phrase in MULTIWORD_FAUX:
        if tuple(s.words[k : k + len(phrase)]) == phrase:
            return [Hit("faux", i_pos, k + len(phrase), "faux")]
    if negated and w in POSITIVE_FEELINGS and w not in FEELINGS and s.word(k + 1) != "enough":
        return [Hit("feeling", i_pos, k + 1, "denied")]  # "I'm not feeling great"
    if negated and w in DENIED_FAUX:
        end = k + 2 if s.word(k + 1) == "to" else k + 1
        return [Hit("faux", i_pos, end, "denied")]
    if w not in FEELINGS and s.word(k + 1) in ("and", "or") and s.word(k + 2) in FEELINGS:
        k += 2  # "I felt small and embarrassed": the named emotion is the second word
        w = s.word(k)
    multi = multiword_at(s, k)
    if w in ("more", "less", "much") and s.word(k + 1) in FEELINGS | COMPARATIVE_FEELINGS:
        k += 1
        w = s.word(k)
    if (w in FEEL_ONLY_FEELINGS or w in COMPARATIVE_FEELINGS) and not negated:
        if s.word(k + 1) not in ("about", "for", "that") or w in ("bad", "awful", "terrible"):
            if not (w in ("bad", "sick", "ill", "off") and s.word(k + 1) in ("at", "of", "to")):
                return [Hit("feeling", i_pos, k + 1, "feel")]
    if w in FEELINGS or multi:
        chain, end = _feeling_chain(s, k)
        if chain and not (negated and not _counts_when_denied(s, chain)):
            return [Hit("feeling", i_pos, end, "feel")]
        return []
    if w in THOUGHT_LINKS or w in ("you", "your", "u") or w in ("this", "it", "we", "nobody"):
        return [_thought(s, i_pos, k)]
    return []


def _thought(s: Sentence, i_pos: int, k: int) -> Hit:
    """ "I feel that/like ...": an opinion. Aimed at the other person when "you" follows with an
    accusing word."""
    end = min(len(s), k + 16)
    you_at = -1
    for m in range(k, end):
        w = s.words[m]
        if w in ("?", ".", "!", "\n", ";"):
            end = m
            break
        if w in ("you", "your", "u") and you_at < 0:
            you_at = m
    if you_at >= 0:
        for m in range(you_at + 1, min(end, you_at + 8)):
            if s.words[m] in ACCUSING:
                # "I feel that this plan won't work and that you're ignoring..." starts with
                # the speaker's own view before turning on the other person.
                note = "about_you" if you_at <= k + 2 else "about_you_later"
                return Hit("thought", i_pos, min(end, you_at + 8), note)
    return Hit("thought", i_pos, k + 1, "own")


def _caused_feeling(s: Sentence, k: int) -> list[Hit]:
    """ "It makes me anxious", "you make me so angry", "leaves me drained"."""
    j = k + 2
    if s.word(j) in ("feel", "feeling"):
        j += 1
    while j < len(s) and j - k < 6 and s.words[j] in FILLERS | {"a", "bit"}:
        j += 1
    chain, end = _feeling_chain(s, j)
    if not chain:
        return []
    start = k
    for m in range(k - 1, max(-1, k - 4), -1):
        if s.words[m] in CAUSE_SUBJECTS:
            start = m  # "you always make me...": the subject, for telling own from blamed
            break
        if s.words[m] in CLAUSE_BREAKS:
            break
    return [Hit("feeling", start, end, "caused")]


def find_needs(s: Sentence) -> list[Hit]:
    """Needs and values of the speaker. The phrase is the need itself, for the rewrite."""
    hits: list[Hit] = []
    start = s.first_content()
    for k in range(len(s)):
        w = s.words[k]
        if w in NEED_VERBS and (s.word(k - 1) in ("i",) or _aux_back_to_i(s, k) or k == start):
            hit = _need_object(s, k)
            if hit is not None:
                hits.append(hit)
        elif (
            (w == "use" and "could" in s.words[max(0, k - 3) : k] and _aux_back_to_i(s, k))
            or (w == "with" and s.word(k - 1) == "do" and "could" in s.words[max(0, k - 4) : k])
            and _aux_back_to_i(s, k - 1)
        ):
            hit = _need_object(s, k)
            if hit is not None:
                hits.append(hit)
        elif w in VALUE_VERBS and (s.word(k - 1) == "i" or _aux_back_to_i(s, k)):
            end = s.clause_end(k + 1, 8)
            if end > k + 1:
                hits.append(Hit("need", k - 1, end, "value", (k + 1, end)))
        elif w == "me" and s.word(k - 1) in ("to", "for"):
            hit = _value_to_me(s, k)
            if hit is not None:
                hits.append(hit)
    return hits


def _aux_back_to_i(s: Sentence, k: int) -> bool:
    """ "I really need", "I'll need", "I still need": "i" a few helper words back."""
    j = k - 1
    while j >= 0 and k - j <= 4:
        w = s.words[j]
        if w == "i":
            return True
        if w in ("not", "never") or not (w in AUX or w in FILLERS or w == "could"):
            return False
        j -= 1
    return False


def _need_object(s: Sentence, k: int) -> Hit | None:
    nxt = s.word(k + 1)
    if not nxt or nxt in CLAUSE_BREAKS or nxt in OBJECT_PRONOUNS or nxt in ("?", "!"):
        return None
    if s.word(k - 1) == "i":
        subject = k - 1
    elif k > 0 and s.word(k - 1) in AUX | FILLERS | {"could"}:
        subject = k - 1
        while subject > 0 and s.words[subject] != "i" and k - subject < 5:
            subject -= 1
    else:
        subject = k
    if nxt == "to":
        verb = s.word(k + 2)
        if verb not in SELF_CARE_VERBS and not _chosen_myself(s, k + 2):
            return None
        if verb in ("look",) and s.word(k + 3) != "after":
            return None
        if verb == "know" and s.word(k + 3) not in ("i", "that", "you", "we"):
            return None  # "I need to know I can count on you" is a need; "...know by Friday" not
        if verb == "see" and s.word(k + 3) not in ("friends", "people", "family", "you", "more"):
            return None
        end = s.clause_end(k + 2, 8)
        return Hit("need", subject, end, "need_to", (k + 1, end))
    end = s.clause_end(k + 1, 8)
    return Hit("need", subject, end, "need", (k + 1, end))


def _chosen_myself(s: Sentence, k: int) -> bool:
    """ "I need to make this decision myself": autonomy is a need."""
    end = s.clause_end(k, 6)
    return any(w in ("myself", "own") for w in s.words[k:end])


def _value_to_me(s: Sentence, me: int) -> Hit | None:
    """ "Rest matters to me", "it's important to me that...", "it means a lot to me"."""
    j = me - 2
    reach = 0
    while j >= 0 and reach < 5:
        w = s.words[j]
        if w in VALUE_WORDS:
            break
        if w in CLAUSE_BREAKS:
            return None
        j -= 1
        reach += 1
    else:
        return None
    if j < 0 or s.negated_before(j, 3):
        return None
    start = s.clause_start(j)
    if start < j and s.words[start] in DISCOURSE:
        start += 1
    phrase_start, phrase_end = start, j
    if s.words[start] in ("it", "this", "that") and s.word(me + 1) in ("that", "to", "when"):
        phrase_start, phrase_end = me + 1, s.clause_end(me + 2, 10)
    while phrase_end > phrase_start and s.words[phrase_end - 1] in AUX | FILLERS | {"a", "lot"}:
        phrase_end -= 1
    return Hit("need", start, me + 1, "value", (phrase_start, phrase_end))
