"""A person's own things: scoring an answer set, analysing a text, their profiles."""

from __future__ import annotations

from typing import Annotated, Any

from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Field, Router

from interplay.core.profile import build_profile
from interplay.core.scoring import AnswerError
from interplay.web.api.auth import READ_OWN, caller
from interplay.web.api.pagination import DEFAULT_LIMIT, MAX_LIMIT, newest_first
from interplay.web.api.problems import Problem
from interplay.web.api.schemas import (
    AnalysisOut,
    ProblemOut,
    ProfileDetailOut,
    ProfileOut,
    ProfilePage,
    RowId,
    ScoreIn,
    TextIn,
)
from interplay.web.api.shapes import PROBLEM_CODES, profile_detail, profile_summary
from interplay.web.assessments.access import finished_assessments_of, get_assessment_for_user
from interplay.web.language import language_engines

router = Router(tags=["own"])


@router.post("/score", auth=READ_OWN, response={200: ProfileOut, PROBLEM_CODES: ProblemOut})
def score(request: HttpRequest, body: ScoreIn) -> dict[str, Any]:
    """Score an answer set as the self-assessment does, without storing anything."""
    try:
        profile = build_profile(body.answers)
    except AnswerError as error:
        raise Problem(422, "bad_answers", str(error)) from None
    return {"profile": profile.to_dict()}


@router.post("/analyse", auth=READ_OWN, response={200: AnalysisOut, PROBLEM_CODES: ProblemOut})
def analyse(request: HttpRequest, body: TextIn) -> dict[str, Any]:
    """The statement coach, the journal themes and the safety screen over one text; nothing is
    stored. A found risk comes with where to find help."""
    readers = language_engines()
    statements = readers.statements.analyse(body.text)
    themes = readers.themes.analyse(body.text)
    safety = readers.safety.analyse(body.text)
    return {
        "statements": statements.to_dict(),
        "themes": [finding.to_dict() for finding in themes.themes],
        "safety": safety.to_dict()
        | {"support_url": reverse("safety:support") if safety.flagged else None},
    }


@router.get("/profiles", auth=READ_OWN, response={200: ProfilePage, PROBLEM_CODES: ProblemOut})
def profiles(
    request: HttpRequest,
    cursor: str | None = None,
    limit: Annotated[int, Field(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> dict[str, Any]:
    """One's finished assessments, newest first."""
    rows, after = newest_first(
        finished_assessments_of(caller(request).user), "completed_at", cursor, limit
    )
    return {"items": [profile_summary(row) for row in rows], "next_cursor": after}


@router.get(
    "/profiles/{profile_id}",
    auth=READ_OWN,
    response={200: ProfileDetailOut, PROBLEM_CODES: ProblemOut},
)
def profile(request: HttpRequest, profile_id: RowId) -> dict[str, Any]:
    """One finished assessment with its whole profile."""
    found = get_assessment_for_user(caller(request).user, profile_id)
    if found.completed_at is None:
        raise Http404
    return profile_detail(found)
