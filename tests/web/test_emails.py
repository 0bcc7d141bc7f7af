import json

from django_tasks_db.models import DBTaskResult

from interplay.web.accounts.actions import do_send_sign_in_link


def test_emails_wait_in_the_database_queue_for_the_worker(practice, outbox, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    do_send_sign_in_link("maya@client.test")
    assert outbox == []  # not sent inline by the web request
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "interplay.web.emails.send_email_task"
    assert queued.args_kwargs["kwargs"]["to"] == "maya@client.test"
    assert "/sign-in/link/" not in json.dumps(queued.args_kwargs)  # the link is sealed


def test_the_worker_sends_the_queued_email_with_the_link(practice, outbox):
    do_send_sign_in_link("maya@client.test")
    assert "/sign-in/link/" in outbox[0].body
