"""Background work for the journal (django-tasks): bringing analyses up to date."""

from __future__ import annotations

import logging

from django_tasks import task

from interplay.web.journal.analysis import reanalyse_stale

log = logging.getLogger("interplay.journal")


def _log_progress(done: int, total: int) -> None:
    log.info("journal reanalysis: %d of %d entries brought up to date", done, total)


@task()
def reanalyse_journal() -> int:
    """Bring every journal analysis up to the current engine versions, logging progress."""
    return reanalyse_stale(progress=_log_progress)
