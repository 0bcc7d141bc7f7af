"""What the profile says about a person, each finding with the rule and the scores behind it.

Every function takes the scored scales (`ScaleScore`s, which carry the item answers) and
returns a frozen finding whose `evidence` is the scales it used. The rules and their numbers
are documented in docs/instrument.md; change them there too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from interplay.core.balance import (
    PATTERN_MIDPOINT,
    Axis,
    autonomy_axis,
    connection_axis,
    pattern_of,
    unit,
)
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
    return tuple(scored[scale] for scale in scales if scale in scored)


@dataclass(frozen=True)
class Balance:
    autonomy: float | None
    connection: float | None
    pattern: Pattern | None
    pattern_reason: str
    near_midpoint: bool
    autonomy_axis: Axis
    connection_axis: Axis
    evidence: tuple[ScaleScore, ...]


def _pattern_reason(autonomy: float | None, connection: float | None) -> tuple[str, bool]:
    if autonomy is None or connection is None:
        missing = [
            name for name, v in (("autonomy", autonomy), ("connection", connection)) if v is None
        ]
        return f"{' and '.join(missing)} could not be placed (too few scales scored)", False
    parts = []
    near = []
    for name, value in (("autonomy", autonomy), ("connection", connection)):
        side = ">=" if value >= PATTERN_MIDPOINT else "<"
        parts.append(f"{name} {value:.0f} {side} {PATTERN_MIDPOINT:.0f}")
        if abs(value - PATTERN_MIDPOINT) < NEAR_MIDPOINT:
            near.append(name)
    reason = " and ".join(parts)
    if near:
        reason += f"; {' and '.join(near)} close to the midpoint, so this could tip either way"
    return reason, bool(near)


def balance_of(scored: Scored) -> Balance:
    means = {scale: score.score for scale, score in scored.items()}
    autonomy = autonomy_axis(means)
    connection = connection_axis(means)
    used = tuple(dict.fromkeys(part.scale for part in (*autonomy.parts, *connection.parts)))
    reason, near = _pattern_reason(autonomy.score, connection.score)
    return Balance(
        autonomy.score,
        connection.score,
        pattern_of(autonomy.score, connection.score),
        reason,
        near,
        autonomy,
        connection,
        _evidence(scored, used),
    )


@dataclass(frozen=True)
class StageAffinity:
    stage: Stage
    affinity: float  # 0..1
    rule: str


@dataclass(frozen=True)
class StageFinding:
    primary: Stage | None
    confidence: float | None
    mixed: bool
    runner_up: Stage | None
    affinities: tuple[StageAffinity, ...]
    reason: str
    evidence: tuple[ScaleScore, ...]


def _stage_affinities(scored: Scored) -> list[StageAffinity]:
    affinities: list[StageAffinity] = []
    if Scale.DEPENDENCE in scored:
        value = unit(scored[Scale.DEPENDENCE].score)
        affinities.append(StageAffinity(Stage.DEPENDENCE, round(value, 3), "n(dependence)"))
    if Scale.OVER_INDEPENDENCE in scored:
        value = unit(scored[Scale.OVER_INDEPENDENCE].score)
        affinities.append(
            StageAffinity(Stage.SELF_SUFFICIENCY, round(value, 3), "n(over_independence)")
        )
    if Scale.INTERDEPENDENCE in scored:
        # Interdependence is the stage that integrates the other two: give-and-take without
        # either extreme, so the extremes count against it.
        terms = [unit(scored[Scale.INTERDEPENDENCE].score)]
        names = ["n(interdependence)"]
        for scale in (Scale.DEPENDENCE, Scale.OVER_INDEPENDENCE):
            if scale in scored:
                terms.append(1.0 - unit(scored[scale].score))
                names.append(f"1 - n({scale.value})")
        rule = f"mean of {', '.join(names)}"
        affinities.append(
            StageAffinity(Stage.INTERDEPENDENCE, round(sum(terms) / len(terms), 3), rule)
        )
    return affinities


def stage_of(scored: Scored) -> StageFinding:
    affinities = _stage_affinities(scored)
    evidence = _evidence(scored, (Scale.DEPENDENCE, Scale.OVER_INDEPENDENCE, Scale.INTERDEPENDENCE))
    if len(affinities) < 2:
        reason = "not enough of dependence, over-independence and interdependence was scored"
        return StageFinding(None, None, False, None, tuple(affinities), reason, evidence)
    ranked = sorted(affinities, key=lambda a: a.affinity, reverse=True)
    top, second = ranked[0], ranked[1]
    gap = top.affinity - second.affinity
    confidence = round(min(1.0, 2.0 * gap), 2)
    mixed = gap < MIXED_STAGE_GAP
    if mixed:
        reason = (
            f"{top.stage.value} ({top.affinity:.2f}) and {second.stage.value} "
            f"({second.affinity:.2f}) are within {MIXED_STAGE_GAP}: a mixed picture"
        )
    else:
        reason = (
            f"{top.stage.value} ({top.affinity:.2f}) leads {second.stage.value} "
            f"({second.affinity:.2f}) by {gap:.2f}"
        )
    return StageFinding(
        top.stage, confidence, mixed, second.stage, tuple(affinities), reason, evidence
    )


@dataclass(frozen=True)
class Boundaries:
    style: BoundaryStyle | None
    rigid: float | None
    rigid_level: Level | None
    porous: float | None
    porous_level: Level | None
    reason: str
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
            "needs both rigid and porous boundaries scored",
            evidence,
        )
    rigid_high = rigid.level is Level.HIGH
    porous_high = porous.level is Level.HIGH
    if rigid_high and porous_high:
        style = BoundaryStyle.MIXED
        reason = "both rigid and porous are high: guarded in some places, giving way in others"
    elif rigid_high:
        style = BoundaryStyle.RIGID
        reason = "rigid is high and porous is not"
    elif porous_high:
        style = BoundaryStyle.POROUS
        reason = "porous is high and rigid is not"
    else:
        style = BoundaryStyle.BALANCED
        reason = "neither rigid nor porous is high"
    reason += f" (rigid {rigid.score:.2f}, porous {porous.score:.2f}; high means > {HIGH_ABOVE})"
    return Boundaries(style, rigid.score, rigid.level, porous.score, porous.level, reason, evidence)


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


@dataclass(frozen=True)
class BarrierFinding:
    barrier: Barrier
    rank: int
    score: float
    level: Level
    # Which pull or history the person agreed with, where the barrier's items say (else None).
    detail: str | None
    evidence: tuple[ScaleScore, ...]


def _barrier_detail(barrier: Barrier, score: ScaleScore) -> str | None:
    """E.g. "controlling caregivers: pe01; a betrayal of trust: pe03": what was agreed with."""
    labels = BARRIER_ITEM_LABELS.get(barrier)
    if labels is None:
        return None
    agreed: dict[str, list[str]] = {}
    for answer in score.answers:
        if answer.item_id in labels and answer.answer >= AGREES_FROM:
            agreed.setdefault(labels[answer.item_id], []).append(answer.item_id)
    if not agreed:
        return None
    return "; ".join(f"{label}: {', '.join(ids)}" for label, ids in agreed.items())


def barriers_of(scored: Scored) -> tuple[BarrierFinding, ...]:
    """Scored barriers, strongest first (ties keep the article's order)."""
    present = [barrier for barrier in Barrier if barrier.scale in scored]
    present.sort(key=lambda barrier: -scored[barrier.scale].score)
    return tuple(
        BarrierFinding(
            barrier,
            rank,
            scored[barrier.scale].score,
            scored[barrier.scale].level,
            _barrier_detail(barrier, scored[barrier.scale]),
            (scored[barrier.scale],),
        )
        for rank, barrier in enumerate(present, start=1)
    )


@dataclass(frozen=True)
class RiskFinding:
    risk: Risk
    flagged: bool
    assessable: bool
    rule: str
    explanation: str
    evidence: tuple[ScaleScore, ...]


@dataclass(frozen=True)
class _RiskRule:
    risk: Risk
    scales: tuple[Scale, ...]
    rule: str
    test: Callable[[Mapping[Scale, float]], bool]
    explanation: str


def _high(score: float) -> bool:
    return score > HIGH_ABOVE


RISK_RULES: tuple[_RiskRule, ...] = (
    _RiskRule(
        Risk.ISOLATION,
        (Scale.RIGID_BOUNDARIES, Scale.INTERDEPENDENCE),
        "rigid_boundaries high (> 3.5) and interdependence below 3",
        lambda s: _high(s[Scale.RIGID_BOUNDARIES]) and s[Scale.INTERDEPENDENCE] < 3.0,
        "Keeping people at a distance, with little give and take, can leave you more alone "
        "than you would choose.",
    ),
    _RiskRule(
        Risk.DIFFICULTY_ASKING_FOR_HELP,
        (Scale.OVER_INDEPENDENCE,),
        "over_independence high (> 3.5)",
        lambda s: _high(s[Scale.OVER_INDEPENDENCE]),
        "Managing alone as a habit can make it hard to ask for help, even when you need it.",
    ),
    _RiskRule(
        Risk.STRAINED_RELATIONSHIPS,
        (Scale.OVER_INDEPENDENCE, Scale.VULNERABILITY_FEAR),
        "over_independence high and vulnerability_fear high (> 3.5)",
        lambda s: _high(s[Scale.OVER_INDEPENDENCE]) and _high(s[Scale.VULNERABILITY_FEAR]),
        "When trusting or relying on others feels unsafe, relationships can take the strain.",
    ),
    _RiskRule(
        Risk.OVER_DEPENDENCE_ON_OTHERS,
        (Scale.DEPENDENCE,),
        "dependence high (> 3.5)",
        lambda s: _high(s[Scale.DEPENDENCE]),
        "Leaning on others to decide or to reassure you can leave your own judgement unused.",
    ),
    _RiskRule(
        Risk.LACK_OF_AGENCY,
        (Scale.DEPENDENCE, Scale.OVER_INDEPENDENCE, Scale.CONFLUENCE),
        f"autonomy below {LOW_AGENCY_BELOW:.0f} of 100",
        lambda s: (a := autonomy_axis(s).score) is not None and a < LOW_AGENCY_BELOW,
        "With little sense of steering your own life, it is easy to feel powerless or unfulfilled.",
    ),
    _RiskRule(
        Risk.ENMESHMENT,
        (Scale.CONFLUENCE, Scale.POROUS_BOUNDARIES),
        "confluence high (> 3.5) and porous_boundaries above 3",
        lambda s: _high(s[Scale.CONFLUENCE]) and s[Scale.POROUS_BOUNDARIES] > 3.0,
        "When your wants blur into other people's and no is hard to say, you can lose "
        "yourself in a relationship.",
    ),
)


def _risk_inputs_present(rule: _RiskRule, scored: Scored) -> bool:
    if rule.risk is Risk.LACK_OF_AGENCY:
        means = {scale: score.score for scale, score in scored.items()}
        return autonomy_axis(means).score is not None
    return all(scale in scored for scale in rule.scales)


def risks_of(scored: Scored) -> tuple[RiskFinding, ...]:
    means = {scale: score.score for scale, score in scored.items()}
    findings: list[RiskFinding] = []
    for rule in RISK_RULES:
        evidence = _evidence(scored, rule.scales)
        if not _risk_inputs_present(rule, scored):
            missing = ", ".join(s.value for s in rule.scales if s not in scored)
            rule_text = f"{rule.rule}; not judged: {missing} not scored"
            findings.append(
                RiskFinding(rule.risk, False, False, rule_text, rule.explanation, evidence)
            )
            continue
        flagged = rule.test(means)
        findings.append(
            RiskFinding(rule.risk, flagged, True, rule.rule, rule.explanation, evidence)
        )
    return tuple(findings)


@dataclass(frozen=True)
class FocusFinding:
    focus: Focus | None
    reason: str
    evidence: tuple[ScaleScore, ...]


def focus_of(balance: Balance) -> FocusFinding:
    a, c = balance.autonomy, balance.connection
    if balance.pattern is None or a is None or c is None:
        return FocusFinding(None, "the balance could not be placed on the map", balance.evidence)
    where = f"autonomy {a:.0f}, connection {c:.0f} (50 is the midpoint)"
    if balance.pattern is Pattern.DEPENDENT:
        focus = Focus.GAINING_SELF_SUFFICIENCY
        reason = f"leaning on others more than on yourself: {where}"
    elif balance.pattern is Pattern.OVER_INDEPENDENT:
        focus = Focus.LOOSENING_OVER_INDEPENDENCE
        reason = f"standing alone more than letting people in: {where}"
    elif balance.pattern is Pattern.INTERDEPENDENT:
        focus = Focus.BALANCING
        reason = f"both sides are present; the work is keeping them in balance: {where}"
    else:
        focus = Focus.BALANCING
        reason = (
            f"low on both sides, so small steps in both directions rather than one push: {where}"
        )
    return FocusFinding(focus, reason, balance.evidence)
