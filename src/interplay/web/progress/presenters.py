"""What the progress page shows, worked out from one person's records (`data.ProgressData`).

Layout and words only: scores come from the stored profiles, reliable change from the core
(`profile_change`, `reference_values`), chart positions from `core.charts`, moments of growth
from `core.growth`. Nothing here writes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from interplay.core import profile_change
from interplay.core.charts import line_chart
from interplay.core.growth import ReliableStep, growth_moments
from interplay.core.psychometrics import ReliableChange
from interplay.core.reference_values import PROVISIONAL, Reference
from interplay.core.vocabulary import Outcome, Scale
from interplay.web import labels
from interplay.web.assessments.models import Assessment, PulseCheck
from interplay.web.labels.growth import growth_sentence
from interplay.web.practice.growth import done_experiments
from interplay.web.practice.models import Experiment
from interplay.web.progress.data import ProgressData
from interplay.web.relationships.changes import changes_since
from interplay.web.relationships.mapping import snapshot_of

SCALE_TICKS = (1.0, 3.0, 5.0)
AXIS_TICKS = (0.0, 50.0, 100.0)
# A move of the balance axes smaller than this (out of 100) is read as "about the same".
STEADY_WITHIN = 3


def day(moment: datetime) -> str:
    return date_format(localtime(moment), "j F Y")


def _scale_name(scale: Scale | str) -> str:
    return str(labels.label(labels.SCALES, scale))


# Scales over time --------------------------------------------------------------------------


def scale_charts(assessments: Sequence[Assessment]) -> list[dict[str, Any]]:
    """One chart per scale scored in any assessment, in the vocabulary's order."""
    series: dict[Scale, list[tuple[datetime, float]]] = {}
    for assessment in assessments:
        if assessment.completed_at is None:
            continue
        for scale, score in profile_change.scale_scores(assessment.profile).items():
            series.setdefault(scale, []).append((assessment.completed_at, score))
    charts = []
    for scale in Scale:
        if scale not in series:
            continue
        points = series[scale]
        chart = line_chart(points, 1.0, 5.0, SCALE_TICKS)
        charts.append(
            {
                "id": scale.value,
                "name": _scale_name(scale),
                "chart": chart,
                "series": points,
                "rows": [{"when": day(when), "score": f"{score:.2f}"} for when, score in points],
                "summary": _series_summary(points),
            }
        )
    return charts


def _series_summary(points: Sequence[tuple[datetime, float]]) -> str:
    if len(points) == 1:
        return _("One assessment so far: %(score).2f on 1 to 5.") % {"score": points[0][1]}
    first, last = points[0], points[-1]
    return _("From %(before).2f on %(start)s to %(after).2f on %(end)s (1 to 5).") % {
        "before": first[1],
        "start": day(first[0]),
        "after": last[1],
        "end": day(last[0]),
    }


# The Balance Map's trail, in words ---------------------------------------------------------


def _direction(before: float, after: float, axis: str) -> str:
    moved = round(after - before)
    if abs(moved) < STEADY_WITHIN:
        return _("%(axis)s about the same") % {"axis": axis}
    if moved > 0:
        return _("%(axis)s up %(n)d") % {"axis": axis, "n": moved}
    return _("%(axis)s down %(n)d") % {"axis": axis, "n": -moved}


def map_trail(assessments: Sequence[Assessment]) -> list[dict[str, Any]]:
    """Each assessment placed on the map, with how it moved since the one before."""
    steps: list[dict[str, Any]] = []
    previous: Assessment | None = None
    for assessment in assessments:
        if assessment.completed_at is None or assessment.autonomy is None:
            continue
        if assessment.connection is None:
            continue
        region = str(labels.label(labels.PATTERNS, assessment.pattern))
        if previous is None or previous.autonomy is None or previous.connection is None:
            moved = _("the first point on the map")
        else:
            moved = "; ".join(
                (
                    _direction(previous.autonomy, assessment.autonomy, _("autonomy")),
                    _direction(previous.connection, assessment.connection, _("connection")),
                )
            )
            if previous.pattern != assessment.pattern:
                moved += "; " + _("moved from “%(before)s” to “%(after)s”") % {
                    "before": labels.label(labels.PATTERNS, previous.pattern),
                    "after": region,
                }
        steps.append(
            {
                "when": day(assessment.completed_at),
                "autonomy": round(assessment.autonomy),
                "connection": round(assessment.connection),
                "region": region,
                "moved": moved,
            }
        )
        previous = assessment
    return steps


# Weekly check-ins --------------------------------------------------------------------------


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def pulse_trend(pulses: Sequence[PulseCheck]) -> dict[str, Any] | None:
    points = sorted(
        (
            (p.taken_at, float(p.result["autonomy"]), float(p.result["connection"]))
            for p in pulses
            if isinstance(p.result.get("autonomy"), int | float)
            and isinstance(p.result.get("connection"), int | float)
        ),
        key=lambda row: row[0],
    )
    if not points:
        return None
    sentence = _("One check-in so far.")
    if len(points) >= 4:
        half = len(points) // 2
        earlier, later = points[:half], points[half:]
        sentence = _(
            "Comparing your earlier %(n_early)d check-ins with the later %(n_late)d: %(a)s, "
            "%(c)s. Check-ins are rough weekly estimates, so watch the direction over "
            "months, not one week."
        ) % {
            "n_early": len(earlier),
            "n_late": len(later),
            "a": _direction(_mean([p[1] for p in earlier]), _mean([p[1] for p in later]),
                            _("autonomy")),
            "c": _direction(_mean([p[2] for p in earlier]), _mean([p[2] for p in later]),
                            _("connection")),
        }  # fmt: skip
    elif len(points) > 1:
        sentence = _("%(n)d check-ins so far: a few more show a direction.") % {"n": len(points)}
    return {
        "autonomy": line_chart([(p[0], p[1]) for p in points], 0.0, 100.0, AXIS_TICKS),
        "connection": line_chart([(p[0], p[2]) for p in points], 0.0, 100.0, AXIS_TICKS),
        "rows": [
            {"when": day(when), "autonomy": round(a), "connection": round(c)}
            for when, a, c in points
        ],
        "sentence": sentence,
    }


# Experiments -------------------------------------------------------------------------------


def _reflected(experiments: Sequence[Experiment]) -> list[Experiment]:
    return [
        e
        for e in experiments
        if e.reflected and e.finished_at is not None and e.feared_outcome_happened
    ]


def feared_sentence(happened: int, partly: int, total: int) -> str:
    """“What they taught”: how often the feared outcome came true, counted inside the total."""
    if total == 0:
        return _("No experiment reflected on yet.")
    text = ngettext(
        "The feared outcome happened in %(n)d of %(m)d experiment",
        "The feared outcome happened in %(n)d of %(m)d experiments",
        total,
    ) % {"n": happened, "m": total}
    if partly:
        text += _(", and partly in %(p)d of them") % {"p": partly}
    return text + "."


def experiments_by_month(experiments: Sequence[Experiment]) -> dict[str, Any]:
    done = _reflected(experiments)
    months: dict[tuple[int, int], list[Experiment]] = {}
    for experiment in done:
        assert experiment.finished_at is not None
        when = localtime(experiment.finished_at)
        months.setdefault((when.year, when.month), []).append(experiment)
    rows = []
    for _key, here in sorted(months.items()):
        outcomes = [e.feared_outcome_happened for e in here]
        rows.append(
            {
                "month": date_format(localtime(here[0].finished_at), "F Y"),
                "count": len(here),
                "sentence": feared_sentence(
                    outcomes.count(Outcome.YES), outcomes.count(Outcome.PARTLY), len(here)
                ),
            }
        )
    outcomes = [e.feared_outcome_happened for e in done]
    return {
        "rows": rows,
        "sentence": feared_sentence(
            outcomes.count(Outcome.YES), outcomes.count(Outcome.PARTLY), len(done)
        ),
        "total": len(done),
        "happened": outcomes.count(Outcome.YES),
    }


# The relationship map ----------------------------------------------------------------------


def map_changes(snapshots: Sequence[Any] | None) -> list[dict[str, Any]] | None:
    """What changed between each snapshot and the one before, oldest first."""
    if snapshots is None:
        return None
    ordered = sorted(snapshots, key=lambda s: (s.taken_at, s.pk))
    rows = []
    for before, after in zip(ordered, ordered[1:], strict=False):
        lines = changes_since(snapshot_of(before).people, snapshot_of(after).people)
        rows.append(
            {
                "since": day(before.taken_at),
                "when": day(after.taken_at),
                "lines": lines or [_("Nothing changed on the map.")],
            }
        )
    return rows


# Reliable change ---------------------------------------------------------------------------


def reference_note(references: Mapping[Scale, Reference]) -> str:
    own = [r for r in references.values() if not r.provisional]
    if not own:
        return _(
            "Judged against provisional figures (a spread of %(sd)s and a reliability of "
            "%(r)s for every scale), until at least 30 people in this practice have finished "
            "an assessment: then the practice's own figures are used."
        ) % {"sd": f"{PROVISIONAL.sd:.2f}", "r": f"{PROVISIONAL.reliability:.2f}"}
    note = ngettext(
        "Judged against figures from the first assessments of %(n)d person in this practice.",
        "Judged against figures from the first assessments of %(n)d people in this practice.",
        own[0].people,
    ) % {"n": own[0].people}
    provisional = [_scale_name(scale) for scale, r in references.items() if r.provisional]
    if provisional:
        note += " " + _(
            "For %(scales)s the practice's answers do not yet give usable figures, so the "
            "provisional ones are used there."
        ) % {"scales": ", ".join(provisional)}
    return note


def change_sentence(item: profile_change.ScaleChange, reference: Reference) -> str:
    """One scale's move in plain words, for the person themselves."""
    values = {
        "scale": _scale_name(item.scale),
        "before": item.before,
        "after": item.after,
        "needed": reference.smallest_move,
    }
    if item.classification is ReliableChange.IMPROVED:
        return (
            _(
                "%(scale)s went from %(before).2f to %(after).2f. That is more than answers "
                "wobble by on their own (about %(needed).2f), so it is a real move, toward balance."
            )
            % values
        )
    if item.classification is ReliableChange.WORSE:
        return (
            _(
                "%(scale)s went from %(before).2f to %(after).2f. That is more than answers "
                "wobble by on their own (about %(needed).2f), so it is a real move, away from "
                "balance: worth noticing, and worth talking over."
            )
            % values
        )
    if item.change == 0:
        return _("%(scale)s stayed at %(after).2f.") % values
    return (
        _(
            "%(scale)s went from %(before).2f to %(after).2f: within the wobble of answering "
            "(a real move needs about %(needed).2f), so no reliable change yet."
        )
        % values
    )


def _pick(assessments: Sequence[Assessment], pk: int | None, fallback: Assessment) -> Assessment:
    return next((a for a in assessments if a.pk == pk), fallback)


def reliable_change(
    assessments: Sequence[Assessment],
    references: Mapping[Scale, Reference],
    from_pk: int | None = None,
    to_pk: int | None = None,
) -> dict[str, Any] | None:
    """Any two assessments compared (by default the first and the latest)."""
    if len(assessments) < 2:
        return None
    before = _pick(assessments, from_pk, assessments[0])
    after = _pick(assessments, to_pk, assessments[-1])
    same = before.pk == after.pk
    changes = (
        [] if same else profile_change.changes_between(before.profile, after.profile, references)
    )
    rows = [
        {
            "name": _scale_name(item.scale),
            "before": f"{item.before:.2f}",
            "after": f"{item.after:.2f}",
            "reliable": item.reliable,
            "improved": item.classification is ReliableChange.IMPROVED,
            "sentence": change_sentence(item, references.get(item.scale, PROVISIONAL)),
        }
        for item in changes
    ]
    return {
        "options": [
            {"pk": a.pk, "label": day(a.completed_at)} for a in assessments if a.completed_at
        ],
        "before": before,
        "after": after,
        "before_label": day(before.completed_at) if before.completed_at else "",
        "after_label": day(after.completed_at) if after.completed_at else "",
        "same": same,
        "reliable": [r for r in rows if r["reliable"]],
        "steady": [r for r in rows if not r["reliable"]],
        "reference_note": reference_note(references),
    }


# Growth ------------------------------------------------------------------------------------


def reliable_steps(
    assessments: Sequence[Assessment], references: Mapping[Scale, Reference]
) -> list[ReliableStep]:
    steps = []
    for before, after in zip(assessments, assessments[1:], strict=False):
        if before.completed_at is None or after.completed_at is None:
            continue
        improved = tuple(
            c.scale
            for c in profile_change.changes_between(before.profile, after.profile, references)
            if c.classification is ReliableChange.IMPROVED
        )
        steps.append(ReliableStep(after.completed_at, before.completed_at, improved))
    return steps


def growth(data: ProgressData, references: Mapping[Scale, Reference]) -> list[dict[str, str]]:
    moments = growth_moments(
        done_experiments(data.experiments), reliable_steps(data.assessments, references)
    )
    return [{"when": day(m.when), "sentence": growth_sentence(m, data.audience)} for m in moments]


def progress_context(
    data: ProgressData,
    references: Mapping[Scale, Reference],
    from_pk: int | None = None,
    to_pk: int | None = None,
) -> dict[str, Any]:
    return {
        "person": data.person,
        "audience": data.audience,
        "assessments": data.assessments,
        "scale_charts": scale_charts(data.assessments),
        "trail": map_trail(data.assessments),
        "pulse": pulse_trend(data.pulses),
        "experiments": experiments_by_month(data.experiments),
        "map_changes": map_changes(data.snapshots),
        "change": reliable_change(data.assessments, references, from_pk, to_pk),
        "growth": growth(data, references),
    }
