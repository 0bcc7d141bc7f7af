"""Stored rows to the API's response bodies (nothing is computed here that a page does not
already show)."""

from __future__ import annotations

from typing import Any

from interplay.web.assessments.models import Assessment
from interplay.web.journal.analysis import stored_reading
from interplay.web.journal.models import Entry

# Every error an endpoint may answer with, each as a problem document (problems.py).
PROBLEM_CODES = frozenset({400, 401, 403, 404, 422, 429})


def entry_out(entry: Entry) -> dict[str, Any]:
    found = stored_reading(entry)
    return {
        "id": entry.pk,
        "title": entry.title,
        "body": entry.body,
        "prompt_id": entry.prompt_id,
        "shared_with_coach": entry.shared_with_coach,
        "created_at": entry.created_at,
        "updated_at": entry.updated_at,
        "themes": [{"theme": theme.value, "score": score} for theme, score in found.themes],
    }


def profile_summary(assessment: Assessment) -> dict[str, Any]:
    return {
        "id": assessment.pk,
        "completed_at": assessment.completed_at,
        "stage": assessment.stage,
        "focus": assessment.focus,
        "boundary_style": assessment.boundary_style,
        "autonomy": assessment.autonomy,
        "connection": assessment.connection,
        "shared_with_coach": assessment.shared_with_coach,
    }


def profile_detail(assessment: Assessment) -> dict[str, Any]:
    return profile_summary(assessment) | {"profile": dict(assessment.profile or {})}
