"""Large reports, built by the worker: the page offers to prepare one (a GET writes nothing),
the POST queues it, the real database worker builds it with the same functions, the status
page says so and the download holds the scale names; only the one who asked gets it, a coach
only while the client is theirs and shares what it holds, with the coach-read audit written
once, on download; files expire and are deleted, and a failed build offers to try again."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from interplay.web.assessments.actions import do_set_assessment_sharing
from interplay.web.coaching.actions import do_leave_coach
from interplay.web.kernel.models import AuditEvent, AuditKind
from interplay.web.labels import SCALES
from interplay.web.progress import reports
from interplay.web.progress.actions import do_save_review, do_set_review_sharing
from interplay.web.progress.models import ReportFile, ReportKind, ReportStatus
from interplay.web.progress.pdf_layout import latin1
from interplay.web.progress.report_files import KEEP_FOR, delete_expired, report_size
from tests.web.base import make_practice, signed_in
from tests.web.progress.helpers import answers_leaning, finished, reflected
from tests.web.progress.pages import ready_file
from tests.web.progress.test_reports import _text, needs_poppler
from tests.web.test_reads_never_write import writes_recorded

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _run_worker() -> None:
    """django-tasks-db's own worker, in this process, until the queue is empty."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def _story(user):  # type: ignore[no-untyped-def]
    finished(user, answers_leaning(dependence=5, interdependence=2), days_ago=90)
    finished(user, answers_leaning(dependence=2, interdependence=4), days_ago=1)
    reflected(user, "Ask my sister", outcome="no", shared_with_coach=True)
    return do_save_review("Looking back.", [], actor=user)


@pytest.fixture
def large(settings):  # type: ignore[no-untyped-def]
    """Every history counts as large: the story above holds three records."""
    settings.REPORTS_INLINE_LIMIT = 2
    return settings


def _coach_reads(practice, what):  # type: ignore[no-untyped-def]
    return AuditEvent.objects.filter(
        kind=AuditKind.COACH_READ, actor=practice.coach, client=practice.client, what=what
    ).count()


def test_a_small_history_is_built_in_the_request_as_before(practice):
    _story(practice.client)
    response = signed_in(practice.client).get(reverse("progress:profile_pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert not ReportFile.objects.exists()


def test_a_large_history_offers_to_prepare_on_the_progress_and_review_pages(practice, large):
    review = _story(practice.client)
    browser = signed_in(practice.client)
    prepare = reverse("progress:prepare_report")
    for url in (reverse("progress:mine"), reverse("progress:review", args=[review.pk])):
        page = browser.get(url).content.decode()
        assert f'action="{prepare}"' in page and "Prepare my PDF" in page, url
        assert "as a PDF</a>" not in page  # no download link that would build it inline
    page = browser.get(reverse("progress:review", args=[review.pk])).content.decode()
    assert f'name="review" value="{review.pk}"' in page


def test_the_limit_counts_what_the_reader_may_see(practice, large):
    from interplay.web.coaching.client_view import ClientView
    from interplay.web.coaching.progress_data import shared_data
    from interplay.web.progress.data import own_data

    _story(practice.client)
    assert report_size(own_data(practice.client)) == 3
    do_set_assessment_sharing(practice.client.assessments.first(), False, actor=practice.client)
    view = ClientView(practice.coach, practice.client)
    assert report_size(shared_data(view)) == 2  # one shared assessment, one experiment
    coach = signed_in(practice.coach)
    response = coach.get(reverse("coaching:profile_pdf", args=[practice.client.pk]))
    assert response["Content-Type"] == "application/pdf"  # 2 is not over the limit


@needs_poppler
@pytest.mark.django_db(transaction=True)
def test_a_large_profile_is_prepared_by_the_worker_and_downloaded(settings, tmp_path):
    settings.TASKS = DATABASE_TASKS
    settings.REPORTS_INLINE_LIMIT = 2
    practice = make_practice()
    _story(practice.client)
    browser = signed_in(practice.client)
    with writes_recorded() as writes:
        page = browser.get(reverse("progress:profile_pdf"))
    assert writes == []  # the offer to prepare is a read
    assert page["Content-Type"].startswith("text/html")
    assert "Prepare my PDF" in page.content.decode()
    assert not ReportFile.objects.exists()

    response = browser.post(reverse("progress:prepare_report"), {"kind": "profile"})
    (file,) = ReportFile.objects.all()
    assert response.status_code == 302
    assert response["Location"] == reverse("progress:report", args=[file.pk])
    assert file.status == ReportStatus.QUEUED and file.requested_by == practice.client
    # A second click while it waits queues nothing more.
    browser.post(reverse("progress:prepare_report"), {"kind": "profile"})
    assert ReportFile.objects.count() == 1 and DBTaskResult.objects.count() == 1
    (queued,) = DBTaskResult.objects.all()
    assert queued.args_kwargs["args"] == [file.pk]  # the id only: nothing private queued

    status = browser.get(reverse("progress:report", args=[file.pk])).content.decode()
    assert "Being prepared" in status and "Look again now" in status
    # Without JavaScript the page reloads itself; with it, htmx looks again at the state only.
    assert '<noscript><meta http-equiv="refresh" content="10"></noscript>' in status
    assert 'hx-trigger="every 5s" hx-select="#report-state"' in status
    download = reverse("progress:report_file", args=[file.pk])
    assert browser.get(download).status_code == 404  # nothing to download yet

    _run_worker()
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL
    file.refresh_from_db()
    assert file.status == ReportStatus.READY and file.ready_at is not None
    assert file.expires_at > timezone.now() + KEEP_FOR - timedelta(minutes=5)
    with writes_recorded() as writes:
        status = browser.get(reverse("progress:report", args=[file.pk])).content.decode()
    assert writes == [] and "Ready." in status and "refresh" not in status
    response = browser.get(download)
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text = _text(response.content, tmp_path)
    for name in SCALES.values():
        assert latin1(name) in text, name
    assert "not a diagnosis" in text and practice.client.name in text

    # At rest the PDF is ciphertext: neither the bytes nor their base64 are in the row.
    with connection.cursor() as cursor:
        cursor.execute("SELECT pdf FROM progress_reportfile WHERE id = %s", [file.pk])
        (raw,) = cursor.fetchone()
    assert raw.startswith("gAAAAA")
    assert base64.b64encode(response.content[:12]).decode()[:12] not in raw


@needs_poppler
@pytest.mark.django_db(transaction=True)
def test_the_coachs_copy_goes_through_the_worker_and_is_audited_on_download(settings, tmp_path):
    settings.TASKS = DATABASE_TASKS
    settings.REPORTS_INLINE_LIMIT = 2
    practice = make_practice()
    review = _story(practice.client)
    do_set_review_sharing(review, True, actor=practice.client)
    coach = signed_in(practice.coach)
    url = reverse("coaching:review_pdf", args=[practice.client.pk, review.pk])
    page = coach.get(url).content.decode()
    assert "Prepare the PDF" in page
    coach.post(
        reverse("coaching:prepare_report", args=[practice.client.pk]),
        {"kind": "review", "review": str(review.pk)},
    )
    (file,) = ReportFile.objects.all()
    assert file.requested_by == practice.coach and file.person == practice.client
    _run_worker()
    file.refresh_from_db()
    assert file.status == ReportStatus.READY
    assert file.holds["reviews"] == [review.pk]
    assert _coach_reads(practice, "review report") == 0  # nothing read yet
    coach.get(reverse("coaching:report", args=[practice.client.pk, file.pk]))
    assert _coach_reads(practice, "review report") == 0  # the status page reads nothing
    download = reverse("coaching:report_file", args=[practice.client.pk, file.pk])
    response = coach.get(download)
    assert response["Content-Type"] == "application/pdf"
    assert "Looking back." in _text(response.content, tmp_path)
    (event,) = AuditEvent.objects.filter(kind=AuditKind.COACH_READ, what="review report")
    assert event.object_id == review.pk
    # The client's own download pages are not the coach's.
    assert coach.get(reverse("progress:report_file", args=[file.pk])).status_code == 404


def test_a_coach_copy_is_refused_once_the_client_stops_sharing_what_it_holds(practice):
    review = _story(practice.client)
    do_set_review_sharing(review, True, actor=practice.client)
    first, latest = list(practice.client.assessments.order_by("completed_at"))
    profile = ready_file(
        practice.coach,
        practice.client,
        ReportKind.PROFILE,
        holds={"assessments": [first.pk, latest.pk]},
    )
    copy = ready_file(practice.coach, practice.client, ReportKind.REVIEW, review)
    coach = signed_in(practice.coach)

    def status(file):  # type: ignore[no-untyped-def]
        url = reverse("coaching:report_file", args=[practice.client.pk, file.pk])
        return coach.get(url).status_code

    assert status(profile) == 200 and status(copy) == 200
    assert _coach_reads(practice, "profile report") == 1
    do_set_assessment_sharing(first, False, actor=practice.client)
    assert status(profile) == 404 and status(copy) == 200  # the review holds no assessment
    do_set_review_sharing(review, False, actor=practice.client)
    assert status(copy) == 404
    page = reverse("coaching:report", args=[practice.client.pk, copy.pk])
    assert coach.get(page).status_code == 404  # no download offered either
    before = AuditEvent.objects.count()
    assert status(profile) == 404 and AuditEvent.objects.count() == before  # refused: no row


def test_a_coach_whose_client_left_gets_nothing(practice):
    review = _story(practice.client)
    do_set_review_sharing(review, True, actor=practice.client)
    copy = ready_file(practice.coach, practice.client, ReportKind.SUPERVISION)
    coach = signed_in(practice.coach)
    url = reverse("coaching:report_file", args=[practice.client.pk, copy.pk])
    assert coach.get(url).status_code == 200
    do_leave_coach(actor=practice.client)
    assert coach.get(url).status_code == 404
    status = reverse("coaching:report", args=[practice.client.pk, copy.pk])
    assert coach.get(status).status_code == 404


def test_a_build_after_the_client_left_fails_and_says_so(practice, large):
    from interplay.web.coaching.report_tasks import build_coach_report
    from interplay.web.progress.report_files import do_request_report

    _story(practice.client)
    file = do_request_report(
        actor=practice.coach,
        person=practice.client,
        kind=ReportKind.SUPERVISION,
        review=None,
        task=build_coach_report,
    )
    do_leave_coach(actor=practice.client)
    assert build_coach_report.call(file.pk) is False
    file.refresh_from_db()
    assert file.status == ReportStatus.FAILED and file.pdf == ""


def test_a_failed_build_says_so_and_can_be_tried_again(
    practice, large, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    _story(practice.client)

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("Maya's private words")

    monkeypatch.setattr(reports, "profile_pdf", broken)
    browser = signed_in(practice.client)
    with django_capture_on_commit_callbacks(execute=True):  # the immediate backend runs it
        response = browser.post(reverse("progress:prepare_report"), {"kind": "profile"})
    (file,) = ReportFile.objects.all()
    assert file.status == ReportStatus.FAILED
    assert "RuntimeError" in caplog.text and "private words" not in caplog.text
    page = browser.get(response["Location"]).content.decode()
    assert "could not be prepared" in page and "Try again" in page
    assert browser.get(reverse("progress:report_file", args=[file.pk])).status_code == 404
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        browser.post(reverse("progress:prepare_report"), {"kind": "profile"})
    (again,) = ReportFile.objects.all()  # the failed try is replaced
    assert again.pk != file.pk and again.status == ReportStatus.READY


def test_expired_files_are_not_served_and_are_deleted(practice):
    _story(practice.client)
    old = ready_file(practice.client, practice.client, ReportKind.PROFILE)
    fresh = ready_file(practice.coach, practice.client, ReportKind.SUPERVISION)
    ReportFile.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    browser = signed_in(practice.client)
    assert browser.get(reverse("progress:report", args=[old.pk])).status_code == 404
    assert browser.get(reverse("progress:report_file", args=[old.pk])).status_code == 404
    assert delete_expired() == 1
    assert list(ReportFile.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert delete_expired(timezone.now() + KEEP_FOR) == 1  # a day on, the other goes too


def test_only_the_one_who_asked_downloads(practice):
    _story(practice.client)
    _story(practice.other_client)
    theirs = ready_file(practice.other_client, practice.other_client, ReportKind.PROFILE)
    mine = signed_in(practice.client)
    assert mine.get(reverse("progress:report_file", args=[theirs.pk])).status_code == 404
    assert mine.get(reverse("progress:report", args=[theirs.pk])).status_code == 404
    # A coach's copy about this client is the coach's, not the client's.
    copy = ready_file(practice.coach, practice.client, ReportKind.SUPERVISION)
    assert mine.get(reverse("progress:report_file", args=[copy.pk])).status_code == 404
    # Another coach's copy, reached through this coach's own client's address.
    other = ready_file(practice.other_coach, practice.client, ReportKind.SUPERVISION)
    coach = signed_in(practice.coach)
    url = reverse("coaching:report_file", args=[practice.client.pk, other.pk])
    assert coach.get(url).status_code == 404


def test_deleting_a_review_deletes_its_reports(practice):
    from interplay.web.progress.actions import do_delete_review

    review = _story(practice.client)
    ready_file(practice.client, practice.client, ReportKind.REVIEW, review)
    do_delete_review(review, actor=practice.client)
    assert not ReportFile.objects.exists()


def test_a_prepare_request_for_an_unknown_report_is_refused(practice):
    review = _story(practice.other_client)
    browser = signed_in(practice.client)
    prepare = reverse("progress:prepare_report")
    assert browser.post(prepare, {"kind": "nonsense"}).status_code == 404
    assert browser.post(prepare, {"kind": "review", "review": str(review.pk)}).status_code == 404
    assert not ReportFile.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_workers_clock_deletes_expired_files(settings):
    from interplay.commands.worker import tick

    settings.TASKS = DATABASE_TASKS
    practice = make_practice()
    old = ready_file(practice.client, practice.client, ReportKind.PROFILE)
    ReportFile.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    kept = ready_file(practice.coach, practice.client, ReportKind.SUPERVISION)
    tick()
    assert list(ReportFile.objects.values_list("pk", flat=True)) == [kept.pk]
    assert DBTaskResult.objects.filter(task_path__endswith="plan_reminders_task").count() == 1
