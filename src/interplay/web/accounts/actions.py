"""Writes about signing in that allauth does not make (the coach's authenticator, until it moves
to allauth.mfa). Views, the CLI and the API all call these."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from interplay.web.accounts.models import User
from interplay.web.kernel.errors import ActionError, require_owner


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
