"""What an integration review shows: now against the start and against the last review.

"Now" is the assessment the review remembered; "the start" is the first finished assessment;
"the last review" is the review before this one. The experiments and beliefs are those of the
stretch since the last review (since the start for a first review). Only what the reader may
see is in `data`, so a coach's copy compares shared assessments alone."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from django.utils.translation import gettext as _

from interplay.core import profile_change
from interplay.core.growth import growth_moments
from interplay.core.reference_values import PROVISIONAL, Reference
from interplay.core.vocabulary import Scale
from interplay.web.assessments.models import Assessment
from interplay.web.labels.growth import growth_sentence
from interplay.web.practice.growth import done_experiments, is_reflected
from interplay.web.progress.data import ProgressData
from interplay.web.progress.models import Review
from interplay.web.progress.presenters import change_sentence, day, reference_note


def _outcome(value: str) -> str:
    return {
        "yes": _("what was feared happened"),
        "partly": _("what was feared partly happened"),
        "no": _("what was feared did not happen"),
    }.get(value, "")


def _comparison(
    before: Assessment | None, now: Assessment | None, references: Mapping[Scale, Reference]
) -> dict[str, Any] | None:
    if before is None or now is None or before.pk == now.pk:
        return None
    changes = profile_change.changes_between(before.profile, now.profile, references)
    rows = [
        {
            "reliable": c.reliable,
            "sentence": change_sentence(c, references.get(c.scale, PROVISIONAL)),
        }
        for c in changes
    ]
    return {
        "since": day(before.completed_at) if before.completed_at else "",
        "moved": [r["sentence"] for r in rows if r["reliable"]],
        "steady": [r["sentence"] for r in rows if not r["reliable"]],
    }


def _in_window(when: datetime | None, start: datetime | None, end: datetime) -> bool:
    return when is not None and when <= end and (start is None or when > start)


def review_context(
    data: ProgressData, review: Review, references: Mapping[Scale, Reference]
) -> dict[str, Any]:
    visible = {a.pk: a for a in data.assessments}
    now = visible.get(review.assessment_id) if review.assessment_id else None
    start = data.assessments[0] if data.assessments else None
    earlier = [r for r in data.reviews if (r.created_at, r.pk) < (review.created_at, review.pk)]
    last = earlier[-1] if earlier else None
    last_assessment = visible.get(last.assessment_id) if last and last.assessment_id else None
    since = last.created_at if last else None
    window = [
        e for e in data.experiments
        if is_reflected(e) and _in_window(e.finished_at, since, review.created_at)
    ]  # fmt: skip
    mattered = growth_moments(done_experiments(window), ())
    seen_beliefs = {b.pk for b in data.beliefs}
    retested = [
        {
            "belief": e.belief.belief if e.belief else "",
            "alternative": e.belief.alternative if e.belief else "",
            "experiment": e.title,
            "outcome": _outcome(e.feared_outcome_happened),
        }
        for e in window
        if e.belief_id in seen_beliefs and e.belief is not None
    ]
    return {
        "review": review,
        "written": day(review.created_at),
        "now_label": day(now.completed_at) if now and now.completed_at else "",
        "against_start": _comparison(start, now, references),
        "against_last": _comparison(last_assessment, now, references),
        "last_review": day(last.created_at) if last else "",
        "mattered": [
            {"when": day(m.when), "sentence": growth_sentence(m, data.audience)} for m in mattered
        ],
        "experiments_count": len(window),
        "retested": retested,
        "kept_lines": review.kept_lines or [],
        "reference_note": reference_note(references),
    }


def review_rows(reviews: Sequence[Review]) -> list[dict[str, Any]]:
    return [{"review": r, "written": day(r.created_at)} for r in reversed(list(reviews))]
