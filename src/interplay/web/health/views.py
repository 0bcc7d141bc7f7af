"""`/health/`: 200 when the database answers, Redis too if `REDIS_URL` is set, and the task
worker's last heartbeat is recent; 503 otherwise. It says which part failed and nothing else
(no counts, no names, no versions), and writes nothing."""

from __future__ import annotations

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from interplay.web.health.heartbeat import STALE_AFTER, last_beat


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "unavailable"
    return "ok"


def _redis() -> str:
    if not getattr(settings, "REDIS_URL", ""):
        return "not configured"
    from django.core.cache import cache

    try:
        cache.set("health:ping", "1", timeout=10)
        return "ok" if cache.get("health:ping") == "1" else "unavailable"
    except Exception:  # noqa: BLE001 - any failure of the cache server is "unavailable"
        return "unavailable"


def _worker(database: str) -> str:
    if database != "ok":
        return "unknown"
    beat = last_beat()
    if beat is None:
        return "never seen"
    return "ok" if timezone.now() - beat <= STALE_AFTER else "late"


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    database = _database()
    checks = {"database": database, "redis": _redis(), "worker": _worker(database)}
    healthy = all(value in ("ok", "not configured") for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )
