"""What the map page shows, computed once in Python (templates only display it): the picture's
geometry, its table, the recommendations with their people, and the reciprocity summary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy

from interplay.core.relationship_layout import Balance, MapLayout, layout_map
from interplay.core.relationships import (
    ReciprocitySummary,
    Recommendation,
    reciprocity_summary,
    recommend,
)
from interplay.core.vocabulary import PersonBoundary, RecommendationKind
from interplay.web.relationships.mapping import core_people
from interplay.web.relationships.models import MapPerson

RECOMMENDATION_TITLES = {
    RecommendationKind.LOOSEN: gettext_lazy("Consider loosening"),
    RecommendationKind.FIRM_UP: gettext_lazy("Consider firming up"),
    RecommendationKind.RECIPROCITY_GAP: gettext_lazy("A reciprocity gap"),
    RecommendationKind.CONNECTION_GAP: gettext_lazy("A connection gap"),
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


def _recommendation(rec: Recommendation) -> dict[str, Any]:
    return {
        "kind": rec.kind.value,
        "title": RECOMMENDATION_TITLES[rec.kind],
        "rule": rec.rule,
        "people": rec.people,
        "whole_map": rec.kind is RecommendationKind.CONNECTION_GAP,
    }


def map_view(people: Sequence[MapPerson]) -> MapView:
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
    return MapView(
        layout=layout,
        nodes=nodes,
        recommendations=[_recommendation(r) for r in recommend(core)],
        summary=reciprocity_summary(core),
    )
