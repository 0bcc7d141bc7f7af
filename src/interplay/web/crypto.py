"""Encryption at rest for sensitive text (journal entries, drafts, notes, reflections).

Values are encrypted with Fernet (AES-128-CBC with an HMAC) under the keys in
`settings.ENCRYPTION_KEYS`: the first key encrypts, every key decrypts, so a key can be rotated
by putting the new one first and re-saving rows (`interplay manage rotate_encryption`).
The database only ever holds ciphertext, so a copied database file or backup reveals nothing
without the keys. Decrypted text is never logged.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import migrations, models


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


class EncryptedJSONField(EncryptedTextField):
    """A JSON value (answers, a profile with its evidence, theme labels, a scenario) stored as
    encrypted JSON text. Like `EncryptedTextField` it cannot be queried in SQL: the rows are
    found by their plain columns (owner, dates, summary labels) and read in Python."""

    description = "JSON encrypted at rest with Fernet"
    # For django-stubs: the field takes and gives JSON values, not text.
    _pyi_private_set_type: Any
    _pyi_private_get_type: Any

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Any:
        if value is None:
            return None
        return json.loads(decrypt(value))

    def get_prep_value(self, value: Any) -> str | None:
        if value is None:
            return None
        return encrypt(json.dumps(value, ensure_ascii=False, sort_keys=True))

    def to_python(self, value: Any) -> Any:
        return value

    def value_to_string(self, obj: models.Model) -> str:
        return json.dumps(self.value_from_object(obj), ensure_ascii=False, sort_keys=True)


def looks_encrypted(value: str) -> bool:
    """Fernet tokens start with the version byte 0x80, "gAAAAA" in url-safe base64; neither
    JSON nor the plain labels stored before encryption ever do. Lets a migration encrypt the
    rows it has not encrypted yet, and run again safely."""
    return value.startswith("gAAAAA")


def _table_and_column(apps: Any, model: str, field: str) -> tuple[str, str]:
    meta = apps.get_model(model)._meta
    return meta.db_table, meta.get_field(field).column


def encrypt_column_in_place(apps: Any, schema_editor: Any, model: str, field: str) -> None:
    """For data migrations: encrypt every plain value of one field ("app.Model", "field"),
    with raw SQL (the historical model's field would try to decrypt the plain value)."""
    table, column = _table_and_column(apps, model, field)
    connection = schema_editor.connection
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, {quote(column)} FROM {quote(table)} "  # noqa: S608 - model names
            f"WHERE {quote(column)} IS NOT NULL"
        )
        rows = cursor.fetchall()
        for pk, value in rows:
            text = value if isinstance(value, str) else json.dumps(value)
            if looks_encrypted(text):
                continue
            cursor.execute(
                f"UPDATE {quote(table)} SET {quote(column)} = %s WHERE id = %s",  # noqa: S608
                [encrypt(text), pk],
            )


def decrypt_column_in_place(apps: Any, schema_editor: Any, model: str, field: str) -> None:
    """The reverse of `encrypt_column_in_place`, so the migrations can be unapplied."""
    table, column = _table_and_column(apps, model, field)
    connection = schema_editor.connection
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, {quote(column)} FROM {quote(table)} "  # noqa: S608 - model names
            f"WHERE {quote(column)} IS NOT NULL"
        )
        for pk, value in cursor.fetchall():
            if isinstance(value, str) and looks_encrypted(value):
                cursor.execute(
                    f"UPDATE {quote(table)} SET {quote(column)} = %s WHERE id = %s",  # noqa: S608
                    [decrypt(value), pk],
                )


def encrypt_columns_in_place(columns: list[tuple[str, str]]) -> migrations.RunPython:
    """The data migration that encrypts the plain rows of each ("app.Model", "field") and,
    unapplied, decrypts them again: one operation for every app's encrypting migration."""

    def forwards(apps: Any, schema_editor: Any) -> None:
        for model, field in columns:
            encrypt_column_in_place(apps, schema_editor, model, field)

    def backwards(apps: Any, schema_editor: Any) -> None:
        for model, field in columns:
            decrypt_column_in_place(apps, schema_editor, model, field)

    return migrations.RunPython(forwards, backwards)
