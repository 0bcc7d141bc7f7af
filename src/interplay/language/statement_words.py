"""Word lists for the statement coach.

Kept as plain data so a coach can read and extend them. Each list says in its comment what
belongs in it and why; the choices behind them are explained in docs/language.md.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Emotions a person can own. Words that describe what someone else did to you ("ignored",
# "used") are not here: they are in FAUX_FEELINGS.
FEELINGS = words(
    """hurt sad anxious tired overwhelmed worried scared afraid frightened nervous lonely
    frustrated angry furious annoyed irritated upset stressed exhausted drained low down
    happy glad grateful thankful relieved excited hopeful confused embarrassed ashamed guilty
    jealous resentful disappointed heartbroken gutted miserable hopeless helpless uneasy
    uncomfortable unsafe panicky tense calm content joyful delighted proud touched moved torn
    awkward knackered shattered weary sleepy homesick disheartened discouraged impatient
    cross livid bitter hurting sorrowful depressed blue flat numb vulnerable insecure pleased
    thrilled terrified bored restless lost desperate fragile raw overloaded overstretched
    panicked devastated distressed agitated apprehensive jittery
    wary shaky sore rattled shaken humiliated mortified nervy antsy grumpy miffed peeved
    irritable defeated deflated sadder happier lonelier angrier envious isolated
    alone overjoyed elated cheerful optimistic safe comfortable relaxed secure confident
    peaceful rested energised energized loved connected disconnected wiped frazzled welcome
    chuffed heartsick anguished
    unhappy affectionate amazed amused appreciative astonished blissful buoyant carefree
    compassionate composed curious eager encouraged enthusiastic exhilarated fascinated
    fulfilled giddy gleeful gratified inspired intrigued invigorated jubilant merry refreshed
    satisfied serene surprised tender tranquil upbeat hesitant horrified alarmed aggravated
    bewildered brokenhearted concerned dejected despairing despondent detached disgruntled
    disenchanted disgusted dismayed displeased disturbed downcast downhearted edgy embittered
    exasperated fatigued fearful fidgety forlorn gloomy harried irate irked lethargic listless
    mopey morose mournful nettled perplexed pessimistic puzzled reluctant shocked startled
    troubled unnerved unsettled uptight vexed wistful withdrawn woeful wretched buzzing
    stoked narked mardy overwrought worn-out burnt-out stressed-out grief-stricken"""
)
# Not listed although they describe people: words that in "I'm ..." usually mean something
# else ("free" = available, "cool" = fine with it, "hot", "cold", "quiet", "sorry", "sensitive",
# "mean", "lazy", "heavy", "beat").

# Feelings that count when they are denied: "I don't feel safe" names unease.
POSITIVE_FEELINGS = words(
    """happy glad calm content safe comfortable relaxed secure confident okay ok good
    peaceful rested energised energized hopeful loved connected grateful thankful relieved
    pleased excited proud cheerful optimistic fine alright welcome great"""
)

# Positive feelings that are also everyday politeness ("I'm happy to help", "good to know").
# Counted only when they are not followed by "to <verb>".
WILLINGNESS_FEELINGS = words("happy glad pleased good okay ok fine")

# Emotion nouns: "my anxiety", "so much stress".
FEELING_NOUNS = words(
    """anxiety sadness fear anger stress grief loneliness guilt shame resentment frustration
    joy relief panic dread worry despair heartache jealousy"""
)

# Verbs of feeling with the speaker as subject: "I miss you", "I worry".
FEELING_VERBS = words(
    """miss missing missed worry worrying panic panicking dread dreading resent resenting love
    adore regret regretting fear"""
)

# Things that happen to the speaker and name an emotion: "it upset me", "it scares me".
FEELING_CAUSE_VERBS = words(
    """upset upsets upsetting hurt hurts hurting scares scared scare worries worried worry
    frustrates frustrated frustrate annoys annoyed annoy stresses stressed stress frightens
    frightened saddens saddened embarrassed embarrasses angers angered"""
)

# Words dressed as feelings that say what the other person did: an evaluation, not an emotion.
FAUX_FEELINGS = words(
    """ignored manipulated used disrespected betrayed attacked belittled cheated unappreciated
    undervalued unheard unseen invisible dismissed criticised criticized judged abandoned
    neglected rejected patronised patronized controlled pressured pressurised pressurized
    blamed bullied tricked provoked insulted intimidated unsupported unloved unwanted
    cornered smothered suffocated exploited mistreated overlooked sidelined excluded
    misunderstood guilted gaslit gaslighted lied"""
)

# Positive states that, when denied, accuse: "I don't feel heard".
DENIED_FAUX = words(
    "heard respected valued appreciated supported listened seen understood wanted cared"
)

# Labels for a person. "You are <label>" judges the person rather than describing an action.
LABELS = words(
    """selfish lazy careless rude inconsiderate thoughtless unreasonable ridiculous impossible
    useless pathetic hopeless stupid dramatic childish immature controlling demanding needy
    clingy cold mean cruel toxic irresponsible unreliable arrogant insensitive paranoid crazy
    mad difficult annoying manipulative dishonest liar nightmare joke pain idiot disaster child
    baby hypocrite bully snob slob overbearing unfair horrible awful terrible unbearable
    negative obsessed entitled spoilt spoiled ungrateful unhelpful unsupportive wrong
    passive-aggressive two-faced self-centred self-centered self-absorbed narcissist
    narcissistic jerk useless incompetent
    disgusting pig princess martyr ignorant hysterical irrational sloppy
    messy stingy tight greedy bossy nosy jealous possessive petty sulky moody grumpy fussy
    overreacting exaggerating lying sulking nagging whining moaning unbelievable maniac lunatic
    toddler teenager brat nutter psycho queen coward freak disrespectful hurtful heartless
    spineless clueless thick dense nasty vile callous condescending patronising patronizing
    smug vain shallow fake phoney phony sneaky sly deceitful untrustworthy unfaithful
    disloyal flaky flake cheat loser failure moron muppet plonker prat twit numpty wimp creep
    pest nag seeker know-it-all show-off slacker scrounger freeloader parasite hothead
    crybaby judgemental judgmental obsessive neurotic unhinged mental dumb stubborn lazy
    impossible insufferable infuriating useless"""
)

# Words that make "you're too ..." kind rather than critical.
KIND_WORDS = words("kind good generous sweet lovely thoughtful nice helpful")

# Verbs whose denial accuses: "you don't care", "you never listen".
DENIED_CARE_VERBS = words(
    """care listen help respect appreciate value think try bother notice consider support
    ask understand get pull make give thank apologise apologize contribute"""
)

# Things that are only bad: "your constant ...", "your attitude".
BAD_POSSESSIONS = words(
    """constant endless incessant stupid ridiculous pathetic selfish lazy fault attitude
    problem mess excuses moaning nagging whining drama tantrums tantrum behaviour behavior
    lies sulking rudeness laziness selfishness nonsense obsession sarcasm temper moods
    negativity jealousy lateness criticism nastiness arrogance ego snide constant"""
)

# Traits that make "you're so ..." / "you're such a ..." kind or neutral rather than critical.
POSITIVE_TRAITS = words(
    """kind good generous sweet lovely thoughtful nice helpful right brave clever funny patient
    caring strong wonderful amazing brilliant great star gem angel sweetheart legend darling
    treasure love babe beautiful talented smart wise supportive considerate busy tired young
    lucky far close good talented organised organized calm understanding gentle fun"""
)

# Plain roles and kind names: "you're a parent now", "you're a lifesaver" are not labels.
ROLES = words(
    """friend mum dad mother father parent adult grown-up teacher doctor nurse member part
    partner wife husband sister brother son daughter colleague manager boss neighbour neighbor
    lifesaver hero godsend saint natural genius help gift credit pleasure joy rock team person
    human woman man girl boy kid student volunteer professional"""
)

# Kind things said with "always": "you always make me laugh" is praise, not blame.
PRAISE_WORDS = words(
    """laugh smile help helps helped support supports kind generous there listen listens
    know knows welcome welcoming lovely brilliant great good patient thoughtful sweet
    happy"""
)

# Words that generalise.
ABSOLUTES = words(
    """always never constantly constant forever nobody everyone everybody everything nothing
    everywhere noone endless incessant nonstop"""
)
NEGATORS = words("not never no nobody nothing without hardly barely")
ANY_WORDS = words("anyone anybody anything")

# Verbs of thinking that make "I <verb> you ..." a claim about the other person.
COGNITIVE_VERBS = words(
    """think thought feel felt feeling know knew bet guess reckon suppose believe suspect
    sense imagine assume"""
)

# Words that start a subordinate clause: "I" after them is not the speaker's main statement.
SUBORDINATORS = words(
    "when whenever how what where who whom which while until unless although though every"
)

# Requested actions that are too vague to act on.
VAGUE_ACTIONS = words(
    """care respect understand appreciate change try be make grow act behave love trust open
    communicate improve consider think stop value see"""
)
CONCRETE_AFTER_STOP = words(
    """texting calling shouting interrupting smoking leaving talking taking borrowing coming
    messaging emailing commenting using playing asking making slamming"""
)
VAGUE_WORDS = words("more less better nicer kinder sometimes harder effort properly")

# Markers of time, amount or place that make a request doable.
CONCRETE_MARKERS = words(
    """monday tuesday wednesday thursday friday saturday sunday today tonight tomorrow
    morning afternoon evening weekend week weekends weeknights night nights by at before after
    until till o'clock am pm noon midnight minutes hour hours days january february
    one two three four five six seven eight nine ten eleven twelve half quarter
    march april may june july august september october november december daily weekly"""
)

# Verbs a person can be asked to do. Used to tell a direct request ("Text me when you land")
# from a statement that happens to start with a verb.
IMPERATIVE_VERBS = words(
    """text call ring send tell give take come pick bring drop check put keep leave stop wash
    book ask remind meet let email message phone pop turn close open clear help move share
    split wait knock try do make sort tidy clean cook pay lend return write reply answer agree
    swap look hold collect fetch walk drive join talk use plan set change skip cancel"""
)

# Imperatives that are idioms, not requests.
NOT_REQUEST_STARTS = words(
    "feel never don't thank thanks sorry trust look listen come see guess imagine forget mind"
)

# Modals that can open a request when followed by "you" or "we".
REQUEST_MODALS = words("could can would will might")
PEOPLE_ASKED = words("you we everyone everybody u both")
