"""The planner's clock. django-tasks has no scheduler, so `interplay worker` (and the worker
`interplay serve` starts) calls `enqueue_planning` every `PLAN_EVERY` seconds beside the
database worker, which then runs the planning task like any other. A planning task already
waiting is not queued twice; two clocks queuing at once is harmless, since every reminder is
claimed once (`planner.claim`)."""

from __future__ import annotations

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from interplay.web.reminders.tasks import plan_reminders_task

PLAN_EVERY = 300.0  # seconds: a reminder goes out within five minutes of its slot


def enqueue_planning() -> bool:
    """Queue a planning task unless one is already waiting; True when one was queued."""
    waiting = DBTaskResult.objects.filter(
        task_path=plan_reminders_task.module_path, status=TaskResultStatus.READY
    ).exists()
    if waiting:
        return False
    plan_reminders_task.enqueue()
    return True
