"""For coaches: their current clients and what each shared. Every read goes through
`access_client_for_coach` (the `ClientView`: a client who is not this coach's current client is
a 404) and is audited with the same `record(coach_read(...))` as the coach's pages."""

from __future__ import annotations

from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Field, Router

from interplay.web.accounts.coaches import current_relationships
from interplay.web.api.auth import READ_CLIENTS, caller
from interplay.web.api.pagination import DEFAULT_LIMIT, MAX_LIMIT, newest_first
from interplay.web.api.schemas import (
    ClientDetailOut,
    ClientPage,
    EntryOut,
    EntryPage,
    ProblemOut,
    ProfileDetailOut,
    RowId,
)
from interplay.web.api.shapes import PROBLEM_CODES, entry_out, profile_detail, profile_summary
from interplay.web.coaching.access import (
    access_client_for_coach,
    coach_read,
    get_shared_assessment_for_coach,
    get_shared_entry_for_coach,
    list_reads,
)
from interplay.web.kernel.audit import record

router = Router(tags=["coaches"])


@router.get("/clients", auth=READ_CLIENTS, response={200: ClientPage, PROBLEM_CODES: ProblemOut})
def clients(
    request: HttpRequest,
    cursor: str | None = None,
    limit: Annotated[int, Field(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> dict[str, Any]:
    """The coach's current clients, the most recent first."""
    coach = caller(request).user
    rows, after = newest_first(current_relationships(coach), "started_at", cursor, limit)
    record(*list_reads(coach, [row.client_id for row in rows], "api: client list"))
    items = [{"id": r.client_id, "name": r.client.name, "since": r.started_at} for r in rows]
    return {"items": items, "next_cursor": after}


@router.get(
    "/clients/{client_id}",
    auth=READ_CLIENTS,
    response={200: ClientDetailOut, PROBLEM_CODES: ProblemOut},
)
def client(request: HttpRequest, client_id: RowId) -> dict[str, Any]:
    """One client and the assessments they shared."""
    view = access_client_for_coach(caller(request).user, client_id)
    record(coach_read(view, "api: client"))
    since = current_relationships(view.coach).get(client_id=view.pk).started_at
    return {
        "id": view.pk,
        "name": view.client.name,
        "since": since,
        "profiles": [profile_summary(row) for row in reversed(view.assessments())],
    }


@router.get(
    "/clients/{client_id}/profiles/{profile_id}",
    auth=READ_CLIENTS,
    response={200: ProfileDetailOut, PROBLEM_CODES: ProblemOut},
)
def client_profile(request: HttpRequest, client_id: RowId, profile_id: RowId) -> dict[str, Any]:
    found = get_shared_assessment_for_coach(caller(request).user, client_id, profile_id)
    return profile_detail(found)


@router.get(
    "/clients/{client_id}/journal",
    auth=READ_CLIENTS,
    response={200: EntryPage, PROBLEM_CODES: ProblemOut},
)
def client_entries(
    request: HttpRequest,
    client_id: RowId,
    cursor: str | None = None,
    limit: Annotated[int, Field(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> dict[str, Any]:
    """The entries the client shared, newest first."""
    view = access_client_for_coach(caller(request).user, client_id)
    rows, after = newest_first(view.entry_rows(), "created_at", cursor, limit)
    record(coach_read(view, "api: journal"))
    return {"items": [entry_out(row) for row in rows], "next_cursor": after}


@router.get(
    "/clients/{client_id}/journal/{entry_id}",
    auth=READ_CLIENTS,
    response={200: EntryOut, PROBLEM_CODES: ProblemOut},
)
def client_entry(request: HttpRequest, client_id: RowId, entry_id: RowId) -> dict[str, Any]:
    return entry_out(get_shared_entry_for_coach(caller(request).user, client_id, entry_id))
