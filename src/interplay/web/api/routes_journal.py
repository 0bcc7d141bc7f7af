"""One's own journal: list, read, create, update, share, delete. Reads go through the journal's
scoped lookup (`get_entry_for_user`: someone else's id is a 404) and writes through its actions,
exactly as the pages do."""

from __future__ import annotations

from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Field, Router, Status

from interplay.web.api.auth import READ_OWN, WRITE_JOURNAL, caller
from interplay.web.api.pagination import DEFAULT_LIMIT, MAX_LIMIT, newest_first
from interplay.web.api.schemas import EntryIn, EntryOut, EntryPage, ProblemOut, RowId, SharingIn
from interplay.web.api.shapes import PROBLEM_CODES, entry_out
from interplay.web.journal import actions
from interplay.web.journal.access import get_entry_for_user
from interplay.web.journal.models import Entry

router = Router(tags=["journal"])


@router.get("/journal", auth=READ_OWN, response={200: EntryPage, PROBLEM_CODES: ProblemOut})
def entries(
    request: HttpRequest,
    cursor: str | None = None,
    limit: Annotated[int, Field(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> dict[str, Any]:
    """One's entries, newest first."""
    owner = caller(request).user
    rows, after = newest_first(
        Entry.objects.filter(owner=owner).select_related("analysis"), "created_at", cursor, limit
    )
    return {"items": [entry_out(row) for row in rows], "next_cursor": after}


@router.get(
    "/journal/{entry_id}", auth=READ_OWN, response={200: EntryOut, PROBLEM_CODES: ProblemOut}
)
def entry(request: HttpRequest, entry_id: RowId) -> dict[str, Any]:
    return entry_out(get_entry_for_user(caller(request).user, entry_id))


@router.post("/journal", auth=WRITE_JOURNAL, response={201: EntryOut, PROBLEM_CODES: ProblemOut})
def create_entry(request: HttpRequest, body: EntryIn) -> Status[dict[str, Any]]:
    """A new entry, private until shared; analysed as it is saved, like one from the page."""
    actor = caller(request).user
    saved = actions.do_save_entry(body.title, body.body, body.prompt_id, actor=actor)
    return Status(201, entry_out(get_entry_for_user(actor, saved.pk)))


@router.put(
    "/journal/{entry_id}", auth=WRITE_JOURNAL, response={200: EntryOut, PROBLEM_CODES: ProblemOut}
)
def update_entry(request: HttpRequest, entry_id: RowId, body: EntryIn) -> dict[str, Any]:
    actor = caller(request).user
    found = get_entry_for_user(actor, entry_id)
    actions.do_save_entry(body.title, body.body, found.prompt_id, found, actor=actor)
    return entry_out(get_entry_for_user(actor, entry_id))


@router.put(
    "/journal/{entry_id}/sharing",
    auth=WRITE_JOURNAL,
    response={200: EntryOut, PROBLEM_CODES: ProblemOut},
)
def share_entry(request: HttpRequest, entry_id: RowId, body: SharingIn) -> dict[str, Any]:
    """Share the entry with one's coach, or stop sharing it."""
    actor = caller(request).user
    found = get_entry_for_user(actor, entry_id)
    return entry_out(actions.do_set_entry_sharing(found, body.shared, actor=actor))


@router.delete(
    "/journal/{entry_id}", auth=WRITE_JOURNAL, response={204: None, PROBLEM_CODES: ProblemOut}
)
def delete_entry(request: HttpRequest, entry_id: RowId) -> Status[None]:
    actor = caller(request).user
    actions.do_delete_entry(get_entry_for_user(actor, entry_id), actor=actor)
    return Status(204, None)
