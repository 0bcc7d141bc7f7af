"""Errors every app's actions raise."""

from __future__ import annotations


class ActionError(ValueError):
    """A request that cannot be carried out; the message is for the person who made it."""


def require_owner(owner_id: int | None, actor: object) -> None:
    """Every action checks that the person acting owns what they change (the views reach it
    through a scoped lookup too; this is the action's own check, for the CLI and the API)."""
    from django.utils.translation import gettext as _

    if owner_id is None or owner_id != getattr(actor, "pk", None):
        raise ActionError(_("This is not yours to change."))
