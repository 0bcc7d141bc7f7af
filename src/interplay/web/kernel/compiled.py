"""Queries compiled to SQL once per shape and run with fresh parameters.

Building a queryset with half a dozen correlated subqueries and compiling it costs Django
several milliseconds of Python per request, several times what the database takes to run it.
The shape of such a query (joins, subqueries, sort) depends on a few choices only, and what
changes between requests (the coach, today's date) is plain parameters. So the queryset is
built once per shape with *sentinel* values in those parameters and compiled, and the
positions of the sentinels in the parameter list are remembered; each request puts its own
values in those positions and runs the SQL, applying the same converters the ORM would.

The queryset is still written with the ORM (and so with the `ClientView` module's sharing
filters); only its compilation is reused. A second compilation with other sentinels checks
that exactly the remembered positions change, so a value that slipped into the SQL text, or a
sentinel that collided with a constant, fails loudly at the first request, never silently."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from threading import Lock
from typing import Any, Literal

from django.conf import settings
from django.db import connections
from django.db.models import Model, QuerySet
from django.utils.dateparse import parse_datetime

Kind = Literal["int", "date", "datetime"]


def _sentinel(kind: Kind, n: int) -> Any:
    if kind == "int":
        return -987_654_000 - n
    if kind == "date":
        return date(1901, 2, 3) + timedelta(days=n)
    return datetime(1901, 2, 3, 4, 5, 6, tzinfo=UTC) + timedelta(days=n)


def _adapt(alias: str, kind: Kind, value: Any) -> Any:
    """The value as the ORM passes it to the database driver for a field of this kind."""
    ops = connections[alias].ops
    if kind == "int":
        return int(value)
    if kind == "date":
        return ops.adapt_datefield_value(value)
    return ops.adapt_datetimefield_value(value)


@dataclass(frozen=True)
class CompiledQuery:
    alias: str
    sql: str
    params: tuple[Any, ...]
    slots: Mapping[int, tuple[str, Kind]]  # parameter position -> (slot name, kind)
    names: tuple[str, ...]  # the result's columns, in the SQL's order
    converters: Mapping[int, tuple[list[Any], Any]]  # column -> (converters, expression)
    model: type[Model] | None  # for a queryset of model instances (not `.values()`)

    def rows(
        self, values: Mapping[str, Any], *, limit: int | None = None, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Run the SQL with these slot values (and an optional page of it) as dicts."""
        return [
            dict(zip(self.names, row, strict=True))
            for row in self.tuples(values, limit=limit, offset=offset)
        ]

    def instances(self, values: Mapping[str, Any]) -> list[Any]:
        """Run the SQL of a model queryset with these slot values: its model instances, made
        as the ORM makes them (`Model.from_db`, so encrypted fields decrypt as usual)."""
        if self.model is None:
            raise TypeError("a `.values()` query has rows, not instances")
        return [self.model.from_db(self.alias, self.names, row) for row in self.tuples(values)]

    def tuples(
        self, values: Mapping[str, Any], *, limit: int | None = None, offset: int = 0
    ) -> list[list[Any]]:
        params = list(self.params)
        for position, (name, kind) in self.slots.items():
            params[position] = _adapt(self.alias, kind, values[name])
        sql = self.sql
        if limit is not None:
            sql += " LIMIT %s OFFSET %s"
            params += [int(limit), int(offset)]
        connection = connections[self.alias]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            found = cursor.fetchall()
        result = []
        for raw in found:
            row = list(raw)
            for column, (functions, expression) in self.converters.items():
                for convert in functions:
                    row[column] = convert(row[column], expression, connection)
            result.append(row)
        return result


def _sqlite_datetime(zone: Any) -> Callable[[Any, Any, Any], Any]:
    """Django's SQLite converter for a time (`convert_datetimefield_value` with `USE_TZ`) in
    one call: a naive value from the driver made aware in the database's zone, an aware one
    as it is. The same result, without the settings and `timezone` helpers it calls for each
    value (the dashboard converts some sixty a page)."""

    def convert(value: Any, expression: Any, connection: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, datetime):
            value = parse_datetime(value)
        return value if value.utcoffset() is not None else value.replace(tzinfo=zone)

    return convert


def _compile(
    build: Callable[[Mapping[str, Any]], QuerySet[Any]], slots: Mapping[str, Kind], n: int
) -> tuple[Any, str, tuple[Any, ...], Mapping[str, Any]]:
    sentinels = {name: _sentinel(kind, n + i) for i, (name, kind) in enumerate(slots.items())}
    queryset = build(sentinels)
    compiler = queryset.query.get_compiler(using=queryset.db)
    sql, params = compiler.as_sql()
    return compiler, sql, tuple(params), sentinels


def compile_query(
    build: Callable[[Mapping[str, Any]], QuerySet[Any]], slots: Mapping[str, Kind]
) -> CompiledQuery:
    """Compile `build(values)` (a `.values()` queryset) with sentinels in `slots`."""
    compiler, sql, params, sentinels = _compile(build, slots, 0)
    alias = compiler.using
    adapted = {name: _adapt(alias, slots[name], value) for name, value in sentinels.items()}
    positions: dict[int, tuple[str, Kind]] = {}
    for position, param in enumerate(params):
        for name, value in adapted.items():
            if type(param) is type(value) and param == value:
                positions[position] = (name, slots[name])
    _, other_sql, other_params, _ = _compile(build, slots, 50)
    changed = {i for i, (a, b) in enumerate(zip(params, other_params, strict=True)) if a != b}
    if other_sql != sql or changed != set(positions):
        raise ValueError("the query's parameters are not all in its slots: cannot reuse its SQL")
    query = compiler.query
    model: type[Model] | None = None
    if getattr(query, "selected", None) is not None:  # `.values()`: its own order of names
        names = tuple(query.selected)
    elif query.values_select or query.annotation_select or query.extra_select:
        names = (*query.extra_select, *query.values_select, *query.annotation_select)
    else:  # model instances: one column per concrete field, no related rows
        if compiler.klass_info and compiler.klass_info.get("related_klass_infos"):
            raise ValueError("compile model querysets without select_related")
        names = tuple(column.target.attname for column, _, _ in compiler.select)
        model = query.model
    if len(names) != len(compiler.select):
        raise ValueError("compile `.values()` querysets or plain model querysets only")
    converters = compiler.get_converters([column for column, _, _ in compiler.select])
    connection = connections[alias]
    if connection.vendor == "sqlite" and settings.USE_TZ:
        ops: Any = connection.ops  # SQLite's own operations
        slow = ops.convert_datetimefield_value
        quick = _sqlite_datetime(connection.timezone)
        converters = {
            column: ([quick if f == slow else f for f in functions], expression)
            for column, (functions, expression) in converters.items()
        }
    return CompiledQuery(alias, sql, params, positions, tuple(names), converters, model)


_cache: dict[tuple[Any, ...], CompiledQuery] = {}
_lock = Lock()


def compiled(
    key: Sequence[Any],
    build: Callable[[Mapping[str, Any]], QuerySet[Any]],
    slots: Mapping[str, Kind],
    *,
    alias: str = "default",
) -> CompiledQuery:
    """The compiled query for this shape, compiled at its first use (per database)."""
    connection = connections[alias]
    full_key = (alias, connection.vendor, connection.settings_dict["NAME"], *key)
    found = _cache.get(full_key)
    if found is None:
        with _lock:
            found = _cache.get(full_key) or compile_query(build, slots)
            _cache[full_key] = found
    return found


@dataclass(frozen=True)
class CompiledUnion:
    """Compiled queries run as one statement, `UNION ALL`: a page that needs several small
    reads pays one round trip (and the database one statement) instead of one a read. Each
    row comes back with its part and is converted as that part alone converts its rows.

    The parts must select as many columns as each other, in types one column can hold (a
    part without a column selects a typed NULL there: `Cast(Value(None), TextField())`).
    The first part may be paged: its LIMIT and OFFSET are then parameters, so every page
    runs the same SQL. Rows come back by part, in the order `order_by` gives (column names
    of the first part, `-` for descending): a subquery's own ORDER BY is not kept by a
    UNION, so the whole statement is sorted (the parts are a few dozen rows)."""

    alias: str
    parts: tuple[CompiledQuery, ...]
    sql: str
    params: tuple[Any, ...]
    slots: Mapping[int, tuple[str, Kind]]
    paged: bool

    def part_rows(
        self, values: Mapping[str, Any], *, limit: int | None = None, offset: int = 0
    ) -> list[list[list[Any]]]:
        """Each part's rows (lists, in its columns' order), run with these slot values and,
        for a paged union, this page of the first part."""
        params = list(self.params)
        for position, (name, kind) in self.slots.items():
            params[position] = _adapt(self.alias, kind, values[name])
        if self.paged:
            if limit is None:
                raise TypeError("a paged union needs a limit")
            params[len(self.parts[0].params)] = int(limit)
            params[len(self.parts[0].params) + 1] = int(offset)
        connection = connections[self.alias]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            found = cursor.fetchall()
        result: list[list[list[Any]]] = [[] for _ in self.parts]
        converters = [part.converters.items() for part in self.parts]
        for raw in found:
            part, row = raw[0], list(raw[1:])
            for column, (functions, expression) in converters[part]:
                for convert in functions:
                    row[column] = convert(row[column], expression, connection)
            result[part].append(row)
        return result


def compile_union(
    builds: Sequence[Callable[[Mapping[str, Any]], QuerySet[Any]]],
    slots: Mapping[str, Kind],
    *,
    order_by: Sequence[str] = (),
    paged: bool = False,
) -> CompiledUnion:
    """`UNION ALL` of `build(values)` for each of `builds` (`.values()` querysets), each
    compiled by `compile_query` with the same slots (see `CompiledUnion`)."""
    parts = tuple(compile_query(build, slots) for build in builds)
    widths = {len(part.names) for part in parts}
    if len(widths) != 1:
        raise ValueError("the parts of a union must select as many columns as each other")
    alias = parts[0].alias
    if any(part.alias != alias for part in parts):
        raise ValueError("the parts of a union must read one database")
    names = parts[0].names
    order = []
    for name in order_by:
        column = name.removeprefix("-")
        if column not in names:
            raise ValueError(f"{column!r} is not a column of the union's first part")
        order.append(f"{names.index(column) + 2}{' DESC' if name.startswith('-') else ''}")
    selects: list[str] = []
    params: list[Any] = []
    slot_positions: dict[int, tuple[str, Kind]] = {}
    for n, part in enumerate(parts):
        for position, slot in part.slots.items():
            slot_positions[len(params) + position] = slot
        params.extend(part.params)
        inner = part.sql
        if paged and n == 0:
            inner += " LIMIT %s OFFSET %s"
            params.extend([0, 0])  # each run's page
        tag = f"{n} AS union_part" if n == 0 else str(n)
        selects.append(f"SELECT {tag}, u{n}.* FROM ({inner}) u{n}")  # noqa: S608 - compiled SQL
    sql = " UNION ALL ".join(selects) + " ORDER BY " + ", ".join(["1", *order])
    return CompiledUnion(alias, parts, sql, tuple(params), slot_positions, paged)


def compiled_union(
    key: Sequence[Any],
    builds: Sequence[Callable[[Mapping[str, Any]], QuerySet[Any]]],
    slots: Mapping[str, Kind],
    *,
    order_by: Sequence[str] = (),
    paged: bool = False,
    alias: str = "default",
) -> CompiledUnion:
    """The compiled union for this shape, compiled at its first use (per database)."""
    connection = connections[alias]
    full_key = ("union", alias, connection.vendor, connection.settings_dict["NAME"], *key)
    found = _unions.get(full_key)
    if found is None:
        with _lock:
            found = _unions.get(full_key) or compile_union(
                builds, slots, order_by=order_by, paged=paged
            )
            _unions[full_key] = found
    return found


_unions: dict[tuple[Any, ...], CompiledUnion] = {}


def compiled_instances(
    key: Sequence[Any],
    build: Callable[[Mapping[str, Any]], QuerySet[Any]],
    slots: Mapping[str, Kind],
    values: Mapping[str, Any],
) -> list[Any]:
    """`build(values)`'s model instances, its SQL compiled once per `key`."""
    return compiled(key, build, slots).instances(values)


class Pageable:
    """A compiled query as Django's `Paginator` sees it: a count known beforehand and slices
    run as LIMIT / OFFSET, each row made into what the page shows by `make`."""

    def __init__(
        self,
        query: CompiledQuery,
        values: Mapping[str, Any],
        total: int,
        make: Callable[[dict[str, Any]], Any] = lambda row: row,
    ) -> None:
        self.query, self.values, self.total, self.make = query, values, total, make

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, window: slice) -> list[Any]:
        start = window.start or 0
        stop = self.total if window.stop is None else window.stop
        found = self.query.rows(self.values, limit=max(0, stop - start), offset=start)
        return [self.make(row) for row in found]
