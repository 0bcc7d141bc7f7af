"""Who coaches whom and the coach's own records: invitations, joining and leaving a coach, and
the coach's session notes and plans. Views, the demo and the CLI call these."""

from __future__ import annotations

from datetime import date, timedelta

from allauth.account.models import EmailAddress
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from interplay.web.accounts.models import CoachingRelationship, User
from interplay.web.coaching.models import Invitation, SessionNote, SessionPlan
from interplay.web.emails import absolute_url, queue_email
from interplay.web.kernel.errors import ActionError, require_owner
from interplay.web.tokens import hash_token, new_token

INVITATION_LIFETIME = timedelta(days=14)


def do_invite_client(email: str, *, send: bool = True, actor: User) -> str:
    """Create a one-time invitation and return its path (shown once to the coach)."""
    if not actor.is_coach:
        raise ActionError(_("Only coaches can invite clients."))
    token, token_hash = new_token()
    Invitation.objects.create(
        coach=actor,
        email=email.strip().lower(),
        token_hash=token_hash,
        expires_at=timezone.now() + INVITATION_LIFETIME,
    )
    path = reverse("coaching:accept_invitation", args=[token])
    if send:
        body = _(
            "Hello,\n\n%(coach)s has invited you to work together in Interplay, a space for "
            "reflecting on how you balance standing on your own with leaning on others.\n\n"
            "Accept the invitation here (the link works once, for 14 days):\n\n%(url)s\n"
        ) % {"coach": actor.name, "url": absolute_url(path)}
        queue_email(email, _("An invitation to Interplay"), body)
    return path


def find_open_invitation(token: str) -> Invitation | None:
    invitation = (
        Invitation.objects.select_related("coach").filter(token_hash=hash_token(token)).first()
    )
    if invitation is None or invitation.used_at is not None:
        return None
    if invitation.expires_at <= timezone.now():
        return None
    return invitation


def _join(coach: User, client: User) -> CoachingRelationship:
    if CoachingRelationship.objects.filter(client=client, ended_at__isnull=True).exists():
        raise ActionError(
            _("You are already working with a coach. Leave that coach first, then accept.")
        )
    return CoachingRelationship.objects.create(coach=coach, client=client)


def do_accept_invitation(token: str, *, actor: User) -> User:
    """Join the inviting coach as the signed-in client `actor`, whose verified address must be
    the invited one. A new person first creates their account (allauth's sign-up, which proves
    the address by an emailed code) and then opens the link again: nobody, the coach included,
    ever sets a password for someone else's account here."""
    user = actor
    with transaction.atomic():
        invitation = find_open_invitation(token)
        if invitation is None:
            raise ActionError(_("This invitation has expired or has already been used."))
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.used_at is not None:
            raise ActionError(_("This invitation has expired or has already been used."))
        if not user.is_client:
            raise ActionError(_("A coach account cannot join another coach as a client."))
        invited = invitation.email.strip().lower()
        if user.email.lower() != invited:
            # An invitation is for the address it was sent to, not for whoever holds the link.
            raise ActionError(
                _(
                    "This invitation was sent to a different email address. Sign out, then "
                    "open the link again and sign in with the address it was sent to."
                )
            )
        if not EmailAddress.objects.filter(user=user, email__iexact=invited, verified=True):
            raise ActionError(
                _("Confirm your email address first (we sent you a code), then accept.")
            )
        _join(invitation.coach, user)
        invitation.used_at = timezone.now()
        invitation.used_by = user
        invitation.save(update_fields=["used_at", "used_by"])
        return user


def do_leave_coach(*, actor: User) -> bool:
    """End the client's current coaching relationship; the coach loses access at once."""
    ended = CoachingRelationship.objects.filter(client=actor, ended_at__isnull=True).update(
        ended_at=timezone.now()
    )
    return ended > 0


MAX_NOTE = 50_000
MAX_AGENDA = 50_000


def _check_current(coach: User, client: User) -> None:
    if not CoachingRelationship.objects.filter(
        coach=coach, client=client, ended_at__isnull=True
    ).exists():
        raise ActionError(_("You can only keep notes about your current clients."))


def do_add_note(client: User, body: str, follow_up: str = "", *, actor: User) -> SessionNote:
    body, follow_up = body.strip(), follow_up.strip()
    if not body:
        raise ActionError(_("The note is empty: write something first."))
    if len(body) > MAX_NOTE or len(follow_up) > MAX_NOTE:
        raise ActionError(_("This note is too long to save; please split it in two."))
    _check_current(actor, client)
    return SessionNote.objects.create(
        coach=actor, client=client, body=body, follow_up=follow_up, follow_up_open=bool(follow_up)
    )


def do_update_note(note: SessionNote, body: str, follow_up: str, *, actor: User) -> SessionNote:
    require_owner(note.coach_id, actor)
    body, follow_up = body.strip(), follow_up.strip()
    if not body:
        raise ActionError(_("The note is empty: write something first."))
    if len(body) > MAX_NOTE or len(follow_up) > MAX_NOTE:
        raise ActionError(_("This note is too long to save; please split it in two."))
    changed_follow_up = follow_up != note.follow_up
    note.body, note.follow_up = body, follow_up
    if changed_follow_up:
        note.follow_up_open = bool(follow_up)
    note.updated_at = timezone.now()
    note.save(update_fields=["body", "follow_up", "follow_up_open", "updated_at"])
    return note


def do_close_follow_up(note: SessionNote, *, actor: User) -> SessionNote:
    require_owner(note.coach_id, actor)
    note.follow_up_open = False
    note.updated_at = timezone.now()
    note.save(update_fields=["follow_up_open", "updated_at"])
    return note


def do_save_plan(
    client: User,
    agenda: str,
    session_date: date | None,
    plan: SessionPlan | None = None,
    *,
    actor: User,
) -> SessionPlan:
    """Create or update a session plan (the agenda as the coach edited it)."""
    agenda = agenda.strip()
    if not agenda:
        raise ActionError(_("The agenda is empty: keep at least one line."))
    if len(agenda) > MAX_AGENDA:
        raise ActionError(_("This agenda is too long to save."))
    _check_current(actor, client)
    if plan is None:
        return SessionPlan.objects.create(
            coach=actor, client=client, agenda=agenda, session_date=session_date
        )
    if plan.coach_id != actor.pk or plan.client_id != client.pk:
        raise ActionError(_("You can only change your own plans."))
    plan.agenda, plan.session_date, plan.updated_at = agenda, session_date, timezone.now()
    plan.save(update_fields=["agenda", "session_date", "updated_at"])
    return plan
