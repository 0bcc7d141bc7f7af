"""The key that seals the journal's device copies of unsaved text.

As a person types, the browser keeps a copy of the text in its local storage, so a lost
connection or an expired session loses nothing. That copy must not be readable by the next
person at the same computer, so the browser stores it encrypted (AES-GCM, WebCrypto) under a key
it gets from the editor page and never stores itself. The key lives here, on the server: made
when the person signs in, dropped when they sign out. After signing out, whatever is left in the
browser's storage is ciphertext under a key that no longer exists (and `Clear-Site-Data` asks
the browser to drop it too). An expired session keeps the key, so after signing in again the
copy is offered back.

Pages only read the key; sign-in and sign-out write it (the signals below), so reads never write.
"""

from __future__ import annotations

import base64
import secrets
from typing import TYPE_CHECKING, Any

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver

from interplay.web.journal.models import DeviceDraftKey

if TYPE_CHECKING:
    from interplay.web.accounts.models import User


def device_key_for(user: User) -> str:
    """The key for the editor page, or "" when there is none (the browser then keeps no copy)."""
    key = DeviceDraftKey.objects.filter(owner=user).values_list("key", flat=True).first()
    return key or ""


def _new_key() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode("ascii").rstrip("=")


@receiver(user_logged_in, dispatch_uid="journal-device-key-made")
def _make_key(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None and not getattr(user, "is_coach", False):
        DeviceDraftKey.objects.get_or_create(owner=user, defaults={"key": _new_key()})


@receiver(user_logged_out, dispatch_uid="journal-device-key-dropped")
def _drop_key(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        DeviceDraftKey.objects.filter(owner=user).delete()
