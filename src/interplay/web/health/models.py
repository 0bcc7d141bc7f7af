"""The task worker's heartbeat: each worker process writes the time every BEAT_EVERY, so
`/health/` can tell whether emails and reminders are being sent."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class WorkerHeartbeat(models.Model):
    worker_id = models.CharField(max_length=64, unique=True)
    beat_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"worker {self.worker_id} at {self.beat_at:%Y-%m-%d %H:%M:%S}"
