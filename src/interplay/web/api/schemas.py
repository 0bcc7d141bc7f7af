"""The API's typed request and response bodies (they become the OpenAPI schema)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from ninja import Field, Path, Schema

from interplay.web.journal.actions import MAX_LENGTH

# A row's number in a path: what both databases can hold (a larger one is a 422, not a 500).
RowId = Annotated[int, Path(ge=1, le=2**63 - 1)]
MAX_ANALYSE = 20_000  # characters of text analysed per request


class ProblemOut(Schema):
    """RFC 9457 problem details."""

    type: str
    title: str
    status: int
    detail: str
    code: str
    instance: str
    errors: list[dict[str, Any]] | None = None


# Scoring and text analysis ----------------------------------------------------------------


class ScoreIn(Schema):
    answers: dict[str, int] = Field(
        description="Item id to answer, 1 (strongly disagree) to 5 (strongly agree)."
    )


class ProfileOut(Schema):
    profile: dict[str, Any] = Field(description="The profile, as docs/profile.schema.json.")


class TextIn(Schema):
    text: str = Field(min_length=1, max_length=MAX_ANALYSE)


class SpanOut(Schema):
    label: str
    start: int
    end: int


class RangeOut(Schema):
    """Where in the text a finding's evidence is (character offsets, end exclusive)."""

    start: int
    end: int


class StatementOut(Schema):
    i_statement: bool
    blame: bool
    feeling: bool
    need: bool
    request: bool
    absolute: bool
    hedge_apology: bool
    spans: list[SpanOut]
    suggestion: str
    rewrite: str


class ThemeOut(Schema):
    theme: str
    score: float
    evidence: list[RangeOut]


class SafetyOut(Schema):
    risk: str = Field(description='"none" when nothing was found.')
    evidence: list[RangeOut]
    support_url: str | None = Field(description="Where to find help, when a risk was found.")


class AnalysisOut(Schema):
    statements: StatementOut
    themes: list[ThemeOut]
    safety: SafetyOut


# Profiles -----------------------------------------------------------------------------------


class ProfileSummaryOut(Schema):
    id: int
    completed_at: datetime
    stage: str
    focus: str
    boundary_style: str
    autonomy: float | None
    connection: float | None
    shared_with_coach: bool


class ProfileDetailOut(ProfileSummaryOut):
    profile: dict[str, Any]


class ProfilePage(Schema):
    items: list[ProfileSummaryOut]
    next_cursor: str | None


# Journal ------------------------------------------------------------------------------------


class ThemeScoreOut(Schema):
    theme: str
    score: float


class EntryOut(Schema):
    id: int
    title: str
    body: str
    prompt_id: str
    shared_with_coach: bool
    created_at: datetime
    updated_at: datetime
    themes: list[ThemeScoreOut]


class EntryPage(Schema):
    items: list[EntryOut]
    next_cursor: str | None


class EntryIn(Schema):
    title: str = Field("", max_length=300)
    body: str = Field(min_length=1, max_length=MAX_LENGTH)
    prompt_id: str = Field("", max_length=40)


class SharingIn(Schema):
    shared: bool


# Coaches ------------------------------------------------------------------------------------


class ClientOut(Schema):
    id: int
    name: str
    since: datetime


class ClientPage(Schema):
    items: list[ClientOut]
    next_cursor: str | None


class ClientDetailOut(ClientOut):
    profiles: list[ProfileSummaryOut] = Field(description="Finished assessments they shared.")
