"""Django's SQLite backend, with one change: the conversion of a query's `%s` placeholders to
SQLite's `?` is remembered per query text.

Django converts every query with a regular expression before it reaches SQLite. The result
depends on the text alone, and the app runs the same few hundred texts again and again (most
of them compiled once, `kernel.compiled`), while the scan costs in proportion to the text: on
the coach's dashboard, whose query is several kilobytes, it was about a twentieth of the
page's instructions (`bench/callgrind_web.py`). Named ("pyformat") parameters are converted as
before. Everything else is Django's own backend, so `vendor` is still "sqlite"."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.db.backends.sqlite3 import base

# Enough for every distinct query text the app runs; texts made on the fly (an `IN` list of
# another length) only push the oldest out.
_REMEMBERED = 2048


@lru_cache(maxsize=_REMEMBERED)
def _to_qmark(query: str) -> str:
    return base.FORMAT_QMARK_REGEX.sub("?", query).replace("%%", "%")


class CursorWrapper(base.SQLiteCursorWrapper):
    def convert_query(self, query: str, *, param_names: Any = None) -> str:
        if param_names is None:
            return _to_qmark(query)
        return super().convert_query(query, param_names=param_names)


class DatabaseWrapper(base.DatabaseWrapper):
    def create_cursor(self, name: str | None = None) -> Any:
        return self.connection.cursor(factory=CursorWrapper)
