"""Writes for the journal: entries, autosaved drafts and sharing."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from interplay.web.accounts.models import User
from interplay.web.journal.models import Draft, Entry
from interplay.web.kernel.errors import ActionError, require_owner

MAX_LENGTH = 100_000  # characters; far beyond any entry, short of abuse


def _check(title: str, body: str) -> None:
    if len(title) > 300:
        raise ActionError(_("Please keep the title under 300 characters."))
    if len(body) > MAX_LENGTH:
        raise ActionError(_("This entry is too long to save; please split it in two."))


def do_save_draft(
    entry: Entry | None, title: str, body: str, prompt_id: str = "", *, actor: User
) -> Draft:
    """Keep what is being written, so an expired session or a closed tab loses nothing."""
    if entry is not None and entry.owner_id != actor.pk:
        raise ActionError(_("You can only save drafts of your own entries."))
    _check(title, body)
    with transaction.atomic():
        draft, _created = Draft.objects.select_for_update().get_or_create(owner=actor, entry=entry)
        draft.title, draft.body, draft.prompt_id = title, body, prompt_id[:40]
        draft.saved_at = timezone.now()
        draft.save()
    return draft


def do_save_entry(
    title: str, body: str, prompt_id: str = "", entry: Entry | None = None, *, actor: User
) -> Entry:
    """Create or update an entry, drop its draft and analyse it. New entries are private."""
    if not body.strip():
        raise ActionError(_("There is nothing to save yet: write something first."))
    if entry is not None and entry.owner_id != actor.pk:
        raise ActionError(_("You can only change your own entries."))
    _check(title, body)
    with transaction.atomic():
        if entry is None:
            entry = Entry.objects.create(
                owner=actor, title=title.strip(), body=body, prompt_id=prompt_id[:40]
            )
            Draft.objects.filter(owner=actor, entry__isnull=True).delete()
        else:
            entry.title, entry.body = title.strip(), body
            entry.updated_at = timezone.now()
            entry.save(update_fields=["title", "body", "updated_at"])
            Draft.objects.filter(owner=actor, entry=entry).delete()
        _analyse(actor, entry)
    return entry


def _analyse(owner: User, entry: Entry) -> None:
    """Themes and the safety screen on every save; a found risk flags the coach only if the
    client agreed to that (see `safety.actions.do_raise_safety_flag`)."""
    from interplay.web.journal.analysis import do_analyse_entry, reading
    from interplay.web.safety.actions import do_raise_safety_flag

    found = reading(do_analyse_entry(entry))
    if found.flagged:
        do_raise_safety_flag(owner, found.risk)


def do_set_entry_sharing(entry: Entry, shared: bool, *, actor: User) -> Entry:
    require_owner(entry.owner_id, actor)
    entry.shared_with_coach = shared
    entry.save(update_fields=["shared_with_coach"])
    return entry


def do_delete_entry(entry: Entry, *, actor: User) -> None:
    require_owner(entry.owner_id, actor)
    entry.delete()
