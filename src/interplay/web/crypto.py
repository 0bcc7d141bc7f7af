"""Encryption at rest for sensitive text (journal entries, drafts, notes, reflections).

Values are encrypted with Fernet (AES-128-CBC with an HMAC) under the keys in
`settings.ENCRYPTION_KEYS`: the first key encrypts, every key decrypts, so a key can be rotated
by putting the new one first and re-saving rows (`interplay manage rotate_encryption`).
The database only ever holds ciphertext, so a copied database file or backup reveals nothing
without the keys. Decrypted text is never logged.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key.encode("ascii")) for key in keys])


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.ENCRYPTION_KEYS))


def encrypt(text: str) -> str:
    return fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken:
        # Wrong or missing key: fail loudly rather than show ciphertext or an empty entry.
        raise ImproperlyConfigured(
            "Stored text cannot be decrypted with INTERPLAY_ENCRYPTION_KEYS: the key that "
            "encrypted it is missing from the list."
        ) from None


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]
    """A text field stored encrypted. It cannot be searched or sorted in SQL: filter in
    Python after decrypting the owner's own rows."""

    description = "Text encrypted at rest with Fernet"

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value is None:
            return None
        return decrypt(value)

    def get_prep_value(self, value: Any) -> str | None:
        if value is None:
            return None
        return encrypt(str(value))

    def to_python(self, value: Any) -> str | None:
        return value if value is None or isinstance(value, str) else str(value)
