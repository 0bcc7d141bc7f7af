"""Without Redis, the cache is a table in the database, so allauth's rate limits and the API's
counters hold across every web process (gunicorn's workers), not per process."""

from __future__ import annotations

import importlib
from types import SimpleNamespace

from django.core.cache.backends.db import DatabaseCache
from django.db import connection

from interplay.web import settings as real_settings
from interplay.web.kernel.migrations import __name__ as migrations_package

DATABASE_CACHE = "django.core.cache.backends.db.DatabaseCache"


def test_without_redis_the_cache_is_the_database(monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    assert importlib.reload(real_settings).CACHES["default"] == {
        "BACKEND": DATABASE_CACHE,
        "LOCATION": "interplay_cache",
        "OPTIONS": {"MAX_ENTRIES": 50_000},  # Django's 300 would cull live counters
    }


def test_with_redis_the_cache_is_redis(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    try:
        backend = importlib.reload(real_settings).CACHES["default"]["BACKEND"]
    finally:
        monkeypatch.delenv("REDIS_URL")
        importlib.reload(real_settings)
    assert backend == "django.core.cache.backends.redis.RedisCache"


def test_the_migration_makes_the_table_and_two_processes_share_a_count(db, settings):
    settings.CACHES = {"default": {"BACKEND": DATABASE_CACHE, "LOCATION": "interplay_cache"}}
    migration = importlib.import_module(f"{migrations_package}.0006_cache_table")
    migration.create_cache_table(None, SimpleNamespace(connection=connection))
    assert "interplay_cache" in connection.introspection.table_names()
    # Two workers are two cache objects over the same table: what one counts, the other sees.
    first, second = DatabaseCache("interplay_cache", {}), DatabaseCache("interplay_cache", {})
    first.set("allauth:rl:login_failed:someone", [1.0, 2.0], 60)
    assert second.get("allauth:rl:login_failed:someone") == [1.0, 2.0]
