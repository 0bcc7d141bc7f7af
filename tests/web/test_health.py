"""`/health/`: 200 when the database, Redis (if configured) and the worker's heartbeat are
fine, 503 naming what is not; public, nothing private, and it writes nothing."""

from __future__ import annotations

import threading
from datetime import timedelta

from django.test import Client
from django.utils import timezone

from interplay.web.health.heartbeat import STALE_AFTER, beat, beat_until
from interplay.web.health.models import WorkerHeartbeat
from tests.web.test_reads_never_write import writes_recorded


def test_healthy_with_a_recent_heartbeat(db):
    beat("worker-1")
    with writes_recorded() as writes:
        answer = Client().get("/health/")
    assert answer.status_code == 200 and writes == []
    assert answer.json() == {
        "status": "ok",
        "checks": {"database": "ok", "redis": "not configured", "worker": "ok"},
    }
    assert "no-store" in answer["Cache-Control"] or "max-age=0" in answer["Cache-Control"]


def test_unavailable_before_any_worker_has_beaten(db):
    answer = Client().get("/health/")
    assert answer.status_code == 503 and answer.json()["checks"]["worker"] == "never seen"


def test_unavailable_when_the_last_beat_is_old(db):
    beat("worker-1")
    WorkerHeartbeat.objects.update(beat_at=timezone.now() - STALE_AFTER - timedelta(seconds=1))
    answer = Client().get("/health/")
    assert answer.status_code == 503 and answer.json()["checks"]["worker"] == "late"


def test_unavailable_when_redis_does_not_answer(db, settings):
    beat("worker-1")
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": settings.REDIS_URL,
        }
    }
    answer = Client().get("/health/")
    assert answer.status_code == 503 and answer.json()["checks"]["redis"] == "unavailable"


def test_the_worker_beats_at_once_and_stops_when_told(transactional_db):
    stop = threading.Event()
    beating = threading.Thread(target=beat_until, args=(stop, "worker-x"))
    beating.start()
    stop.set()
    beating.join(timeout=10)
    assert not beating.is_alive()
    assert WorkerHeartbeat.objects.filter(worker_id="worker-x").exists()


def test_old_rows_of_stopped_workers_are_forgotten(db):
    beat("gone")
    WorkerHeartbeat.objects.update(beat_at=timezone.now() - timedelta(days=2))
    beat("current")
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["current"]
