"""Scoped lookups for the journal. An owner reaches their own entries; a coach reaches only
entries a current client shared, one by one. Anyone else gets a 404."""

from __future__ import annotations

from django.http import Http404

from interplay.web.accounts.models import User
from interplay.web.journal.models import Draft, Entry


def get_entry_for_user(user: User, pk: int) -> Entry:
    entry = Entry.objects.select_related("analysis").filter(pk=pk, owner=user).first()
    if entry is None:
        raise Http404
    return entry


def entries_of(owner: User) -> list[Entry]:
    return list(Entry.objects.filter(owner=owner).select_related("analysis"))


def entries_on_prompts(owner: User, prefix: str) -> list[Entry]:
    """The owner's entries written from a prompt whose id starts with `prefix` (the guided
    path's), oldest first, with their stored analysis. Only dates and prompt ids are needed by
    the path's progress, so the encrypted text is deferred and never decrypted here."""
    rows = Entry.objects.filter(owner=owner, prompt_id__startswith=prefix).select_related(
        "analysis"
    )
    return list(rows.defer("title", "body").order_by("created_at", "id"))


def search_entries(owner: User, query: str) -> list[Entry]:
    """The owner's entries containing every word of `query` (title or body), newest first.

    The text is encrypted, so SQL cannot search it: the owner's own rows are decrypted and
    filtered here. Only ever called with the signed-in owner's account."""
    entries = entries_of(owner)
    words = [word.casefold() for word in query.split() if word.strip()]
    if not words:
        return entries
    return [
        entry
        for entry in entries
        if all(word in f"{entry.title}\n{entry.body}".casefold() for word in words)
    ]


def draft_for(owner: User, entry: Entry | None) -> Draft | None:
    return Draft.objects.filter(owner=owner, entry=entry).first()
