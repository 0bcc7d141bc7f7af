"""`interplay worker`: the background worker for a server (and the one `interplay serve` starts).

It runs the database worker (`manage worker`: django-tasks-db's `db_worker` with the heartbeat
`/health/` reads) in a child process, and in this
one the reminder planner's clock: every `--plan-every` seconds it queues the planning task
(django-tasks has no scheduler of its own; `interplay.web.reminders.clock`) and deletes the
prepared PDF reports that have expired (`interplay.web.progress.report_files`). Run one or several
on a server: the queue hands each task to one worker, and each reminder is claimed once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

from interplay.commands.web import _django


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(0)


def tick() -> None:
    """One beat of the clock: queue a reminder planning, delete the expired PDF reports."""
    from interplay.web.progress.report_files import delete_expired
    from interplay.web.reminders.clock import enqueue_planning

    enqueue_planning()
    delete_expired()


def worker(
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir", help="Folder for the database and keys (default INTERPLAY_DATA_DIR)."
        ),
    ] = None,
    plan_every: Annotated[
        float,
        typer.Option(
            "--plan-every", min=1.0, help="Seconds between reminder plannings (default 300)."
        ),
    ] = 300.0,
) -> None:
    """Run the task worker (emails, reminders, journal reanalysis) and the reminder planner."""
    _django(data_dir)
    child = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "interplay", "manage", "worker", "--no-reload"],
        env=os.environ.copy(),
    )
    previous = signal.signal(signal.SIGTERM, _stop)
    typer.echo(f"Task worker running; planning reminders every {plan_every:g} s (Ctrl+C to stop)")
    try:
        while True:
            tick()
            try:
                code = child.wait(timeout=plan_every)
            except subprocess.TimeoutExpired:
                continue
            typer.echo(f"The task worker stopped (exit code {code}).", err=True)
            raise typer.Exit(code or 1)
    finally:
        signal.signal(signal.SIGTERM, previous)
        if child.poll() is None:
            child.terminate()
            child.wait(timeout=10)


def register(app: typer.Typer) -> None:
    app.command()(worker)
