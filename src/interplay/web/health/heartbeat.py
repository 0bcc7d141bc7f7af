"""Beating and reading the worker's heartbeat."""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timedelta

from django.db import DatabaseError, connection
from django.db.models import Max
from django.utils import timezone

from interplay.web.health.models import WorkerHeartbeat

log = logging.getLogger("interplay.health")
BEAT_EVERY = timedelta(seconds=20)
STALE_AFTER = timedelta(seconds=90)  # a few missed beats: the worker is gone or stuck
FORGET_AFTER = timedelta(days=1)  # rows of workers that stopped long ago


def beat(worker_id: str) -> None:
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(worker_id=worker_id[:64], defaults={"beat_at": now})
    WorkerHeartbeat.objects.filter(beat_at__lt=now - FORGET_AFTER).delete()


def beat_until(stop: threading.Event, worker_id: str) -> None:
    """Beat at once and then every BEAT_EVERY until `stop` is set (run in a thread beside the
    worker; it has its own database connection, closed at the end)."""
    try:
        while True:
            try:
                beat(worker_id)
            except DatabaseError:
                # A missed beat shows on /health/; it must never stop the worker.
                log.warning("worker heartbeat could not be written")
            if stop.wait(BEAT_EVERY.total_seconds()):
                return
    finally:
        connection.close()


def last_beat() -> datetime | None:
    found: datetime | None = WorkerHeartbeat.objects.aggregate(last=Max("beat_at"))["last"]
    return found
