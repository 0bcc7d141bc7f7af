"""`interplay worker` for real: two worker processes on one fresh data folder, a client whose
check-in reminder is due, and emails written to files. The reminder arrives, once."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from interplay.cli import app

SEED = """
import django
django.setup()
from datetime import timedelta
from django.utils import timezone
from interplay.web.accounts.models import Role, User
from interplay.web.assessments import actions
from interplay.web.assessments.models import Assessment
from interplay.web.demo import maya_answers
from interplay.web.journal.actions import do_save_entry

client = User.objects.create_user("due@example.test", None, name="Due Client", role=Role.CLIENT)
assessment = actions.do_start_assessment(actor=client)
actions.do_save_answers(assessment, maya_answers(), actor=client)
actions.do_finish_assessment(assessment, actor=client)
Assessment.objects.filter(pk=assessment.pk).update(completed_at=timezone.now() - timedelta(days=15))
do_save_entry("Private", "My sister never listens to me.", actor=client)
"""


def _environment(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INTERPLAY_", "DATABASE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="interplay.web.settings",
        INTERPLAY_DATA_DIR=str(tmp_path / "data"),  # SQLite, its own keys
        INTERPLAY_EMAIL_URL=f"file://{tmp_path / 'mail'}",
    )
    return env


def _run(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, *args], env=env, check=True, timeout=180, capture_output=True)  # noqa: S603


def _messages(mail: Path) -> list[str]:
    text = "".join(path.read_text() for path in sorted(mail.glob("*.log"))) if mail.exists() else ""
    return [part for part in text.split("-" * 79) if "Subject:" in part]


@pytest.mark.slow
def test_two_worker_processes_deliver_a_due_reminder_once(tmp_path):
    env = _environment(tmp_path)
    _run(env, "-m", "interplay", "manage", "migrate", "--verbosity", "0")
    _run(env, "-c", SEED)
    workers = [
        subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "interplay", "worker", "--plan-every", "1"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(2)
    ]
    mail = tmp_path / "mail"
    try:
        deadline = time.monotonic() + 90
        while not _messages(mail) and time.monotonic() < deadline:
            time.sleep(0.5)
        time.sleep(5)  # several more plannings by both workers: none may send it again
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        for worker in workers:
            worker.wait(timeout=20)
    messages = _messages(mail)
    assert len(messages) == 1, messages
    (message,) = messages
    assert "To: due@example.test" in message
    assert "A check-in is waiting for you" in message
    headers = message.split("\n\n", 1)[0].replace("\n ", " ")  # unfold long header lines
    assert re.search(r"List-Unsubscribe: +<http://\S+/reminders/unsubscribe/\S+/>", headers)
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in headers
    assert "sister" not in message and "Due Client" not in message


def test_the_worker_command_is_listed_with_its_options():
    result = CliRunner().invoke(app, ["worker", "--help"])
    assert result.exit_code == 0
    assert "--plan-every" in result.output and "reminder" in result.output
