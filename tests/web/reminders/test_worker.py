"""A reminder end to end through the real database worker, and once only with two planners
racing on PostgreSQL."""

from __future__ import annotations

import threading

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from interplay.web.reminders.clock import enqueue_planning
from interplay.web.reminders.models import SentReminder
from interplay.web.reminders.planner import plan_reminders
from tests.web.base import make_practice
from tests.web.reminders.helpers import PRIVATE_WORDS, check_in_due, reminder_emails

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _run_worker() -> None:
    """django-tasks-db's own worker, in this process, until the queue is empty."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_a_reminder_goes_out_through_the_database_worker_once(settings, mailoutbox):
    settings.TASKS = DATABASE_TASKS
    practice = make_practice()
    check_in_due(practice.client)
    assert enqueue_planning() is True
    assert enqueue_planning() is False  # one planning task waits; the clock adds no second
    assert reminder_emails() == []  # queued, not run: only the worker sends
    _run_worker()  # runs the planning task, which queues the send task, which it runs too
    (email,) = reminder_emails()
    assert email.to == [practice.client.email]
    assert not any(word in email.body for word in PRIVATE_WORDS)
    tasks = DBTaskResult.objects.all()
    assert {t.task_path.rsplit(".", 1)[1] for t in tasks} == {
        "plan_reminders_task",
        "send_reminder_task",
    }
    assert {t.status for t in tasks} == {TaskResultStatus.SUCCESSFUL}
    # The send task's only argument is the claim's id: no address waits in the task table.
    send = next(t for t in tasks if t.task_path.endswith("send_reminder_task"))
    assert practice.client.email not in str(send.args_kwargs)
    # The next planning finds the claim taken.
    enqueue_planning()
    _run_worker()
    assert len(reminder_emails()) == 1
    assert SentReminder.objects.get().sent_at is not None


@pytest.mark.django_db(transaction=True)
def test_two_planners_at_once_send_a_reminder_once(mailoutbox):
    """Two threads, each with its own database connection, plan at the same moment. On
    PostgreSQL the second insert waits for the first and then fails the unique constraint."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL) for truly concurrent transactions")
    practice = make_practice()
    check_in_due(practice.client)
    check_in_due(practice.other_client)
    start = threading.Barrier(2)
    claimed: list[int] = []

    def planner() -> None:
        try:
            start.wait()
            claimed.append(plan_reminders())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=planner) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(claimed) in ([0, 2], [1, 1])  # between them, each reminder claimed once
    assert sum(claimed) == 2
    assert SentReminder.objects.count() == 2
    assert sorted(m.to[0] for m in reminder_emails()) == sorted(
        [practice.client.email, practice.other_client.email]
    )


@pytest.mark.django_db(transaction=True)
def test_a_second_claim_waits_for_the_first_and_then_finds_it_taken(mailoutbox):
    """The race made certain: the first claim's transaction stays open while the second
    tries, so the second insert blocks on the unique index and fails once the first commits."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL) for truly concurrent transactions")
    import time

    from django.db import transaction
    from django.utils import timezone

    from interplay.web.reminders.access import settings_for
    from interplay.web.reminders.planner import claim, reminders_for
    from interplay.web.schedule.access import own_schedule

    practice = make_practice()
    check_in_due(practice.client)
    person = practice.client
    planned = reminders_for(own_schedule(person), settings_for(person))[0]
    first_holds_it = threading.Event()
    results: dict[str, object] = {}

    def first() -> None:
        try:
            with transaction.atomic():
                results["first"] = claim(person, planned, timezone.now())
                first_holds_it.set()
                time.sleep(0.5)  # the second claim runs now, against an uncommitted row
        finally:
            connections.close_all()

    def second() -> None:
        try:
            first_holds_it.wait(timeout=10)
            began = time.monotonic()
            results["second"] = claim(person, planned, timezone.now())
            results["waited"] = time.monotonic() - began
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert results["first"] is not None and results["second"] is None
    assert results["waited"] > 0.3  # it really waited for the first transaction
    assert SentReminder.objects.count() == 1 and len(reminder_emails()) == 1
