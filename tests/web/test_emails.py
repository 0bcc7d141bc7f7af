import json

from django.test import Client
from django_tasks_db.models import DBTaskResult

from tests.web.base import emailed_code


def _ask_for_a_code(email: str) -> None:
    Client().post("/accounts/login/code/", {"email": email})


def test_emails_wait_in_the_database_queue_for_the_worker(practice, outbox, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    _ask_for_a_code("maya@client.test")
    assert outbox == []  # not sent inline by the web request
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "interplay.web.emails.send_email_task"
    assert queued.args_kwargs["kwargs"]["to"] == "maya@client.test"
    assert "works once" not in json.dumps(queued.args_kwargs)  # the body (and code) is sealed


def test_the_worker_sends_the_queued_email_with_the_code(practice, outbox):
    _ask_for_a_code("maya@client.test")
    assert outbox[0].subject == "Interplay: Your sign-in code"
    assert emailed_code(outbox[0])
