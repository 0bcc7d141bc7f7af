"""The SQLite backend remembers placeholder conversions: the same SQL, the same answers."""

from __future__ import annotations

import os

import pytest
from django.db import connection
from django.db.backends.sqlite3.base import SQLiteCursorWrapper

from interplay.web.kernel.sqlite.base import CursorWrapper, _to_qmark

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="the SQLite backend only"),
]

QUERIES = [
    "SELECT %s",
    "SELECT %s, %s WHERE x LIKE '%%s' AND y = %s",
    "SELECT '100%%' AS share, %s",
    "SELECT %(a)s",  # named: converted by Django's own rule (not remembered)
]


@pytest.mark.parametrize("query", QUERIES[:3])
def test_a_remembered_conversion_is_djangos_own(query):
    django_cursor = connection.connection.cursor(factory=SQLiteCursorWrapper)
    assert _to_qmark(query) == django_cursor.convert_query(query)
    assert _to_qmark(query) == _to_qmark(query)  # and again, from memory


def test_the_app_runs_on_it_and_named_parameters_still_work():
    assert connection.vendor == "sqlite"
    with connection.cursor() as cursor:
        assert isinstance(cursor.cursor, CursorWrapper)
        cursor.execute("SELECT %s, '100%%'", [7])
        assert cursor.fetchall() == [(7, "100%")]
        cursor.execute("SELECT %(a)s + %(b)s", {"a": 2, "b": 3})
        assert cursor.fetchall() == [(5,)]
