"""Which encryption keys read which stored rows, and a start-up check that refuses to run on
keys that cannot read the data.

A missing key file used to be replaced by a fresh key in silence: every page that decrypts
failed, new entries were sealed under the new key, and putting the old key back broke those.
Now `keys.encryption_keys` invents a key only for an empty data folder, and this check (a
Django system check, so `interplay manage check`, `migrate`, `serve` and the WSGI start-up all
run it) samples the oldest and newest value of every encrypted column and stops with what to
do when the configured keys cannot read them. `interplay keys check` reads every row.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from hashlib import sha256
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from django.apps import apps
from django.conf import settings
from django.core import checks
from django.db import DatabaseError, connection, models

from interplay.web.crypto import EncryptedTextField

WHAT_TO_DO = (
    "Put back the key that encrypted this data: restore the `encryption_keys` file into the "
    "data folder from wherever you keep your keys (kept apart from the backups), or list the "
    "key in INTERPLAY_ENCRYPTION_KEYS (the new key first, the old one after it, separated by "
    "commas). Do not start with a new key: what is stored would stay unreadable. "
    "`interplay keys check` shows which rows each key reads."
)


@dataclass(frozen=True)
class Column:
    model: type[models.Model]
    field: models.Field  # type: ignore[type-arg]

    @property
    def label(self) -> str:
        return f"{self.model._meta.label}.{self.field.name}"


@dataclass
class ColumnReport:
    column: Column
    by_key: list[int] = field(default_factory=list)  # rows read by each key, in key order
    unreadable: list[Any] = field(default_factory=list)  # primary keys no listed key reads


def key_fingerprint(key: str) -> str:
    """Enough of a key's hash to tell keys apart in a report, nothing that reveals the key."""
    return sha256(key.encode("ascii")).hexdigest()[:8]


def encrypted_columns() -> list[Column]:
    return [
        Column(model, model_field)
        for model in apps.get_models()
        for model_field in model._meta.concrete_fields
        if isinstance(model_field, EncryptedTextField)
    ]


def _raw_values(column: Column, order: str = "", limit: int | None = None) -> Iterator[Any]:
    """(pk, stored ciphertext) straight from the table: the ORM would decrypt on load."""
    quote = connection.ops.quote_name
    meta = column.model._meta
    pk = quote(str(meta.pk.column if meta.pk is not None else "id"))
    value = quote(str(column.field.column))
    table = quote(meta.db_table)
    # Names come from the models, never from input.
    sql = f"SELECT {pk}, {value} FROM {table} WHERE {value} IS NOT NULL"  # noqa: S608
    if order:
        sql += f" ORDER BY {pk} {order}"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    with connection.cursor() as cursor:
        cursor.execute(sql)
        yield from cursor.fetchall()


def _which_key(token: str, fernets: list[Fernet]) -> int | None:
    for position, one in enumerate(fernets):
        try:
            one.decrypt(token.encode("ascii"))
        except (InvalidToken, ValueError, UnicodeEncodeError):
            continue
        return position
    return None


def _fernets(keys: list[str]) -> list[Fernet]:
    return [Fernet(key.encode("ascii")) for key in keys]


def report(keys: list[str] | None = None) -> list[ColumnReport]:
    """Every row of every encrypted column: which key reads it, or that none does."""
    fernets = _fernets(list(keys if keys is not None else settings.ENCRYPTION_KEYS))
    reports = []
    for column in encrypted_columns():
        result = ColumnReport(column, by_key=[0] * len(fernets))
        for pk, token in _raw_values(column):
            position = _which_key(token, fernets)
            if position is None:
                result.unreadable.append(pk)
            else:
                result.by_key[position] += 1
        reports.append(result)
    return reports


def sample_unreadable(keys: list[str] | None = None) -> list[tuple[str, Any]]:
    """The oldest and newest stored value of each encrypted column that no key reads: cheap
    enough for every start-up, and it catches a wrong or missing key (which leaves every row
    unreadable) and a key dropped too early (the oldest rows)."""
    fernets = _fernets(list(keys if keys is not None else settings.ENCRYPTION_KEYS))
    problems = []
    for column in encrypted_columns():
        try:
            sampled = [*_raw_values(column, "ASC", 1), *_raw_values(column, "DESC", 1)]
        except DatabaseError:
            continue  # the table is not there yet (before `migrate`): nothing stored
        for pk, token in sampled:
            if _which_key(token, fernets) is None:
                problems.append((column.label, pk))
                break
    return problems


def check_encryption_keys(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    try:
        problems = sample_unreadable()
    except DatabaseError:
        return []  # no database to read yet: nothing can be unreadable
    if not problems:
        return []
    where = ", ".join(f"{label} (row {pk})" for label, pk in problems[:5])
    more = f" and {len(problems) - 5} more columns" if len(problems) > 5 else ""
    return [
        checks.Error(
            "The database holds encrypted data that none of the configured encryption keys "
            f"can read: {where}{more}.",
            hint=WHAT_TO_DO,
            id="interplay.E001",
        )
    ]


def refuse_to_start_on_unreadable_data() -> None:
    """For the WSGI start-up, which Django runs no system checks for."""
    errors = check_encryption_keys()
    if errors:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"{errors[0].msg}\n{errors[0].hint}")
