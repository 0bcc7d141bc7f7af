"""Writes about people and signing in. Views, the CLI and the API all call these."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from interplay.web.accounts.models import Role, SignInLink, User
from interplay.web.emails import absolute_url, queue_email
from interplay.web.kernel.errors import ActionError, require_owner
from interplay.web.tokens import hash_token, new_token

SIGN_IN_LINK_LIFETIME = timedelta(minutes=30)


def do_sign_up(email: str, name: str, password: str | None, role: str = Role.CLIENT) -> User:
    email = email.strip().lower()
    if User.objects.filter(email=email).exists():
        raise ActionError(_("An account with this email address already exists."))
    return User.objects.create_user(email=email, password=password, name=name.strip(), role=role)


def do_create_sign_in_link(user: User) -> str:
    """A fresh one-time sign-in link (path with the token) for a client."""
    token, token_hash = new_token()
    SignInLink.objects.create(
        user=user, token_hash=token_hash, expires_at=timezone.now() + SIGN_IN_LINK_LIFETIME
    )
    return reverse("accounts:link_sign_in", args=[token])


def do_send_sign_in_link(email: str) -> None:
    """Email a sign-in link if a client account has this address. Says nothing either way,
    so the form cannot be used to find out who has an account."""
    user = User.objects.filter(email=email.strip().lower(), is_active=True).first()
    if user is None or not user.is_client:
        return
    path = do_create_sign_in_link(user)
    body = _(
        "Hello %(name)s,\n\nHere is your link to sign in to Interplay. It works once, "
        "for the next 30 minutes:\n\n%(url)s\n\nIf you did not ask for it, you can ignore this "
        "email."
    ) % {"name": user.name, "url": absolute_url(path)}
    queue_email(user.email, _("Your Interplay sign-in link"), body)


def do_use_sign_in_link(token: str) -> User | None:
    """The person the link signs in, marking it used; None when unknown, used or expired."""
    with transaction.atomic():
        link = (
            SignInLink.objects.select_for_update()
            .select_related("user")
            .filter(token_hash=hash_token(token))
            .first()
        )
        if link is None or link.used_at is not None or link.expires_at <= timezone.now():
            return None
        if not link.user.is_active or not link.user.is_client:
            return None
        link.used_at = timezone.now()
        link.save(update_fields=["used_at"])
        return link.user


def do_request_password_reset(email: str, path_for: object) -> None:
    """Email a password-reset link when the address has an account (silent otherwise).

    `path_for(user)` gives the reset page's path; resetting a password never signs the
    person in, so a coach still needs their authenticator afterwards."""
    user = User.objects.filter(email=email.strip().lower(), is_active=True).first()
    if user is None:
        return
    path = path_for(user)  # type: ignore[operator]
    body = _(
        "Hello %(name)s,\n\nSomeone (we hope you) asked to reset your Interplay password. "
        "Choose a new one here:\n\n%(url)s\n\nIf it was not you, ignore this email: your "
        "password stays as it is."
    ) % {"name": user.name, "url": absolute_url(path)}
    queue_email(user.email, _("Reset your Interplay password"), body)


def do_set_password(password: str, *, actor: User) -> None:
    """A new password (already validated). Never signs the person in: a coach still gives an
    authenticator code at the next sign-in. Old reset links stop working, since Django's
    reset tokens include the password hash."""
    actor.set_password(password)
    actor.save(update_fields=["password"])


def do_start_totp_setup(*, actor: User) -> TOTPDevice:
    """The coach's unconfirmed authenticator, created once so a reload shows the same secret."""
    if not actor.is_coach:
        raise ActionError(_("Only coaches set up an authenticator here."))
    device = TOTPDevice.objects.filter(user=actor, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=actor, name="authenticator", confirmed=False)
    return device


def do_confirm_totp_device(device: TOTPDevice, token: str, *, actor: User) -> bool:
    """Confirm the device when the code matches; False (and unchanged) otherwise."""
    require_owner(device.user_id, actor)
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True
