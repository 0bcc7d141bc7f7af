"""Turn a stored profile (JSON from the core) into what the profile page draws.

Only layout is worked out here (positions on the Balance Map, widths of bars, human names);
every score and finding comes from the stored profile as the core made it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from interplay.core.growth import Growth, GrowthKind
from interplay.core.profile_change import changes_between
from interplay.core.profile_json import readable_profile, stored_evidence
from interplay.core.psychometrics import ReliableChange
from interplay.core.reference_values import Reference
from interplay.core.standing import stage_words
from interplay.core.vocabulary import Barrier, Pattern, Scale
from interplay.web import labels
from interplay.web.accounts.models import User
from interplay.web.assessments import fragments
from interplay.web.assessments.access import check_in_results, finished_headlines
from interplay.web.assessments.models import Assessment, PulseCheck
from interplay.web.assessments.reference import practice_references
from interplay.web.labels.growth import growth_sentence
from interplay.web.reasons import Audience, render, render_all

# Balance Map geometry, in SVG user units: a square plot inside a margin for axis labels.
MAP_SIZE = 400
PLOT_MIN = 48
PLOT_MAX = 384
MIDPOINT = 50  # on the 0..100 axes, where each region begins
SCORE_MIN, SCORE_MAX = 1.0, 5.0
LOW_BELOW, HIGH_ABOVE = 2.5, 3.5  # the band cut points, drawn as ticks on each bar


@dataclass(frozen=True)
class MapPoint:
    x: float
    y: float
    autonomy: float
    connection: float
    when: datetime
    kind: str  # "assessment" or "pulse"

    @property
    def label(self) -> str:
        # Worked out when the map is drawn, not for every point of every request: the map's
        # markup is kept per set of points (and language), so most requests never ask.
        return _("%(kind)s on %(date)s: autonomy %(a)d, connection %(c)d") % {
            "kind": _("Assessment") if self.kind == "assessment" else _("Check-in"),
            "date": date_format(self.when, "j F Y"),
            "a": round(self.autonomy),
            "c": round(self.connection),
        }


def _x(autonomy: float) -> float:
    return round(PLOT_MIN + autonomy / 100 * (PLOT_MAX - PLOT_MIN), 1)


def _y(connection: float) -> float:
    return round(PLOT_MAX - connection / 100 * (PLOT_MAX - PLOT_MIN), 1)


def _point(autonomy: object, connection: object, when: datetime, kind: str) -> MapPoint | None:
    if not isinstance(autonomy, (int, float)) or not isinstance(connection, (int, float)):
        return None  # an axis the core could not score: left off the map, not guessed
    return MapPoint(_x(autonomy), _y(connection), autonomy, connection, when, kind)


def trail_points(
    assessments: Sequence[Assessment], pulses: Sequence[PulseCheck], until: datetime
) -> list[MapPoint]:
    """Every scored point up to `until`, oldest first: assessments and check-ins alike."""
    points: list[MapPoint] = []
    for assessment in assessments:
        if assessment.completed_at and assessment.completed_at <= until:
            point = _point(  # the stored columns: the trail never parses the profile JSON
                assessment.autonomy,
                assessment.connection,
                assessment.completed_at,
                "assessment",
            )
            if point:
                points.append(point)
    for pulse in pulses:
        if pulse.taken_at <= until:
            # The stored columns, as for assessments; the result is read (and decrypted) only
            # for a check-in without them (loaded in bulk, or an axis the core left unscored).
            autonomy, connection = pulse.autonomy, pulse.connection
            if autonomy is None or connection is None:
                autonomy = pulse.result.get("autonomy")
                connection = pulse.result.get("connection")
            point = _point(autonomy, connection, pulse.taken_at, "pulse")
            if point:
                points.append(point)
    points.sort(key=lambda point: point.when)
    return points


def map_html(
    points: Sequence[MapPoint], current: MapPoint | None, pattern: str | None
) -> SafeString:
    """The Balance Map's HTML (`_balance_map.html`), kept per set of points: it is the same
    markup for the same points, current point and pattern, and rendering its SVG cost more
    than reading the data behind it."""
    return fragments.kept(
        ("balance map", tuple(points), current, pattern),
        lambda: SafeString(
            render_to_string(
                "assessments/_balance_map.html", {"map": balance_map(points, current, pattern)}
            )
        ),
    )


def balance_map(
    points: Sequence[MapPoint], current: MapPoint | None, pattern: str | None
) -> dict[str, Any]:
    """The map for one assessment (`current`, drawn large) among all `points` (the trail)."""
    mid = _x(MIDPOINT)
    others = [point for point in points if point != current]
    regions: list[dict[str, Any]] = [
        # x, y, label, anchor position: top-left is high connection, low autonomy.
        {"x": PLOT_MIN, "y": PLOT_MIN, "label": labels.PATTERNS[Pattern.DEPENDENT]},
        {"x": mid, "y": PLOT_MIN, "label": labels.PATTERNS[Pattern.INTERDEPENDENT]},
        {"x": PLOT_MIN, "y": mid, "label": labels.PATTERNS[Pattern.WITHDRAWN]},
        {"x": mid, "y": mid, "label": labels.PATTERNS[Pattern.OVER_INDEPENDENT]},
    ]
    half = mid - PLOT_MIN
    for region in regions:
        region.update(width=half, height=half, tx=region["x"] + 8, ty=region["y"] + 20)
    description = _("Too few answers to place a point for this assessment.")
    if current is not None:
        description = _(
            "Autonomy %(a)d out of 100 and connection %(c)d out of 100: the region called "
            "“%(region)s”."
        ) % {
            "a": round(current.autonomy),
            "c": round(current.connection),
            "region": labels.label(labels.PATTERNS, pattern),
        }
    # The trail's text alternative is a table a person opens when they want it (under the
    # map), not a paragraph of dated points in the caption: two phone screens at 15 points.
    trail_rows = [
        {
            "when": date_format(timezone.localtime(point.when), "j F Y"),
            "kind": _("Assessment") if point.kind == "assessment" else _("Weekly check-in"),
            "autonomy": round(point.autonomy),
            "connection": round(point.connection),
            "current": point == current,
        }
        for point in points
    ]
    return {
        "size": MAP_SIZE,
        "plot_min": PLOT_MIN,
        "plot_max": PLOT_MAX,
        "plot_size": PLOT_MAX - PLOT_MIN,
        "mid": mid,
        "regions": regions,
        "current": current,
        "others": others,
        "trail": " ".join(f"{point.x},{point.y}" for point in points),
        "description": description,
        "trail_rows": trail_rows if others else [],
    }


def _percent(score: float) -> float:
    return round((score - SCORE_MIN) / (SCORE_MAX - SCORE_MIN) * 100, 1)


def evidence_rows(
    evidence: object, scales: Mapping[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Scale evidence from the profile, as sentences a person can check against their answers:
    `evidence` names the scales, looked up in `scales` (the profile's scored scales by name)."""
    rows = []
    for name in evidence if isinstance(evidence, Sequence) else ():
        scale = name if isinstance(name, Mapping) else (scales or {}).get(str(name))
        if not isinstance(scale, Mapping):
            continue
        rows.append(
            {
                "name": labels.label(labels.SCALES, scale.get("scale")),
                "score": scale.get("score"),
                "level": labels.label(labels.LEVELS, scale.get("level")),
                "answers": [
                    {
                        "text": answer.get("text", ""),
                        "answer": labels.label(labels.ANSWERS, answer.get("answer")),
                        "reverse": bool(answer.get("reverse")),
                    }
                    for answer in scale.get("answers", ())
                    if isinstance(answer, Mapping)
                ],
            }
        )
    return rows


def scale_bars(profile: Mapping[str, Any]) -> list[dict[str, Any]]:
    bars = []
    for scale in profile.get("scales", ()):
        bars.append(
            {
                "id": scale["scale"],
                "name": labels.label(labels.SCALES, scale["scale"]),
                "score": scale["score"],
                "percent": _percent(scale["score"]),
                "level": labels.label(labels.LEVELS, scale["level"]),
                "evidence": evidence_rows([scale]),
            }
        )
    return bars


def _scales_by_name(profile: Mapping[str, Any]) -> dict[str, Any]:
    return {
        str(row.get("scale")): row for row in profile.get("scales", ()) if isinstance(row, Mapping)
    }


def findings(profile: Mapping[str, Any], audience: Audience = "client") -> dict[str, Any]:
    """The profile's findings for a page: `audience` "coach" words them to the coach, about the
    client (web/reasons.py COACH_MESSAGES)."""
    # Either stored form: evidence as scale names (the first form's copies read by name).
    profile = stored_evidence(profile)
    scales = _scales_by_name(profile)

    def evidence(part: Mapping[str, Any]) -> list[dict[str, Any]]:
        return evidence_rows(part.get("evidence"), scales)

    stage = profile.get("stage") or {}
    boundaries = profile.get("boundaries") or {}
    focus = profile.get("focus") or {}
    confluence = profile.get("confluence") or {}
    risks = [
        {
            "name": labels.label(labels.RISKS, risk.get("risk")),
            "explanation": render(risk.get("explanation"), audience),
            "rule": render(risk.get("rule"), audience),
            "evidence": evidence(risk),
        }
        for risk in profile.get("risks", ())
        if risk.get("flagged")
    ]
    barriers = [
        {
            "name": labels.label(labels.BARRIERS, barrier.get("barrier")),
            "rank": barrier.get("rank"),
            "level": labels.label(labels.LEVELS, barrier.get("level")),
            "score": barrier.get("score"),
            "evidence": evidence(barrier),
        }
        for barrier in profile.get("barriers", ())
        # A low score is not holding anyone back: only moderate and high barriers are listed.
        if barrier.get("level") != "low"
    ]
    words = stage_words(stage, (profile.get("balance") or {}).get("pattern"))
    found: dict[str, Any] = {
        "stage": {
            "name": labels.label(labels.STAGES, words.primary),
            "runner_up": labels.label(labels.STAGES, words.also_close) if words.also_close else "",
            "mixed": words.mixed,
            "follows_region": words.follows_region,
            "confidence": round(100 * stage["confidence"])
            if isinstance(stage.get("confidence"), (int, float))
            else None,
            "reason": render(stage.get("reason"), audience),
            "evidence": evidence(stage),
            "known": stage.get("primary") is not None,
        },
        "boundaries": {
            "name": labels.label(labels.BOUNDARY_STYLES, boundaries.get("style")),
            "reason": render(boundaries.get("reason"), audience),
            "evidence": evidence(boundaries),
            "known": boundaries.get("style") is not None,
        },
        "confluence": {
            "level": labels.label(labels.LEVELS, confluence.get("level")),
            "score": confluence.get("score"),
            "evidence": evidence(confluence),
            "known": confluence.get("level") is not None,
        },
        "focus": {
            "name": labels.label(labels.FOCUSES, focus.get("focus")),
            "reason": render(focus.get("reason"), audience),
            "evidence": evidence(focus),
            "known": focus.get("focus") is not None,
        },
        "barriers": barriers,
        "barriers_unscored": any(
            row.get("scale") in {b.value for b in Barrier} for row in profile.get("unscored", ())
        ),
        "risks": risks,
        "risks_unjudged": not any(
            risk.get("assessable", True) for risk in profile.get("risks", ())
        ),
    }
    found["stage"]["sentence"] = stage_sentence(found["stage"], audience)
    return found


def profile_context(user: User, assessment: Assessment) -> dict[str, Any]:
    """The profile page around its findings (`findings_context`): the map with its trail,
    the sharing switch, the earlier assessments. Two queries for the trail, none per item;
    the profile JSON is not read (the pattern is a headline column)."""
    # The trail reads the stored headline columns: no other assessment's profile is loaded.
    assessments = finished_headlines(user)
    pulses = check_in_results(user)  # the trail needs a check-in's two scores only
    # The latest profile shows every point since, check-ins included; an earlier one stops at
    # its own date, so it reads as it did then.
    newest = max(assessments, key=lambda a: (a.completed_at, a.pk))
    until = (
        timezone.now()
        if newest.pk == assessment.pk or assessment.completed_at is None
        else assessment.completed_at
    )
    points = trail_points(assessments, pulses, until)
    current = next(
        (p for p in points if p.kind == "assessment" and p.when == assessment.completed_at), None
    )
    pattern = assessment.pattern or None
    return {
        "growth": growth_since_previous(assessments, assessment),
        "assessment": assessment,
        "map_html": map_html(points, current, pattern),
        "pattern": labels.label(labels.PATTERNS, pattern),
        "balance": {"pattern": pattern},
        "earlier": [a for a in assessments if a.pk != assessment.pk],
    }


def findings_context(assessment: Assessment) -> dict[str, Any]:
    """What `_profile_findings.html` shows: the stored profile's findings, scores and picks,
    and nothing else (so the rendered part can be kept per assessment and language)."""
    profile = assessment.profile or {}
    return {
        "profile": profile,
        "bars": scale_bars(profile),
        "band_low": _percent(LOW_BELOW),
        "band_high": _percent(HIGH_ABOVE),
        "unscored": [
            {
                "name": labels.label(labels.SCALES, row.get("scale")),
                "reason": render(row.get("reason")),
            }
            for row in profile.get("unscored", ())
        ],
        "notes": render_all(profile.get("notes")),
        **findings(profile),
    }


def stage_sentence(stage: Mapping[str, Any], audience: Audience = "client") -> str:
    """The stage in words, as the profile page, the coach's copy and the reports say it (the
    order of the stages is `core.standing`'s, so it agrees with the map region)."""
    if not stage.get("known"):
        return ""
    text = _("Nearest stage: %(name)s.") % {"name": stage["name"]}
    other = {"other": stage.get("runner_up")}
    if stage.get("mixed") and stage.get("runner_up"):
        text += (
            " "
            + (
                _(
                    "Their answers also sit close to %(other)s: a mixed picture like this is "
                    "common and worth exploring."
                )
                if audience == "coach"
                else _(
                    "Your answers also sit close to %(other)s: a mixed picture like this is common "
                    "and worth exploring."
                )
            )
            % other
        )
    if stage.get("follows_region"):
        text += (
            " "
            + (
                _(
                    "The stage named first is the one their region on the Balance Map belongs to; "
                    "on the three stage scales alone, %(other)s comes out ahead."
                )
                if audience == "coach"
                else _(
                    "The stage named first is the one your region on the Balance Map belongs to; "
                    "on the three stage scales alone, %(other)s comes out ahead."
                )
            )
            % other
        )
    return text


def growth_since_previous(assessments: Sequence[Assessment], assessment: Assessment) -> str:
    """One calm sentence when this assessment shows a reliable change toward balance since the
    one before it (acknowledged where it happens; gathered on the progress page too)."""
    if assessment.completed_at is None:
        return ""
    earlier = [
        a for a in assessments if a.completed_at and a.completed_at < assessment.completed_at
    ]
    if not earlier:
        return ""
    previous = max(earlier, key=lambda a: (a.completed_at, a.pk))
    references = practice_references()
    # Both assessments are finished, so their profiles never change: the sentence is the same
    # until the practice's reference figures move (they are part of the key). Working it out
    # decrypts and parses both profiles.
    key = (
        "growth",
        assessment.pk,
        assessment.user_id,
        assessment.completed_at,
        previous.pk,
        previous.completed_at,
        tuple(sorted((scale.value, figures) for scale, figures in references.items())),
    )
    return fragments.kept(key, lambda: _growth(assessment, previous, references))


def _growth(
    assessment: Assessment, previous: Assessment, references: Mapping[Scale, Reference]
) -> str:
    assert assessment.completed_at is not None and previous.completed_at is not None
    stored = Assessment.objects.filter(pk=previous.pk).values_list("profile", flat=True).first()
    before = readable_profile(stored)  # a bare value, not through Assessment.from_db
    improved = tuple(
        change.scale
        for change in changes_between(before, assessment.profile, references)
        if change.classification is ReliableChange.IMPROVED
    )
    if not improved:
        return ""
    moment = Growth(
        GrowthKind.RELIABLE_CHANGE,
        assessment.completed_at,
        scales=improved,
        since=previous.completed_at,
    )
    return growth_sentence(moment)


def summary(profile: Mapping[str, Any] | None) -> dict[str, Any]:
    """A few words about a stored profile, for lists and the coach's overview: the four names
    read directly (building every finding's evidence to read them cost more than the page)."""
    profile = profile or {}
    balance = profile.get("balance") or {}
    stage = stage_words(profile.get("stage"), balance.get("pattern")).primary
    style = (profile.get("boundaries") or {}).get("style")
    focus = (profile.get("focus") or {}).get("focus")
    return {
        "pattern": labels.label(labels.PATTERNS, balance.get("pattern")),
        "autonomy": balance.get("autonomy"),
        "connection": balance.get("connection"),
        "focus": labels.label(labels.FOCUSES, focus) if focus is not None else "",
        "stage": labels.label(labels.STAGES, stage) if stage is not None else "",
        "boundaries": labels.label(labels.BOUNDARY_STYLES, style) if style is not None else "",
    }
