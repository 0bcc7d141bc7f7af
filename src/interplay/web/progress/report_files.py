"""Reports built by the worker when large.

A PDF of a small history is built inside the request, as the page asks for it. Over
`settings.REPORTS_INLINE_LIMIT` records (`report_size`) a build takes about a second or more
(bench/bench_reports.py), so the page offers to prepare it instead: `do_request_report` stores
a `ReportFile` (queued) and queues the task that builds it with the same functions
(`progress.tasks` for a person's own report, `coaching.report_tasks` for a coach's copy); the
task stores the PDF encrypted (ready) or says it failed. A status page shows which, and offers
the download to the one who asked. Every file is deleted a day after it was asked for or
built (`KEEP_FOR`): the worker's clock calls `delete_expired` every few minutes, and no page
serves an expired file meanwhile. Erasing either account deletes the files (cascade).
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from interplay.web.accounts.models import User
from interplay.web.progress.data import ProgressData
from interplay.web.progress.models import ReportFile, ReportKind, ReportStatus, Review

log = logging.getLogger("interplay.reports")

KEEP_FOR = timedelta(days=1)
FILENAMES = {
    ReportKind.PROFILE: "interplay-profile.pdf",
    ReportKind.REVIEW: "interplay-review-{review}.pdf",
    ReportKind.SUPERVISION: "interplay-supervision-case.pdf",
}
# What each report is built from, among the lists of `ProgressData`: a coach's copy records
# these ids, and its download checks the client still shares every one.
READS = {
    ReportKind.PROFILE: ("assessments",),
    ReportKind.REVIEW: ("assessments", "experiments", "beliefs", "reviews"),
    ReportKind.SUPERVISION: ("assessments", "pulses", "experiments"),
}


def report_size(data: ProgressData) -> int:
    """The records a report of `data` may draw on: what its build time grows with."""
    return (
        len(data.assessments) + len(data.pulses) + len(data.experiments) + len(data.snapshots or [])
    )


def is_large(data: ProgressData) -> bool:
    return report_size(data) > settings.REPORTS_INLINE_LIMIT


def holds_of(data: ProgressData, kind: str) -> dict[str, list[int]]:
    return {name: [row.pk for row in getattr(data, name)] for name in READS[ReportKind(kind)]}


def filename(file: ReportFile) -> str:
    return FILENAMES[ReportKind(file.kind)].format(review=file.review_id)


def do_request_report(
    *, actor: User, person: User, kind: str, review: Review | None, task: Any
) -> ReportFile:
    """Ask for a report to be built by the worker (`task`, a django-tasks task taking the
    file's id). A request still waiting for the same report is returned instead of a second
    one; an older copy or a failed try of it is replaced."""
    now = timezone.now()
    same = ReportFile.objects.filter(requested_by=actor, person=person, kind=kind, review=review)
    waiting = same.filter(status=ReportStatus.QUEUED, expires_at__gt=now).first()
    if waiting is not None:
        return waiting
    with transaction.atomic():
        same.delete()
        file = ReportFile.objects.create(
            requested_by=actor,
            person=person,
            kind=kind,
            review=review,
            created_at=now,
            expires_at=now + KEEP_FOR,
        )
        # The task's only argument is the row's id: the task table holds nothing private.
        transaction.on_commit(lambda: task.enqueue(file.pk))
    return file


def build(file_id: int, make: Callable[[ReportFile], tuple[bytes, dict[str, list[int]]]]) -> bool:
    """The body of a build task: `make` returns the PDF and what it holds; the file is then
    ready (for a day), or failed when `make` raised. A file deleted or built meanwhile (the
    person erased, a task run twice) is left alone."""
    file = (
        ReportFile.objects.select_related("requested_by", "person", "review")
        .filter(pk=file_id, status=ReportStatus.QUEUED)
        .first()
    )
    if file is None:
        return False
    try:
        content, holds = make(file)
    except Exception as error:  # noqa: BLE001 - any failure is shown to the person as such
        # The type only: a message could quote the person's records.
        log.warning("report file %d failed: %s", file_id, type(error).__name__)
        ReportFile.objects.filter(pk=file_id, status=ReportStatus.QUEUED).update(
            status=ReportStatus.FAILED
        )
        return False
    now = timezone.now()
    done = ReportFile.objects.filter(pk=file_id, status=ReportStatus.QUEUED).update(
        status=ReportStatus.READY,
        pdf=base64.b64encode(content).decode("ascii"),
        holds=holds,
        ready_at=now,
        expires_at=now + KEEP_FOR,
    )
    return done == 1


def pdf_bytes(file: ReportFile) -> bytes:
    return base64.b64decode(file.pdf)


def delete_expired(now: datetime | None = None) -> int:
    """Delete every report file past its time; the number deleted."""
    deleted, _ = ReportFile.objects.filter(expires_at__lte=now or timezone.now()).delete()
    return deleted


def report_file(pk: int, *, requested_by: User, person: User) -> ReportFile:
    """A report file this person asked for about `person`, not yet expired; else Http404."""
    found = (
        ReportFile.objects.filter(
            pk=pk, requested_by=requested_by, person=person, expires_at__gt=timezone.now()
        )
        .defer("pdf")
        .first()
    )
    if found is None:
        raise Http404
    return found


def ready_pdf(file: ReportFile) -> bytes:
    """The stored PDF of a ready file; Http404 while it is not ready."""
    if file.status != ReportStatus.READY:
        raise Http404
    row = ReportFile.objects.filter(pk=file.pk).only("pdf").first()
    if row is None:
        raise Http404
    return pdf_bytes(row)


def latest_request(
    *, requested_by: User, person: User, kind: str, review: Review | None = None
) -> ReportFile | None:
    return (
        ReportFile.objects.filter(
            requested_by=requested_by,
            person=person,
            kind=kind,
            review=review,
            expires_at__gt=timezone.now(),
        )
        .defer("pdf")
        .first()
    )
