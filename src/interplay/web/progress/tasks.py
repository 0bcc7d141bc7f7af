"""The worker's side of a person's own large report (`report_files`): built from their own
records, with the same functions as a report built inside the request."""

from __future__ import annotations

from django.http import Http404
from django_tasks import task

from interplay.web.assessments.reference import practice_references
from interplay.web.progress import reports
from interplay.web.progress.access import get_review_for_user
from interplay.web.progress.data import own_data
from interplay.web.progress.models import ReportFile, ReportKind
from interplay.web.progress.report_files import build, holds_of


def own_report(file: ReportFile) -> tuple[bytes, dict[str, list[int]]]:
    person = file.person
    data = own_data(person)
    references = practice_references()
    if file.kind == ReportKind.PROFILE:
        if not data.assessments:
            raise Http404
        content = reports.profile_pdf(data, data.assessments[-1], references)
    elif file.kind == ReportKind.REVIEW and file.review_id is not None:
        found = get_review_for_user(person, file.review_id)
        content = reports.review_pdf(data, found, references)
    else:
        raise Http404
    return content, holds_of(data, file.kind)


@task()
def build_own_report(file_id: int) -> bool:
    return build(file_id, own_report)
