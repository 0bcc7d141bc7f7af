"""The profile's stored JSON, written by one small function per class of its tree.

`profile_json.plain_profile_json` walks any frozen tree and asks every field what it is (a
plain value, a reason, an enum member, a nested finding, a list); a profile has some 350
fields and 45 reasons, and those questions were most of the cost of storing it. Here each
class's writer knows its fields and their types, so a field is one dictionary entry and a
reason one inline dictionary. The output is the walker's, key for key and value for value:
`tests/core/test_profile_writer.py` holds the two together on generated answer sets, so a
field added to a finding and forgotten here fails there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the writer reads these classes' fields; profile.py imports this module
    from interplay.core.balance import Axis
    from interplay.core.findings import (
        Balance,
        BarrierFinding,
        Boundaries,
        RiskFinding,
        StageFinding,
    )
    from interplay.core.profile import Profile
    from interplay.core.reasons import Reason
    from interplay.core.scoring import ScaleScore, Unscored

Json = dict[str, Any]


def _reason(why: Reason) -> Json:
    # the same dictionaries as `Reason.to_json`, without the method call
    return {"code": why.code, "params": why.json_params.copy()}


def _reasons(reasons: tuple[Reason, ...]) -> list[Json]:
    return [{"code": why.code, "params": why.json_params.copy()} for why in reasons]


def _evidence(scores: tuple[ScaleScore, ...]) -> list[str]:
    return [score.scale._value_ for score in scores]


def _scale(score: ScaleScore) -> Json:
    # An ItemAnswer's attributes are its fields, all plain (ids, text, numbers, a flag): its
    # dictionary is its JSON, copied so no two profiles share one.
    return {
        "scale": score.scale._value_,
        "score": score.score,
        "level": score.level._value_,
        "answered": score.answered,
        "total": score.total,
        "answers": [answer.__dict__.copy() for answer in score.answers],
    }


def _unscored(row: Unscored) -> Json:
    return {
        "scale": row.scale._value_,
        "answered": row.answered,
        "total": row.total,
        "needed": row.needed,
        "reason": _reason(row.reason),
    }


def _axis(axis: Axis) -> Json:
    return {
        "score": axis.score,
        "parts": [
            {
                "scale": part.scale._value_,
                "score": part.score,
                "inverted": part.inverted,
                "weight": part.weight,
                "value": part.value,
            }
            for part in axis.parts
        ],
        "missing": [scale._value_ for scale in axis.missing],
    }


def _balance(balance: Balance) -> Json:
    pattern = balance.pattern
    return {
        "autonomy": balance.autonomy,
        "connection": balance.connection,
        "pattern": None if pattern is None else pattern._value_,
        "pattern_reason": _reason(balance.pattern_reason),
        "near_midpoint": balance.near_midpoint,
        "autonomy_axis": _axis(balance.autonomy_axis),
        "connection_axis": _axis(balance.connection_axis),
        "evidence": _evidence(balance.evidence),
    }


def _stage(stage: StageFinding) -> Json:
    primary, runner_up = stage.primary, stage.runner_up
    return {
        "primary": None if primary is None else primary._value_,
        "confidence": stage.confidence,
        "mixed": stage.mixed,
        "runner_up": None if runner_up is None else runner_up._value_,
        "affinities": [
            {"stage": row.stage._value_, "affinity": row.affinity, "rule": row.rule}
            for row in stage.affinities
        ],
        "reason": _reason(stage.reason),
        "evidence": _evidence(stage.evidence),
    }


def _boundaries(found: Boundaries) -> Json:
    style, rigid_level, porous_level = found.style, found.rigid_level, found.porous_level
    return {
        "style": None if style is None else style._value_,
        "rigid": found.rigid,
        "rigid_level": None if rigid_level is None else rigid_level._value_,
        "porous": found.porous,
        "porous_level": None if porous_level is None else porous_level._value_,
        "reason": _reason(found.reason),
        "evidence": _evidence(found.evidence),
    }


def _barrier(row: BarrierFinding) -> Json:
    detail = row.detail
    return {
        "barrier": row.barrier._value_,
        "rank": row.rank,
        "score": row.score,
        "level": row.level._value_,
        "detail": None if detail is None else _reason(detail),
        "evidence": _evidence(row.evidence),
    }


def _risk(row: RiskFinding) -> Json:
    rule, explanation = row.rule, row.explanation
    return {
        "risk": row.risk._value_,
        "flagged": row.flagged,
        "assessable": row.assessable,
        "rule": {"code": rule.code, "params": rule.json_params.copy()},
        "explanation": {"code": explanation.code, "params": explanation.json_params.copy()},
        "evidence": _evidence(row.evidence),
    }


def profile_json(profile: Profile) -> Json:
    """The JSON an assessment stores (docs/profile.schema.json)."""
    confluence, focus, acquiescence = profile.confluence, profile.focus, profile.acquiescence
    return {
        "instrument_version": profile.instrument_version,
        "answered": profile.answered,
        "total_items": profile.total_items,
        "scales": [_scale(score) for score in profile.scales],
        "unscored": [_unscored(row) for row in profile.unscored],
        "balance": _balance(profile.balance),
        "stage": _stage(profile.stage),
        "boundaries": _boundaries(profile.boundaries),
        "confluence": {
            "score": confluence.score,
            "level": None if confluence.level is None else confluence.level._value_,
            "evidence": _evidence(confluence.evidence),
        },
        "barriers": [_barrier(row) for row in profile.barriers],
        "risks": [_risk(row) for row in profile.risks],
        "focus": {
            "focus": None if focus.focus is None else focus.focus._value_,
            "reason": _reason(focus.reason),
            "evidence": _evidence(focus.evidence),
        },
        "questions": [
            {"id": pick.id, "text": pick.text, "reasons": _reasons(pick.reasons)}
            for pick in profile.questions
        ],
        "experiments": [
            {
                "id": pick.id,
                "title": pick.title,
                "text": pick.text,
                "direction": pick.direction._value_,
                "stakes": pick.stakes._value_,
                "reasons": _reasons(pick.reasons),
            }
            for pick in profile.experiments
        ],
        "acquiescence": {
            "index": acquiescence.index,
            "balanced_scales": acquiescence.balanced_scales,
            "mean_agreement": acquiescence.mean_agreement,
            "flagged": acquiescence.flagged,
            "note": _reason(acquiescence.note),
        },
        "notes": _reasons(profile.notes),
    }
