"""`interplay manage worker`: django-tasks-db's `db_worker` with a heartbeat beside it, which
`/health/` reads. `interplay serve` starts this one."""

from __future__ import annotations

import threading
from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from interplay.web.health.heartbeat import beat_until


class Command(DatabaseWorker):
    help = "Run the task worker (emails, reminders, reports) and write its heartbeat."

    def handle(self, **options: Any) -> None:
        stop = threading.Event()
        beating = threading.Thread(
            target=beat_until, args=(stop, str(options["worker_id"])), daemon=True
        )
        beating.start()
        try:
            super().handle(**options)
        finally:
            stop.set()
            beating.join(timeout=5)
