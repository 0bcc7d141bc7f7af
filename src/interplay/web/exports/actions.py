"""Exports: build the JSON and record that it was made."""

from __future__ import annotations

from interplay.web.accounts.models import User
from interplay.web.coaching.access import access_client_for_coach, record_coach_read
from interplay.web.exports.models import ExportEvent
from interplay.web.exports.serialise import coach_export, owner_export, to_json

COACH_EXPORT = "shared data export"


def do_export_own_data(user: User, channel: str = ExportEvent.WEB) -> str:
    """All of `user`'s own data as JSON; the export is recorded before it is handed over."""
    ExportEvent.objects.create(user=user, channel=channel)
    return to_json(owner_export(user))


def do_export_shared_data(coach: User, client_id: int) -> tuple[User, str]:
    """A client's shared data for their current coach (Http404 for anyone else), audited as a
    coach read."""
    view = access_client_for_coach(coach, client_id)
    record_coach_read(view, COACH_EXPORT)
    return view.client, to_json(coach_export(view))
