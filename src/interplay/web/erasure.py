"""Deleting an account: everything the person owns is erased, at once and for good.

The rule for what outlives an account (docs/security.md, "Deletion and erasure"):

- A client deletes their account: every row they own goes (assessments, check-ins, journal,
  drafts, analyses, values, beliefs, experiments, the map, statements, rehearsals, the safety
  plan, consent and flags, the audit rows about them, their coaching relationship, their
  invitations, email addresses, throttle counters and sessions). Their coach keeps only what
  the coach wrote: session notes stay the coach's, with the client cleared (shown as "a former
  client"); session plans, built from what the client shared, are erased with the client.
- A coach closes their practice the same way: their notes, plans, scenarios, invitations and
  the flags sent to them go; their clients keep their accounts and everything of their own,
  are no longer linked to a coach, and keep the record of what the coach read (shown as "a
  former coach"). Rehearsals a client played keep their own copy of the coach's scenario.

Erasure is one transaction: it succeeds whole or changes nothing.
"""

from __future__ import annotations

from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils.translation import gettext as _

from interplay.web.accounts.models import User
from interplay.web.accounts.throttle import forget_account
from interplay.web.coaching.models import Invitation
from interplay.web.kernel.errors import ActionError


def _sessions_of(user: User) -> list[str]:
    """Session keys signed in as `user`. Sessions are stored signed, not by user, so each is
    decoded; a small install has few live sessions."""
    keys = []
    for session in Session.objects.all().iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            keys.append(session.session_key)
    return keys


def do_delete_account(user: User, *, actor: User) -> None:
    """Erase `user` and everything they own. Only the person themselves may do it (the view
    was asked to confirm it is them first: `accounts.decorators.reauthenticated`)."""
    if actor.pk != user.pk:
        raise ActionError(_("Only the account's owner can delete it."))
    email = user.email.lower()
    with transaction.atomic():
        Invitation.objects.filter(email__iexact=email).delete()
        forget_account(email)
        Session.objects.filter(session_key__in=_sessions_of(user)).delete()
        # Everything else hangs off the account: owned rows cascade, a coach's notes about a
        # client are kept with the client cleared, audit rows by a coach lose their actor.
        user.delete()
