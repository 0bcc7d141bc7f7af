"""Writes about coaching relationships: invitations, joining and leaving a coach."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from interplay.web.accounts.actions import ActionError, do_sign_up
from interplay.web.accounts.models import Role, User
from interplay.web.coaching.models import CoachingRelationship, Invitation
from interplay.web.emails import absolute_url, queue_email
from interplay.web.tokens import hash_token, new_token

INVITATION_LIFETIME = timedelta(days=14)


def do_invite_client(coach: User, email: str, *, send: bool = True) -> str:
    """Create a one-time invitation and return its path (shown once to the coach)."""
    if not coach.is_coach:
        raise ActionError(_("Only coaches can invite clients."))
    token, token_hash = new_token()
    Invitation.objects.create(
        coach=coach,
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
        ) % {"coach": coach.name, "url": absolute_url(path)}
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


def do_accept_invitation(
    token: str,
    *,
    user: User | None = None,
    email: str = "",
    name: str = "",
    password: str | None = None,
) -> User:
    """Join the inviting coach: as the signed-in client `user`, or as a new client account."""
    with transaction.atomic():
        invitation = find_open_invitation(token)
        if invitation is None:
            raise ActionError(_("This invitation has expired or has already been used."))
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.used_at is not None:
            raise ActionError(_("This invitation has expired or has already been used."))
        if user is None:
            address = email or invitation.email
            if User.objects.filter(email=address.strip().lower()).exists():
                raise ActionError(
                    _(
                        "An account with this email address already exists: sign in first, "
                        "then open this invitation link again."
                    )
                )
            user = do_sign_up(address, name, password, role=Role.CLIENT)
        if not user.is_client:
            raise ActionError(_("A coach account cannot join another coach as a client."))
        _join(invitation.coach, user)
        invitation.used_at = timezone.now()
        invitation.used_by = user
        invitation.save(update_fields=["used_at", "used_by"])
        return user


def do_leave_coach(client: User) -> bool:
    """End the client's current coaching relationship; the coach loses access at once."""
    ended = CoachingRelationship.objects.filter(client=client, ended_at__isnull=True).update(
        ended_at=timezone.now()
    )
    return ended > 0
