"""The worker's side of a coach's copy of a large report (`progress.report_files`): built
from what the client shares at the moment it runs, with the same functions as a copy built
inside the request. A client who left or stopped sharing makes the build fail."""

from __future__ import annotations

from django.http import Http404
from django_tasks import task

from interplay.web.accounts.coaches import is_current_client
from interplay.web.assessments.reference import practice_references
from interplay.web.coaching.client_view import ClientView
from interplay.web.coaching.progress_data import shared_data
from interplay.web.progress import reports
from interplay.web.progress.models import ReportFile, ReportKind
from interplay.web.progress.report_files import build, holds_of


def coach_report(file: ReportFile) -> tuple[bytes, dict[str, list[int]]]:
    coach, client = file.requested_by, file.person
    if not is_current_client(coach, client.pk):
        raise Http404
    # The worker has no request: the coach passed their second factor when they asked.
    view = ClientView(coach, client)
    data = shared_data(view)
    references = practice_references()
    if file.kind == ReportKind.PROFILE:
        latest = view.latest_assessment()
        if latest is None:
            raise Http404
        content = reports.profile_pdf(data, latest, references)
    elif file.kind == ReportKind.REVIEW and file.review_id is not None:
        content = reports.review_pdf(data, view.review(file.review_id), references)
    elif file.kind == ReportKind.SUPERVISION:
        content = reports.supervision_pdf(data, references)
    else:
        raise Http404
    return content, holds_of(data, file.kind)


@task()
def build_coach_report(file_id: int) -> bool:
    return build(file_id, coach_report)
