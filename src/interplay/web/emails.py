"""Emails go out through the task queue (django-tasks, database backend), never inline.

They are queued only once the surrounding transaction commits, so a rolled-back sign-up never
sends a link to a person who does not exist. The body is encrypted while it waits in the queue
table: it can hold a one-time sign-in link, which must not sit readable in the database.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django_tasks import task

from interplay.web.crypto import decrypt, encrypt


@task()
def send_email_task(to: str, subject: str, encrypted_body: str) -> None:
    send_mail(subject, decrypt(encrypted_body), settings.DEFAULT_FROM_EMAIL, [to])


def queue_email(to: str, subject: str, body: str) -> None:
    sealed = encrypt(body)
    transaction.on_commit(
        lambda: send_email_task.enqueue(to=to, subject=subject, encrypted_body=sealed)
    )


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"
