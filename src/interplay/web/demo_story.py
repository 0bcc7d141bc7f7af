"""The people of the demo practice and their three months, written for Interplay.

Everything here is invented. Each client has a starting and a latest way of answering the
self-assessment, scale by scale (keyed 1..5, as the core counts it); the seeding turns these into
item-by-item answer sets that drift from one to the other, so the real core scores every
assessment and the history shows real, modest movement. Journal entries and session notes are
in our own words; most entries stay private, as they would.
"""

from __future__ import annotations

from dataclasses import dataclass

from interplay.core.vocabulary import Scale

S = Scale


@dataclass(frozen=True)
class DemoClient:
    key: str
    name: str
    email: str
    start: dict[Scale, float]
    latest: dict[Scale, float]
    # (days ago, title, body, shared)
    entries: tuple[tuple[int, str, str, bool], ...]
    # (days ago, note, follow-up)
    notes: tuple[tuple[int, str, str], ...]
    assessed: bool = True


MAYA = DemoClient(
    key="maya",
    name="Maya (demo)",
    email="maya@demo.interplay.test",
    # Proud of managing alone, lonely and tired; firm with some people, drained by others.
    start={
        S.DEPENDENCE: 1.6,
        S.OVER_INDEPENDENCE: 4.8,
        S.INTERDEPENDENCE: 1.8,
        S.RIGID_BOUNDARIES: 4.0,
        S.POROUS_BOUNDARIES: 4.2,
        S.CONFLUENCE: 2.2,
        S.FEAR_OF_INDEPENDENCE: 1.2,
        S.PERFECTIONISM: 4.8,
        S.VULNERABILITY_FEAR: 4.6,
        S.CULTURAL_PRESSURE: 3.2,
        S.PAST_EXPERIENCE: 2.4,
    },
    # Three months on: still standing alone, but asking a little and saying no a little.
    latest={
        S.DEPENDENCE: 1.8,
        S.OVER_INDEPENDENCE: 3.9,
        S.INTERDEPENDENCE: 2.8,
        S.RIGID_BOUNDARIES: 3.6,
        S.POROUS_BOUNDARIES: 3.6,
        S.CONFLUENCE: 2.0,
        S.FEAR_OF_INDEPENDENCE: 1.2,
        S.PERFECTIONISM: 4.0,
        S.VULNERABILITY_FEAR: 3.6,
        S.CULTURAL_PRESSURE: 3.0,
        S.PAST_EXPERIENCE: 2.4,
    },
    entries=(
        (
            86,
            "Why I said yes to coaching",
            "Everyone thinks I have it sorted. The flat, the promotion, the running. What nobody "
            "sees is Sunday evening, when I sit with a list of things only I can do and feel "
            "nothing but tired.",
            True,
        ),
        (
            80,
            "The boiler",
            "The boiler went and I spent two hours on hold rather than text my brother, who fixes "
            "these for a living. Asking him felt worse than the cold. That is worth looking at.",
            False,
        ),
        (
            71,
            "Priya's deadline",
            "Priya asked me to cover her report again. I said yes before she had finished the "
            "sentence and then resented her all evening. The yes comes out faster than I can "
            "think.",
            True,
        ),
        (
            63,
            "Dinner with Jo",
            "Jo asked how I really was and I changed the subject to her kitchen. I noticed myself "
            "doing it this time.",
            False,
        ),
        (
            55,
            "A small ask",
            "Asked Dev to read my slides before the board meeting. He had three good comments and "
            "seemed pleased to be asked. The sky did not fall.",
            True,
        ),
        (
            46,
            "Tired",
            "Worked until eleven three nights running. I keep telling myself it is temporary.",
            False,
        ),
        (
            37,
            "Saying I need a day",
            "When Priya came with the next favour I said I needed a day to think about it. My "
            "heart was going, but she just said fine. I did not cover it in the end.",
            True,
        ),
        (
            28,
            "My mother's voice",
            "Sorting out Mum's paperwork I heard her saying what she always said: nobody is coming "
            "to help you, so get on with it. I think I took that in very early.",
            False,
        ),
        (
            19,
            "Letting my brother fix the shelf",
            "I let Tom put up the shelf. I hovered, I wanted to take the drill off him, and I "
            "didn't. We had tea afterwards and it was nice. Odd how hard that was.",
            True,
        ),
        (
            9,
            "Where I am now",
            "Still my first instinct to do it all myself. But I can see the instinct now, and "
            "sometimes I wait a beat before I act on it.",
            False,
        ),
        (
            3,
            "Weekend",
            "Quiet weekend. Read, walked, did not check email. Felt almost restless.",
            False,
        ),
    ),
    notes=(
        (
            84,
            "First session. Maya describes a life built on managing alone; loneliness and "
            "exhaustion sit underneath. Strong pride in self-reliance. Agreed to notice moments of "
            "'I'll just do it myself' this fortnight.",
            "",
        ),
        (
            70,
            "Explored the boiler story. Asking feels like exposure, 'being a burden'. Linked "
            "to messages from her mother about coping alone. Chose a low-stakes experiment: ask "
            "a colleague for feedback on something small.",
            "",
        ),
        (
            56,
            "She asked Dev for feedback and it went well. Surprise that he liked being asked. "
            "Began on the other side: saying yes to Priya too quickly, then resentment.",
            "",
        ),
        (
            42,
            "Rehearsed 'I need a day to think' for requests at work. Some tears when talking "
            "about being the capable one in the family.",
            "",
        ),
        (
            28,
            "Said no to Priya, with a pause first. Proud and shaky. Mother's voice came up "
            "again: worth going gently there.",
            "",
        ),
        (
            14,
            "Let her brother help with the shelf. Talked about what trust with Tom could look "
            "like. Re-assessment due soon: she is curious to see whether anything has moved.",
            "Ask how the conversation with Tom about the holidays went",
        ),
    ),
)

LEON = DemoClient(
    key="leon",
    name="Leon (demo)",
    email="leon@demo.interplay.test",
    # Leans on others to decide and to feel safe; finds it hard to know his own view.
    start={
        S.DEPENDENCE: 4.6,
        S.OVER_INDEPENDENCE: 1.6,
        S.INTERDEPENDENCE: 2.8,
        S.RIGID_BOUNDARIES: 1.6,
        S.POROUS_BOUNDARIES: 4.4,
        S.CONFLUENCE: 4.0,
        S.FEAR_OF_INDEPENDENCE: 4.6,
        S.PERFECTIONISM: 2.2,
        S.VULNERABILITY_FEAR: 2.4,
        S.CULTURAL_PRESSURE: 3.6,
        S.PAST_EXPERIENCE: 3.4,
    },
    latest={
        S.DEPENDENCE: 3.8,
        S.OVER_INDEPENDENCE: 1.8,
        S.INTERDEPENDENCE: 3.2,
        S.RIGID_BOUNDARIES: 1.8,
        S.POROUS_BOUNDARIES: 3.8,
        S.CONFLUENCE: 3.4,
        S.FEAR_OF_INDEPENDENCE: 3.8,
        S.PERFECTIONISM: 2.2,
        S.VULNERABILITY_FEAR: 2.4,
        S.CULTURAL_PRESSURE: 3.4,
        S.PAST_EXPERIENCE: 3.4,
    },
    entries=(
        (
            82,
            "Choosing a sofa",
            "Sent photos of three sofas to my sister, two friends and my old flatmate. Still "
            "have not chosen. I honestly do not know which one I like.",
            True,
        ),
        (
            74,
            "After the call with Dad",
            "Dad said the new job sounds risky. I had been excited and now I am not sure. I "
            "wish I could keep hold of my own opinion for longer than one phone call.",
            False,
        ),
        (
            60,
            "Decided alone",
            "Booked the course without asking anyone first. Felt sick for an hour, then quite "
            "proud.",
            True,
        ),
        (
            45,
            "Sam's mood",
            "When Sam is low I go low with him, like there is no line between us. By the evening "
            "I could not tell which of us was upset about what.",
            False,
        ),
        (
            31,
            "What I want",
            "Wrote a list of things I want for the year without showing it to anyone. It is "
            "short, but it is mine.",
            True,
        ),
        (
            16,
            "Weekend plans",
            "Suggested the walk myself instead of waiting to see what everyone else wanted. "
            "People came.",
            False,
        ),
        (
            5,
            "Nerves",
            "Interview on Thursday. I have practised on my own this time instead of asking four "
            "people to mock-interview me.",
            False,
        ),
    ),
    notes=(
        (
            80,
            "First session. Leon checks most decisions with several people; feels lost when "
            "opinions differ. Strong family ties, lots of warmth. Curious about what he wants.",
            "",
        ),
        (
            62,
            "Booked the course alone: first decision without a poll. Explored the fear that "
            "deciding alone means being on his own.",
            "",
        ),
        (
            44,
            "Talked about Sam and merging into his moods. Introduced the idea of noticing "
            "where he ends and Sam begins. Gentle: lots of feeling here.",
            "",
        ),
        (
            30,
            "The private list of wants. Leon surprised that it felt good rather than lonely. "
            "Next: one small preference voiced out loud each day.",
            "",
        ),
        (
            12,
            "Practising for the interview on his own. Wants to tell his father about the job "
            "after deciding, not before.",
            "Check in on the interview and whether he told his dad after deciding",
        ),
    ),
)

HANA = DemoClient(
    key="hana",
    name="Hana (demo)",
    email="hana@demo.interplay.test",
    # Mostly give and take already; working on staying herself in a new team.
    start={
        S.DEPENDENCE: 2.2,
        S.OVER_INDEPENDENCE: 2.6,
        S.INTERDEPENDENCE: 4.0,
        S.RIGID_BOUNDARIES: 2.2,
        S.POROUS_BOUNDARIES: 2.8,
        S.CONFLUENCE: 2.4,
        S.FEAR_OF_INDEPENDENCE: 2.0,
        S.PERFECTIONISM: 3.0,
        S.VULNERABILITY_FEAR: 2.4,
        S.CULTURAL_PRESSURE: 2.6,
        S.PAST_EXPERIENCE: 2.2,
    },
    latest={
        S.DEPENDENCE: 2.0,
        S.OVER_INDEPENDENCE: 2.2,
        S.INTERDEPENDENCE: 4.4,
        S.RIGID_BOUNDARIES: 2.0,
        S.POROUS_BOUNDARIES: 2.2,
        S.CONFLUENCE: 2.0,
        S.FEAR_OF_INDEPENDENCE: 1.8,
        S.PERFECTIONISM: 2.6,
        S.VULNERABILITY_FEAR: 2.0,
        S.CULTURAL_PRESSURE: 2.4,
        S.PAST_EXPERIENCE: 2.0,
    },
    entries=(
        (
            78,
            "New team",
            "First week leading the new team. I kept offering to take things on so people would "
            "like me. Old habit when I am nervous.",
            True,
        ),
        (
            58,
            "Asking for cover",
            "Asked Lou to cover Friday so I could go to my niece's recital. Easy, and I will "
            "return the favour.",
            False,
        ),
        (
            39,
            "Feedback",
            "Told Marco his draft needed more work, and kept it kind. We are fine. I used to "
            "lose sleep over that sort of thing.",
            True,
        ),
        (
            20,
            "Balance",
            "Good month. I can lean on people and still feel like myself. Want to keep an eye on "
            "over-offering when I am stressed.",
            False,
        ),
        (6, "Quiet no", "Turned down the extra committee. Felt fine about it.", False),
    ),
    notes=(
        (
            76,
            "Hana came for support with a new leadership role. Solid give and take in most "
            "relationships; tends to over-offer when anxious.",
            "",
        ),
        (
            48,
            "Reviewed the team weeks. Named the over-offering pattern; she has already "
            "started pausing before volunteering.",
            "",
        ),
        (
            20,
            "Talked about ending: Hana feels close to done. Plan a review session and a last "
            "re-assessment.",
            "Agree a date for the review session",
        ),
    ),
)

OLLIE = DemoClient(
    key="ollie",
    name="Ollie (demo)",
    email="ollie@demo.interplay.test",
    start={},
    latest={},
    entries=(),
    notes=(
        (
            4,
            "Introductory call. Ollie joined last week and has not taken the "
            "self-assessment yet; he wants to understand why he keeps friends at a distance.",
            "Send a reminder about the self-assessment",
        ),
    ),
    assessed=False,
)

CLIENTS: tuple[DemoClient, ...] = (MAYA, LEON, HANA, OLLIE)
# Days ago of each client's three assessments: about three months of history.
ASSESSMENT_DAYS = (90, 47, 4)
# Weekly check-ins over the same months, with the odd week missed as real weeks are.
PULSE_DAYS = tuple(day for day in range(88, 0, -7) if day not in (53, 25))
# Per-item nudges, so the items of one scale are not answered identically (as nobody does).
ITEM_NUDGES = (0.0, 0.4, -0.4, 0.0, 0.3)
