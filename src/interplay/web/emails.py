"""Emails go out through the task queue (django-tasks, database backend), never inline.

They are queued only once the surrounding transaction commits, so a rolled-back sign-up never
sends a link to a person who does not exist.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django_tasks import task


@task()
def send_email_task(to: str, subject: str, body: str) -> None:
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


def queue_email(to: str, subject: str, body: str) -> None:
    transaction.on_commit(lambda: send_email_task.enqueue(to=to, subject=subject, body=body))


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"
