"""What the map page shows, computed once in Python (templates only display it): the picture's
geometry, its table, the recommendations with their people, and the reciprocity summary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from interplay.core.relationship_layout import Balance, MapLayout, layout_map
from interplay.core.relationships import (
    ReciprocitySummary,
    Recommendation,
    reciprocity_summary,
    recommend,
)
from interplay.core.vocabulary import PersonBoundary, RecommendationKind
from interplay.web.reasons import Audience
from interplay.web.relationships.mapping import core_people
from interplay.web.relationships.models import MapPerson

RECOMMENDATION_TITLES = {
    RecommendationKind.LOOSEN: gettext_lazy("Consider loosening"),
    RecommendationKind.FIRM_UP: gettext_lazy("Consider firming up"),
    RecommendationKind.RECIPROCITY_GAP: gettext_lazy("A reciprocity gap"),
    RecommendationKind.CONNECTION_GAP: gettext_lazy("A connection gap"),
}
# What each recommendation says, to the person whose map it is and to their coach (about
# them). The core's English rules (core/relationships.py RULES) are for the CLI; pages read these.
RECOMMENDATION_TEXTS: dict[Audience, dict[RecommendationKind, Promise]] = {
    "client": {
        RecommendationKind.LOOSEN: gettext_lazy(
            "You trust these people and time with them does not drain you, yet your boundary "
            "with them is rigid. Somewhere this safe may be a good place to let a little more in."
        ),
        RecommendationKind.FIRM_UP: gettext_lazy(
            "Time with these people leaves you drained and your boundary with them is porous. "
            "A firmer boundary here could protect your energy."
        ),
        RecommendationKind.RECIPROCITY_GAP: gettext_lazy(
            "You give these people at least two points more support than you receive from "
            "them. It may be worth noticing whether the give and take feels fair to you."
        ),
        RecommendationKind.CONNECTION_GAP: gettext_lazy(
            "No one on your map is someone you both trust (3 or more) and receive support from "
            "(3 or more). Finding one person to lean on a little could be a place to start."
        ),
    },
    "coach": {
        RecommendationKind.LOOSEN: gettext_lazy(
            "They trust these people and time with them does not drain them, yet their "
            "boundary with them is rigid. A relationship this safe may be a good place for them "
            "to let a little more in."
        ),
        RecommendationKind.FIRM_UP: gettext_lazy(
            "Time with these people leaves them drained and their boundary with them is "
            "porous. A firmer boundary here could protect their energy."
        ),
        RecommendationKind.RECIPROCITY_GAP: gettext_lazy(
            "They give these people at least two points more support than they receive from "
            "them. It may be worth asking whether the give and take feels fair to them."
        ),
        RecommendationKind.CONNECTION_GAP: gettext_lazy(
            "No one on their map is someone they both trust (3 or more) and receive support "
            "from (3 or more). Finding one person to lean on a little could be a place to start."
        ),
    },
}
RESTS_ON_WHOLE_MAP: dict[Audience, Promise] = {
    "client": gettext_lazy("This rests on your whole map:"),
    "coach": gettext_lazy("This rests on their whole map:"),
}
SUMMARY_TEXTS: dict[Audience, dict[str, Promise]] = {
    "client": {
        "empty": gettext_lazy("No one is on the map yet."),
        "give_more": gettext_lazy(
            "Across your map you give more support (%(give)d) than you receive (%(receive)d)."
        ),
        "receive_more": gettext_lazy(
            "Across your map you receive more support (%(receive)d) than you give (%(give)d)."
        ),
        "even": gettext_lazy(
            "Across your map the support you give and receive is even (%(give)d each)."
        ),
        "comes_from": gettext_lazy("Most support comes to you from: %(names)s."),
        "goes_to": gettext_lazy("You give most to: %(names)s."),
    },
    "coach": {
        "empty": gettext_lazy("No one is on their map yet."),
        "give_more": gettext_lazy(
            "Across their map they give more support (%(give)d) than they receive (%(receive)d)."
        ),
        "receive_more": gettext_lazy(
            "Across their map they receive more support (%(receive)d) than they give (%(give)d)."
        ),
        "even": gettext_lazy(
            "Across their map the support they give and receive is even (%(give)d each)."
        ),
        "comes_from": gettext_lazy("Most support comes to them from: %(names)s."),
        "goes_to": gettext_lazy("They give most to: %(names)s."),
    },
}
ENERGY_LABELS = [
    gettext_lazy("energised"),
    gettext_lazy("a little energised"),
    gettext_lazy("neither"),
    gettext_lazy("a little drained"),
    gettext_lazy("drained"),
]
BOUNDARY_LABELS = [
    gettext_lazy("rigid"),
    gettext_lazy("fairly firm"),
    gettext_lazy("balanced"),
    gettext_lazy("fairly open"),
    gettext_lazy("porous"),
]
# Outline per boundary: rigid thick, balanced plain, porous dashed (attributes, not styles,
# so the page needs no inline style under its security policy).
OUTLINE = {
    PersonBoundary.RIGID: {"width": "4", "dash": "none"},
    PersonBoundary.BALANCED: {"width": "2", "dash": "none"},
    PersonBoundary.POROUS: {"width": "2", "dash": "4 3"},
}
BALANCE_MARK = {Balance.YOU_GIVE_MORE: "−", Balance.EVEN: "=", Balance.YOU_RECEIVE_MORE: "+"}


@dataclass(frozen=True)
class MapView:
    layout: MapLayout
    nodes: list[dict[str, Any]]
    recommendations: list[dict[str, Any]]
    summary: ReciprocitySummary
    summary_text: str
    audience: Audience = "client"


def recommendation_rows(
    recommendations: Sequence[Recommendation], audience: Audience = "client"
) -> list[dict[str, Any]]:
    """Each recommendation in words for `audience`: the client's own, or the coach's about them."""
    return [
        {
            "kind": rec.kind.value,
            "title": RECOMMENDATION_TITLES[rec.kind],
            "text": str(RECOMMENDATION_TEXTS[audience][rec.kind]),
            "people": rec.people,
            "rests_on": str(
                RESTS_ON_WHOLE_MAP[audience]
                if rec.kind is RecommendationKind.CONNECTION_GAP
                else gettext_lazy("This rests on:")
            ),
        }
        for rec in recommendations
    ]


def summary_text(summary: ReciprocitySummary, people: int, audience: Audience = "client") -> str:
    """The reciprocity summary as one paragraph for `audience` (names are the person's own
    words: the template escapes the whole)."""
    words = SUMMARY_TEXTS[audience]
    give, receive = summary.total_give, summary.total_receive
    if not people:
        return str(words["empty"])
    key = "give_more" if give > receive else "receive_more" if receive > give else "even"
    parts = [str(words[key]) % {"give": give, "receive": receive}]
    if summary.gives_most_to_you:
        parts.append(str(words["comes_from"]) % {"names": ", ".join(summary.gives_most_to_you)})
    if summary.you_give_most_to:
        parts.append(str(words["goes_to"]) % {"names": ", ".join(summary.you_give_most_to)})
    return " ".join(parts)


def map_view(people: Sequence[MapPerson], audience: Audience = "client") -> MapView:
    core = core_people(people)
    layout = layout_map(core)
    nodes = []
    for node in layout.nodes:
        nodes.append(
            {
                "node": node,
                "outline": OUTLINE[node.boundary],
                "mark": BALANCE_MARK[node.balance],
                "label_y": round(node.y + node.radius + 14, 1),
                "initial": node.name[:1].upper(),
            }
        )
    summary = reciprocity_summary(core)
    return MapView(
        layout=layout,
        nodes=nodes,
        recommendations=recommendation_rows(recommend(core), audience),
        summary=summary,
        summary_text=summary_text(summary, len(core), audience),
        audience=audience,
    )
