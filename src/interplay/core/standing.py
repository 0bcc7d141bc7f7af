"""Where a person stands, said once: the stage a profile names agrees with its map region.

Two rules read the same answers. The Balance Map region (`balance.pattern_of`) comes from the
two axes, which draw on six scales; the nearest stage (`findings.stage_of`) compares three
stage affinities. Near a boundary they can disagree: a person placed in "Leaning on others"
whose interdependence affinity comes out a hair ahead of dependence was told "nearest stage:
Interdependence ... also close to Dependence" under a map that says otherwise.

This module owns the words. When the region has a stage of its own (dependent ->
dependence, over-independent -> self-sufficiency, interdependent -> interdependence) and the
stored stage names another first, the region's stage is named first and the other as also
close: a mixed picture, which it is. The stored finding (its affinities, rule and evidence) is
left exactly as scored; a withdrawn or unplaced point, which has no stage of its own, keeps
the stage finding's order. Every reader (the profile page, the headline columns the
dashboard sorts by, reports) takes its stage words from `stage_words`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from interplay.core.vocabulary import Pattern, Stage

REGION_STAGE: dict[Pattern, Stage] = {
    Pattern.DEPENDENT: Stage.DEPENDENCE,
    Pattern.OVER_INDEPENDENT: Stage.SELF_SUFFICIENCY,
    Pattern.INTERDEPENDENT: Stage.INTERDEPENDENCE,
}


@dataclass(frozen=True)
class StageWords:
    primary: Stage | None  # named first: "nearest stage"
    also_close: Stage | None  # named second when the picture is mixed
    mixed: bool
    follows_region: bool  # the region reordered the stage finding (said on the page)


def _stage(value: object) -> Stage | None:
    try:
        return Stage(str(value)) if value else None
    except ValueError:
        return None


def _pattern(value: object) -> Pattern | None:
    try:
        return Pattern(str(value)) if value else None
    except ValueError:
        return None


def stage_words(stage: Mapping[str, Any] | None, pattern: object) -> StageWords:
    """The stage as a page should name it, from a stored stage finding and map region."""
    stage = stage or {}
    primary, runner_up = _stage(stage.get("primary")), _stage(stage.get("runner_up"))
    mixed = bool(stage.get("mixed"))
    placed = _pattern(pattern)
    region = REGION_STAGE.get(placed) if placed is not None else None
    scored = {
        _stage(a.get("stage")) for a in stage.get("affinities") or () if isinstance(a, Mapping)
    }
    if primary is None or region is None or region is primary or region not in scored:
        # No stage of the region's own, or none scored for it: the finding's order stands.
        return StageWords(primary, runner_up if mixed else None, mixed, False)
    return StageWords(region, primary, True, True)
