"""Background work for the journal (django-tasks)."""

from __future__ import annotations

from django_tasks import task

from interplay.web.journal.analysis import reanalyse_stale


@task()
def reanalyse_journal() -> int:
    """Bring every journal analysis up to the current engine versions."""
    return reanalyse_stale()
