"""What the profile says about a person, each finding with the rule and the scores behind it.

Every function takes the scored scales (`ScaleScore`s, which carry the item answers) and
returns a frozen finding whose `evidence` is the scales it used. The rules and their numbers
are documented in docs/instrument.md; change them there too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from operator import attrgetter

from interplay.core.balance import (
    PATTERN_MIDPOINT,
    Axis,
    autonomy_axis,
    connection_axis,
    is_tabled,
    pattern_of,
    unit,
    unit_to_three,
)
from interplay.core.frozen import quick_init
from interplay.core.reasons import PULL_CODES, Reason, reason
from interplay.core.scoring import HIGH_ABOVE, ScaleScore
from interplay.core.vocabulary import (
    Barrier,
    BoundaryStyle,
    Focus,
    Level,
    Pattern,
    Risk,
    Scale,
    Stage,
)

Scored = Mapping[Scale, ScaleScore]

# Two stages whose affinities (0..1) are closer than this are reported as a mixed picture:
# 0.125 is half a point on the 1-5 answer scale.
MIXED_STAGE_GAP = 0.125
# Lack of agency is read from the autonomy axis (0..100) rather than a single scale.
LOW_AGENCY_BELOW = 35.0
# An axis this close to the midpoint could tip either way with one answer: say so.
NEAR_MIDPOINT = 5.0

# What agreeing with particular barrier items points to, so a barrier says which pull or which
# history is at work (an answer of 4 or 5 counts as agreeing). Ids are stable by contract;
# tests check they exist and belong to their barrier.
BARRIER_ITEM_LABELS: dict[Barrier, dict[str, str]] = {
    Barrier.CULTURAL_PRESSURE: {
        "cp01": "the individualist pull (needing help means not coping)",
        "cp04": "the individualist pull (needing help means not coping)",
        "cp02": "the communal pull (deferring to family comes first)",
        "cp03": "the communal pull (deferring to family comes first)",
    },
    Barrier.PAST_EXPERIENCE: {
        "pe01": "controlling caregivers",
        "pe02": "an enmeshed family",
        "pe03": "a betrayal of trust",
        "pe04": "old experiences still steering",
    },
}
AGREES_FROM = 4


def _evidence(scored: Scored, scales: tuple[Scale, ...]) -> tuple[ScaleScore, ...]:
    return tuple([scored[scale] for scale in scales if scale in scored])


@quick_init
@dataclass(frozen=True)
class Balance:
    autonomy: float | None
    connection: float | None
    pattern: Pattern | None
    pattern_reason: Reason
    near_midpoint: bool
    autonomy_axis: Axis
    connection_axis: Axis
    evidence: tuple[ScaleScore, ...]


def _pattern_reason(autonomy: float | None, connection: float | None) -> tuple[Reason, bool]:
    if autonomy is None or connection is None:
        missing = tuple(
            name for name, v in (("autonomy", autonomy), ("connection", connection)) if v is None
        )
        return reason("pattern.unplaced", axes=missing), False
    near = tuple(
        name
        for name, value in (("autonomy", autonomy), ("connection", connection))
        if abs(value - PATTERN_MIDPOINT) < NEAR_MIDPOINT
    )
    placed = {
        "autonomy": autonomy,
        "autonomy_side": ">=" if autonomy >= PATTERN_MIDPOINT else "<",
        "connection": connection,
        "connection_side": ">=" if connection >= PATTERN_MIDPOINT else "<",
        "midpoint": PATTERN_MIDPOINT,
    }
    if near:
        return reason("pattern.placed_near_midpoint", **placed, near=near), True
    return reason("pattern.placed", **placed), False


def balance_of(scored: Scored, axes: tuple[Axis, Axis] | None = None) -> Balance:
    """`axes`: autonomy and connection when the caller has them already (the profile does)."""
    if axes is None:
        means = {scale: score.score for scale, score in scored.items()}
        axes = autonomy_axis(means), connection_axis(means)
    autonomy, connection = axes
    used = tuple(dict.fromkeys(part.scale for part in (*autonomy.parts, *connection.parts)))
    why, near = _pattern_reason(autonomy.score, connection.score)
    return Balance(
        autonomy.score,
        connection.score,
        pattern_of(autonomy.score, connection.score),
        why,
        near,
        autonomy,
        connection,
        _evidence(scored, used),
    )


@quick_init
@dataclass(frozen=True)
class StageAffinity:
    stage: Stage
    affinity: float  # 0..1
    rule: str


@quick_init
@dataclass(frozen=True)
class StageFinding:
    primary: Stage | None
    confidence: float | None
    mixed: bool
    runner_up: Stage | None
    affinities: tuple[StageAffinity, ...]
    reason: Reason
    evidence: tuple[ScaleScore, ...]


# The rule of interdependence's affinity by which extremes were scored, written once each.
_INTERDEPENDENCE_RULES: dict[tuple[Scale, ...], str] = {
    present: "mean of "
    + ", ".join(["n(interdependence)", *(f"1 - n({scale._value_})" for scale in present)])
    for present in (
        (),
        (Scale.DEPENDENCE,),
        (Scale.OVER_INDEPENDENCE,),
        (Scale.DEPENDENCE, Scale.OVER_INDEPENDENCE),
    )
}
# A one-scale stage's affinity is the same for everyone with the same score: made the first
# time a tabled score (core/balance.py) needs it, keyed by the score alone, shared after.
_ONE_SCALE_AFFINITIES: dict[Stage, dict[float, StageAffinity]] = {
    Stage.DEPENDENCE: {},
    Stage.SELF_SUFFICIENCY: {},
}


def _one_scale_affinity(stage: Stage, score: float, rule: str) -> StageAffinity:
    known = _ONE_SCALE_AFFINITIES[stage]
    found = known.get(score) if type(score) is float else None  # 3 == 3.0, written "3"
    if found is None:
        found = StageAffinity(stage, unit_to_three(score), rule)
        if type(score) is float and is_tabled(score):
            known[score] = found
    return found


def _stage_affinities(scored: Scored) -> list[StageAffinity]:
    affinities: list[StageAffinity] = []
    dependence = scored.get(Scale.DEPENDENCE)
    over_independence = scored.get(Scale.OVER_INDEPENDENCE)
    if dependence is not None:
        affinities.append(_one_scale_affinity(Stage.DEPENDENCE, dependence.score, "n(dependence)"))
    if over_independence is not None:
        affinities.append(
            _one_scale_affinity(
                Stage.SELF_SUFFICIENCY, over_independence.score, "n(over_independence)"
            )
        )
    interdependence = scored.get(Scale.INTERDEPENDENCE)
    if interdependence is not None:
        # Interdependence is the stage that integrates the other two: give-and-take without
        # either extreme, so the extremes count against it.
        terms = [unit(interdependence.score)]
        present: list[Scale] = []
        for scale, extreme in (
            (Scale.DEPENDENCE, dependence),
            (Scale.OVER_INDEPENDENCE, over_independence),
        ):
            if extreme is not None:
                terms.append(1.0 - unit(extreme.score))
                present.append(scale)
        rule = _INTERDEPENDENCE_RULES[tuple(present)]
        affinities.append(
            StageAffinity(Stage.INTERDEPENDENCE, round(sum(terms) / len(terms), 3), rule)
        )
    return affinities


_AFFINITY = attrgetter("affinity")
_STAGE_UNSCORED = reason("stage.unscored")


def stage_of(scored: Scored) -> StageFinding:
    affinities = _stage_affinities(scored)
    evidence = _evidence(scored, (Scale.DEPENDENCE, Scale.OVER_INDEPENDENCE, Scale.INTERDEPENDENCE))
    if len(affinities) < 2:
        why = _STAGE_UNSCORED
        return StageFinding(None, None, False, None, tuple(affinities), why, evidence)
    ranked = sorted(affinities, key=_AFFINITY, reverse=True)
    top, second = ranked[0], ranked[1]
    gap = top.affinity - second.affinity
    confidence = round(min(1.0, 2.0 * gap), 2)
    mixed = gap < MIXED_STAGE_GAP
    pair = {
        "top": top.stage._value_,
        "top_affinity": top.affinity,
        "second": second.stage._value_,
        "second_affinity": second.affinity,
    }
    if mixed:
        why = reason("stage.mixed", **pair, within=MIXED_STAGE_GAP)
    else:
        why = reason("stage.leads", **pair, gap=gap)
    return StageFinding(
        top.stage, confidence, mixed, second.stage, tuple(affinities), why, evidence
    )


@quick_init
@dataclass(frozen=True)
class Boundaries:
    style: BoundaryStyle | None
    rigid: float | None
    rigid_level: Level | None
    porous: float | None
    porous_level: Level | None
    reason: Reason
    evidence: tuple[ScaleScore, ...]


def boundaries_of(scored: Scored) -> Boundaries:
    rigid = scored.get(Scale.RIGID_BOUNDARIES)
    porous = scored.get(Scale.POROUS_BOUNDARIES)
    evidence = _evidence(scored, (Scale.RIGID_BOUNDARIES, Scale.POROUS_BOUNDARIES))
    if rigid is None or porous is None:
        return Boundaries(
            None,
            rigid.score if rigid else None,
            rigid.level if rigid else None,
            porous.score if porous else None,
            porous.level if porous else None,
            reason("boundaries.unscored"),
            evidence,
        )
    rigid_high = rigid.level is Level.HIGH
    porous_high = porous.level is Level.HIGH
    if rigid_high and porous_high:
        style = BoundaryStyle.MIXED
    elif rigid_high:
        style = BoundaryStyle.RIGID
    elif porous_high:
        style = BoundaryStyle.POROUS
    else:
        style = BoundaryStyle.BALANCED
    why = reason(
        f"boundaries.{style._value_}", rigid=rigid.score, porous=porous.score, high=HIGH_ABOVE
    )
    return Boundaries(style, rigid.score, rigid.level, porous.score, porous.level, why, evidence)


@quick_init
@dataclass(frozen=True)
class Confluence:
    score: float | None
    level: Level | None
    evidence: tuple[ScaleScore, ...]


def confluence_of(scored: Scored) -> Confluence:
    found = scored.get(Scale.CONFLUENCE)
    if found is None:
        return Confluence(None, None, ())
    return Confluence(found.score, found.level, (found,))


@quick_init
@dataclass(frozen=True)
class BarrierFinding:
    barrier: Barrier
    rank: int
    score: float
    level: Level
    # Which pull or history the person agreed with, where the barrier's items say (else None).
    detail: Reason | None
    evidence: tuple[ScaleScore, ...]


def _barrier_detail(barrier: Barrier, score: ScaleScore) -> Reason | None:
    """E.g. "controlling caregivers: pe01; a betrayal of trust: pe03": what was agreed with."""
    labels = BARRIER_ITEM_LABELS.get(barrier)
    if labels is None:
        return None
    agreed = tuple(
        [
            answer.item_id
            for answer in score.answers
            if answer.answer >= AGREES_FROM and answer.item_id in labels
        ]
    )
    if not agreed:
        return None
    # The detail is the agreed items and nothing else (a barrier has a handful of labelled
    # items, so a few dozen details at most): written the first time, looked up after.
    known = _DETAILS.setdefault(barrier, {})
    detail = known.get(agreed)
    if detail is None:
        groups: dict[str, list[str]] = {}
        for item_id in agreed:
            groups.setdefault(labels[item_id], []).append(item_id)
        detail = known[agreed] = reason(
            "barrier.agreed",
            groups=tuple(f"{PULL_CODES[label]}={','.join(ids)}" for label, ids in groups.items()),
        )
    return detail


_DETAILS: dict[Barrier, dict[tuple[str, ...], Reason]] = {}
_BARRIER_OF_SCALE = {barrier.scale: barrier for barrier in Barrier}
_BARRIER_SCALES = tuple(_BARRIER_OF_SCALE)
_SCORE = attrgetter("score")


def barriers_of(scored: Scored) -> tuple[BarrierFinding, ...]:
    """Scored barriers, strongest first (ties keep the article's order: the sort is stable,
    reversed too)."""
    present = [scored[scale] for scale in _BARRIER_SCALES if scale in scored]
    present.sort(key=_SCORE, reverse=True)
    findings = []
    for rank, score in enumerate(present, start=1):
        barrier = _BARRIER_OF_SCALE[score.scale]
        detail = _barrier_detail(barrier, score)
        findings.append(BarrierFinding(barrier, rank, score.score, score.level, detail, (score,)))
    return tuple(findings)


@quick_init
@dataclass(frozen=True)
class RiskFinding:
    risk: Risk
    flagged: bool
    assessable: bool
    rule: Reason
    explanation: Reason
    evidence: tuple[ScaleScore, ...]


@dataclass(frozen=True)
class _RiskRule:
    """A risk's scales and its test. The rule in words and the explanation are reasons
    `risk.<id>` and `risk.<id>.explanation` (core/reasons.py), so pages can translate them."""

    risk: Risk
    scales: tuple[Scale, ...]
    # None: judged on the autonomy axis (below LOW_AGENCY_BELOW) rather than on scale means
    test: Callable[[Mapping[Scale, float]], bool] | None


def _high(score: float) -> bool:
    return score > HIGH_ABOVE


RISK_RULES: tuple[_RiskRule, ...] = (
    _RiskRule(
        Risk.ISOLATION,
        (Scale.RIGID_BOUNDARIES, Scale.INTERDEPENDENCE),
        lambda s: _high(s[Scale.RIGID_BOUNDARIES]) and s[Scale.INTERDEPENDENCE] < 3.0,
    ),
    _RiskRule(
        Risk.DIFFICULTY_ASKING_FOR_HELP,
        (Scale.OVER_INDEPENDENCE,),
        lambda s: _high(s[Scale.OVER_INDEPENDENCE]),
    ),
    _RiskRule(
        Risk.STRAINED_RELATIONSHIPS,
        (Scale.OVER_INDEPENDENCE, Scale.VULNERABILITY_FEAR),
        lambda s: _high(s[Scale.OVER_INDEPENDENCE]) and _high(s[Scale.VULNERABILITY_FEAR]),
    ),
    _RiskRule(
        Risk.OVER_DEPENDENCE_ON_OTHERS,
        (Scale.DEPENDENCE,),
        lambda s: _high(s[Scale.DEPENDENCE]),
    ),
    _RiskRule(
        Risk.LACK_OF_AGENCY, (Scale.DEPENDENCE, Scale.OVER_INDEPENDENCE, Scale.CONFLUENCE), None
    ),
    _RiskRule(
        Risk.ENMESHMENT,
        (Scale.CONFLUENCE, Scale.POROUS_BOUNDARIES),
        lambda s: _high(s[Scale.CONFLUENCE]) and s[Scale.POROUS_BOUNDARIES] > 3.0,
    ),
)


# Each risk's rule with its words made once (they are the same for everyone): the rule, its
# scales, its test, the reasons for the rule and its explanation, and the code said when a
# scale is missing.
_RISK_TABLE = tuple(
    (
        rule,
        rule.scales,
        rule.test,
        reason(f"risk.{rule.risk.value}"),
        reason(f"risk.{rule.risk.value}.explanation"),
        f"risk.{rule.risk.value}.unjudged",
    )
    for rule in RISK_RULES
)


def risks_of(
    scored: Scored, autonomy: Axis | None = None, means: Mapping[Scale, float] | None = None
) -> tuple[RiskFinding, ...]:
    """`autonomy` and `means` (each scale's score): when the caller has them already (the
    profile does)."""
    if means is None:
        means = {scale: score.score for scale, score in scored.items()}
    if autonomy is None:
        autonomy = autonomy_axis(means)
    agency = autonomy.score
    findings: list[RiskFinding] = []
    get = scored.get
    for rule, scales, test, words, explanation, unjudged in _RISK_TABLE:
        found = tuple(map(get, scales))
        complete = all(found)  # a ScaleScore is true, a missing scale None
        evidence: tuple[ScaleScore, ...] = (
            found  # type: ignore[assignment]  # none of it None, just checked
            if complete
            else tuple([score for score in found if score is not None])
        )
        present = agency is not None if test is None else complete
        if not present:
            missing = tuple([s._value_ for s in scales if s not in scored])
            why = reason(unjudged, missing=missing)
            findings.append(RiskFinding(rule.risk, False, False, why, explanation, evidence))
            continue
        if test is None:
            flagged = agency is not None and agency < LOW_AGENCY_BELOW
        else:
            flagged = test(means)
        findings.append(RiskFinding(rule.risk, flagged, True, words, explanation, evidence))
    return tuple(findings)


@quick_init
@dataclass(frozen=True)
class FocusFinding:
    focus: Focus | None
    reason: Reason
    evidence: tuple[ScaleScore, ...]


def focus_of(balance: Balance) -> FocusFinding:
    a, c = balance.autonomy, balance.connection
    if balance.pattern is None or a is None or c is None:
        return FocusFinding(None, reason("focus.unplaced"), balance.evidence)
    if balance.pattern is Pattern.DEPENDENT:
        focus = Focus.GAINING_SELF_SUFFICIENCY
    elif balance.pattern is Pattern.OVER_INDEPENDENT:
        focus = Focus.LOOSENING_OVER_INDEPENDENCE
    else:  # interdependent or withdrawn: both sides, in balance or in small steps
        focus = Focus.BALANCING
    why = reason(f"focus.{balance.pattern._value_}", autonomy=a, connection=c)
    return FocusFinding(focus, why, balance.evidence)
