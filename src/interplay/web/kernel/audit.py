"""`record()`: the one way anything is written to the audit log.

A row is described first (`Audit`), then written: a view that was granted access to a client
builds the rows its page implies (the read, the safety flags it showed for the first time) and
records them with one `record()` call, one INSERT.

A list page (the dashboard) records one read per client it showed, rows that differ only in
the client: those go as `INSERT ... SELECT` over the client ids passed as one list, so the
statement has eight parameters rather than seven a row (on PostgreSQL psycopg quotes every
parameter in Python: twenty rows' 140 cost the dashboard more than the rest of its query
work). Each client still gets its own row, with the same values the row-by-row statement
writes."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from django.db import connections, router
from django.utils import timezone

from interplay.web.kernel.models import SEALED_KINDS, AuditEvent, AuditKind


class Audit(NamedTuple):
    """One row to write. A named tuple (immutable, like the frozen dataclass it was) because a
    list page makes one per client shown, and a tuple is made in a fraction of the time."""

    kind: AuditKind
    client_id: int
    actor_id: int | None = None
    what: str = ""
    object_id: int | None = None


# The columns `record()` writes, every one of the table's but the id.
_FIELDS = ("kind", "sealed_kind", "client", "actor", "what", "object_id", "at")
_statements: dict[tuple[str, str, int], str] = {}
CHUNK = 100
SEALED = _FIELDS.index("sealed_kind")


def _insert_sql(alias: str, count: int) -> str:
    """`INSERT INTO ... VALUES (...), (...)` for `count` rows, written once per database and
    row count: `bulk_create` built and compiled this statement for every page a coach opened
    (about a millisecond of Python on the dashboard, which records one row per client)."""
    connection = connections[alias]
    key = (alias, connection.vendor, count)
    found = _statements.get(key)
    if found is None:
        quote = connection.ops.quote_name
        meta = AuditEvent._meta
        by_name = {field.name: field for field in meta.concrete_fields}
        columns = ", ".join(quote(str(by_name[name].column)) for name in _FIELDS)
        rows = ", ".join(["(" + ", ".join(["%s"] * len(_FIELDS)) + ")"] * count)
        # Only the model's own table and column names are in the text; every value is a
        # parameter.
        found = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES {rows}"  # noqa: S608
        _statements[key] = found
    return found


def _fan_out_sql(alias: str) -> str | None:
    """`INSERT ... SELECT` of one row per client id in a list (the last parameter), every
    other column one parameter; None for a database without a way to read such a list."""
    connection = connections[alias]
    key = (alias, connection.vendor, 0)
    found = _statements.get(key)
    if found is None:
        if connection.vendor == "postgresql":
            # Typed: PostgreSQL reads a bare parameter in a SELECT list as text.
            source = "unnest(CAST(%s AS bigint[])) WITH ORDINALITY AS ids(id, n)"
            client, order = "ids.id", "ids.n"

            def cast(field: Any) -> str:
                return f"CAST(%s AS {field.db_type(connection)})"
        elif connection.vendor == "sqlite":
            source, client, order = "json_each(%s) AS ids", "ids.value", "ids.key"

            def cast(field: Any) -> str:
                return "%s"  # SQLite stores what it is given (a CAST could change it)
        else:
            return None
        quote = connection.ops.quote_name
        meta = AuditEvent._meta
        by_name = {field.name: field for field in meta.concrete_fields}
        columns = ", ".join(quote(str(by_name[name].column)) for name in _FIELDS)
        values = ", ".join(client if name == "client" else cast(by_name[name]) for name in _FIELDS)
        # As `_insert_sql`: only the model's own names are in the text, every value a parameter.
        found = (
            f"INSERT INTO {quote(meta.db_table)} ({columns}) "  # noqa: S608
            f"SELECT {values} FROM {source} ORDER BY {order}"
        )
        _statements[key] = found
    return found


def _fans_out(rows: tuple[Audit, ...]) -> bool:
    """Whether the rows differ in their client alone (and carry no sealed step, which is
    encrypted afresh for every row)."""
    first = rows[0]
    return (
        len(rows) > 1
        and first.kind not in SEALED_KINDS
        and all(
            row.kind == first.kind
            and row.actor_id == first.actor_id
            and row.what == first.what
            and row.object_id == first.object_id
            for row in rows
        )
    )


def record(*rows: Audit) -> None:
    """Write these audit rows, all with the same time, in one query. Each value goes through
    its field's own preparation (`get_db_prep_save`: the sealed kind is encrypted, the time
    adapted), as the ORM would."""
    if not rows:
        return
    alias = router.db_for_write(AuditEvent)
    connection = connections[alias]
    by_name = {field.name: field for field in AuditEvent._meta.concrete_fields}
    fields = [by_name[name] for name in _FIELDS]
    at = timezone.now()
    fan_out = _fan_out_sql(alias) if _fans_out(rows) else None
    if fan_out is not None:
        first = rows[0]
        shared = (first.kind.value, "", first.actor_id, first.what, first.object_id, at)
        named = [field for field in fields if field.name != "client"]
        prepared_once = [
            field.get_db_prep_save(value, connection)
            for field, value in zip(named, shared, strict=True)
        ]
        ids = [int(row.client_id) for row in rows]
        listed = json.dumps(ids) if connection.vendor == "sqlite" else ids
        with connection.cursor() as cursor:
            cursor.execute(fan_out, [*prepared_once, listed])
        return
    params: list[Any] = []
    # The rows of one call share most values (the time, the kind, the coach, what was read):
    # each distinct value is prepared once (the empty sealed kind is encrypted once a call;
    # a real sealed step never shares a ciphertext with another row).
    prepared: dict[tuple[int, Any], Any] = {}
    for row in rows:
        sealed = row.kind in SEALED_KINDS
        values = (
            AuditKind.SAFETY.value if sealed else row.kind.value,
            row.kind.value if sealed else "",
            row.client_id,
            row.actor_id,
            row.what,
            row.object_id,
            at,
        )
        for column, (field, value) in enumerate(zip(fields, values, strict=True)):
            if column == SEALED and value:  # a sealed step: encrypted afresh, every row
                params.append(field.get_db_prep_save(value, connection))
                continue
            key = (column, value)
            if key not in prepared:
                prepared[key] = field.get_db_prep_save(value, connection)
            params.append(prepared[key])
    width = len(_FIELDS)
    with connection.cursor() as cursor:
        # A page records at most a few dozen rows: one INSERT. Longer lists go in chunks that
        # stay well under any database's limit on parameters.
        for start in range(0, len(rows), CHUNK):
            chunk = params[start * width : (start + CHUNK) * width]
            cursor.execute(_insert_sql(alias, len(chunk) // width), chunk)
