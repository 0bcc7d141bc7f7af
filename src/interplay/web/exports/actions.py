"""Exports: build the JSON and record that it was made."""

from __future__ import annotations

from interplay.web.accounts.models import User
from interplay.web.coaching.access import access_client_for_coach, coach_read
from interplay.web.exports.serialise import coach_export, owner_export, to_json
from interplay.web.kernel.audit import Audit, record
from interplay.web.kernel.models import WEB, AuditKind

COACH_EXPORT = "shared data export"


def do_export_own_data(channel: str = WEB, *, actor: User) -> str:
    """All of `user`'s own data as JSON; the export is recorded before it is handed over."""
    record(Audit(AuditKind.OWN_EXPORT, client_id=actor.pk, actor_id=actor.pk, what=channel))
    return to_json(owner_export(actor))


def do_export_shared_data(client_id: int, *, actor: User) -> tuple[User, str]:
    """A client's shared data for their current coach (Http404 for anyone else), audited as a
    coach read."""
    view = access_client_for_coach(actor, client_id)
    record(coach_read(view, COACH_EXPORT))
    return view.client, to_json(coach_export(view))
