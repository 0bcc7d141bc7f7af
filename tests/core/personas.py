"""Answer sets for people the article describes, written item by item as each would answer.

Each string holds one scale's raw answers (1 strongly disagree .. 5 strongly agree) in the
order the items appear in items.toml; reverse-keyed items are answered as the person would,
not pre-flipped. Who each person is: docs/instrument.md, "Personas".
"""

from interplay.core.instrument import instrument_items
from interplay.core.vocabulary import Scale

ORDER = (
    Scale.DEPENDENCE,
    Scale.OVER_INDEPENDENCE,
    Scale.INTERDEPENDENCE,
    Scale.RIGID_BOUNDARIES,
    Scale.POROUS_BOUNDARIES,
    Scale.CONFLUENCE,
    Scale.FEAR_OF_INDEPENDENCE,
    Scale.PERFECTIONISM,
    Scale.VULNERABILITY_FEAR,
    Scale.CULTURAL_PRESSURE,
    Scale.PAST_EXPERIENCE,
)


def answers_from(rows: str) -> dict[str, int]:
    """`rows`: eleven groups of digits separated by spaces, one group per scale in ORDER."""
    groups = rows.split()
    assert len(groups) == len(ORDER)
    answers: dict[str, int] = {}
    for scale, digits in zip(ORDER, groups, strict=True):
        scale_items = [item for item in instrument_items() if item.scale == scale]
        assert len(digits) == len(scale_items), scale
        for item, digit in zip(scale_items, digits, strict=True):
            answers[item.id] = int(digit)
    return answers


#                 dep   oi    int   rig   por   con   fi   pf   vf   cp   pe
MAYA = answers_from("12255 55412 22244 44423 44523 23253 1112 5445 5454 4214 2133")
DEPENDENT = answers_from("55421 12245 23411 12255 54412 44422 5454 2312 3322 2441 4423")
INTERDEPENDENT = answers_from("22244 23244 54412 21254 22244 22145 2112 2221 2212 2322 2221")
WITHDRAWN = answers_from("32422 42322 21244 44522 32333 44323 4342 2322 5544 2222 3354")
