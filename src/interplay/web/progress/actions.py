"""Writes for integration reviews. A new review is private; its owner may share it."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from interplay.web.accounts.models import User
from interplay.web.assessments.models import Assessment
from interplay.web.journal.models import Entry
from interplay.web.kernel.errors import ActionError, require_owner
from interplay.web.progress.models import Review

MAX_NOTE = 10_000  # characters: a page or two of looking back, short of abuse
MAX_KEPT = 12  # journal lines kept per review: a few that mattered, not the whole journal
MAX_LINE = 600


def first_line(text: str) -> str:
    """The first non-empty line of an entry, cut at a readable length."""
    for line in text.splitlines():
        if line.strip():
            line = line.strip()
            return line if len(line) <= MAX_LINE else line[: MAX_LINE - 1].rstrip() + "…"
    return ""


def _check_note(note: str) -> str:
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise ActionError(
            _("Your note is too long; please keep it under %(limit)s characters.")
            % {"limit": MAX_NOTE}
        )
    return note


def do_save_review(note: str = "", keep_entry_ids: Sequence[int] = (), *, actor: User) -> Review:
    """Write a review now, against the person's latest finished assessment, keeping the first
    line of each chosen journal entry (the person's own entries only)."""
    note = _check_note(note)
    ids = list(dict.fromkeys(int(pk) for pk in keep_entry_ids))
    if len(ids) > MAX_KEPT:
        raise ActionError(
            _("Please keep at most %(limit)s journal lines in one review.") % {"limit": MAX_KEPT}
        )
    entries = list(Entry.objects.filter(owner=actor, pk__in=ids).order_by("created_at", "id"))
    if len(entries) != len(ids):
        raise ActionError(_("One of the chosen journal entries is not yours or no longer exists."))
    latest = (
        Assessment.objects.filter(user=actor, completed_at__isnull=False)
        .order_by("-completed_at", "-id")
        .first()
    )
    if latest is None:
        raise ActionError(_("A review looks back over your assessments: finish one first."))
    kept = [
        {"when": timezone.localtime(e.created_at).date().isoformat(), "text": first_line(e.body)}
        for e in entries
    ]
    with transaction.atomic():
        return Review.objects.create(
            owner=actor, assessment=latest, note=note, kept_lines=[k for k in kept if k["text"]]
        )


def do_update_review_note(review: Review, note: str, *, actor: User) -> Review:
    require_owner(review.owner_id, actor)
    review.note = _check_note(note)
    review.save(update_fields=["note"])
    return review


def do_set_review_sharing(review: Review, shared: bool, *, actor: User) -> Review:
    require_owner(review.owner_id, actor)
    review.shared_with_coach = shared
    review.save(update_fields=["shared_with_coach"])
    return review


def do_delete_review(review: Review, *, actor: User) -> None:
    require_owner(review.owner_id, actor)
    review.delete()
