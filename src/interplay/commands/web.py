"""Web commands: `interplay serve`, `manage` and `demo-code` (`worker` is in worker.py)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

SETTINGS = "interplay.web.settings"
# The demo keeps its data inside the clone it runs from (`.demo/`, ignored by git), so each
# clone has its own and `--reset` can start it afresh; an installed copy (no clone) keeps it in
# ~/.local/share/interplay-demo. Either way invented people never land in a real practice.
CLONE = Path(__file__).resolve().parents[3]
FALLBACK_DEMO_DIR = Path("~/.local/share/interplay-demo")
DEMO_FOLDER_MARK = ".interplay-demo"  # written into a demo folder: only such a folder is reset
WSGI_APP = "interplay.web.wsgi:application"


def _in_a_clone() -> bool:
    return (CLONE / "pyproject.toml").is_file() and (CLONE / "src" / "interplay").is_dir()


def default_demo_dir() -> Path:
    return CLONE / ".demo" if _in_a_clone() else FALLBACK_DEMO_DIR.expanduser()


def _demo_folder(data_dir: Path | None) -> Path | None:
    if data_dir is None and not os.environ.get("INTERPLAY_DATA_DIR"):
        return default_demo_dir()
    return data_dir


def _reset_demo(folder: Path) -> None:
    """Delete a demo folder so the demo starts afresh; refuse anything not marked as one."""
    if not folder.exists():
        return
    if not (folder / DEMO_FOLDER_MARK).is_file():
        typer.echo(
            f"Not resetting {folder}: it is not a demo folder (no {DEMO_FOLDER_MARK} in it).",
            err=True,
        )
        raise typer.Exit(2)
    shutil.rmtree(folder)


def _django(data_dir: Path | None = None) -> None:
    if data_dir is not None:
        os.environ["INTERPLAY_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    import django

    from interplay.web.env import ConfigError

    try:
        django.setup()
    except ConfigError as error:
        typer.echo(f"Configuration problem: {error}", err=True)
        raise typer.Exit(2) from None


THREADS = 4  # per process: a request waiting on the database lets another run


def default_workers() -> int:
    """One gunicorn process per CPU (at most 8), each with THREADS threads. Threads keep
    connections alive, which gunicorn's one-request-at-a-time sync workers do not: measured
    here, the sync workers closed every connection and served fewer pages than Django's
    threaded development server (bench/bench_serve.py)."""
    return min(os.cpu_count() or 1, 8)


def _prepare_static() -> None:
    """Collect the static files for WhiteNoise, so production's manifest exists and no process
    warns about a missing static folder."""
    from django.conf import settings
    from django.core.management import call_command

    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    call_command("collectstatic", interactive=False, verbosity=0)


def server_command(host: str, port: int, workers: int) -> list[str]:
    """The gunicorn command `interplay serve` runs (bench/bench_web.py loads the same one, so
    its throughput figures are the served configuration's)."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        WSGI_APP,
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "gthread",
        "--threads",
        str(THREADS),
        "--timeout",
        "60",  # the first analysis in a process loads the language model
        "--access-logfile",
        "-",  # redacted by kernel.log_redaction like the development server's
        # No control socket in ~/.gunicorn: two servers on one machine would share its path.
        "--no-control-socket",
    ]


def serve(
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            help="Folder for the database and keys (default INTERPLAY_DATA_DIR, or "
            "~/.local/share/interplay; with --demo, .demo/ in the clone).",
        ),
    ] = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    demo: Annotated[
        bool,
        typer.Option(
            "--demo", help="Seed the demo practice (a coach, Maya and three more clients)."
        ),
    ] = False,
    reset: Annotated[
        bool,
        typer.Option("--reset", help="With --demo: delete the demo's data and start afresh."),
    ] = False,
    dev: Annotated[
        bool,
        typer.Option("--dev", help="Django's development server instead of gunicorn."),
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="Gunicorn processes (default: from the CPUs)."),
    ] = None,
    worker: Annotated[
        bool,
        typer.Option(
            "--worker/--no-worker",
            help="Also run `interplay worker`: the task worker (emails) and reminder planner.",
        ),
    ] = True,
) -> None:
    """Create the data folder, apply migrations and serve Interplay (gunicorn; --dev for
    Django's development server)."""
    if reset and not demo:
        typer.echo("--reset only resets the demo: use it with --demo.", err=True)
        raise typer.Exit(2)
    folder = _demo_folder(data_dir) if demo else data_dir
    if reset and folder is not None:
        _reset_demo(folder)
    _django(folder)
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    # The shared cache's table, in case the database cache was chosen after the migrations ran.
    call_command("createcachetable", verbosity=0)
    _prepare_static()
    address = f"http://{host}:{port}/"
    typer.echo(f"Interplay data folder: {settings.DATA_DIR}")
    if demo:
        from interplay.web.demo import seed_demo

        accounts = seed_demo()
        (Path(settings.DATA_DIR) / DEMO_FOLDER_MARK).write_text("Interplay demo data\n")
        typer.echo("Demo practice ready (invented people, for trying things out):")
        typer.echo(f"  coach:  {accounts.coach_email} / {accounts.password}")
        for name, email in accounts.clients or (("client", accounts.client_email),):
            typer.echo(f"  client: {email} / {accounts.password}  ({name})")
        folder_option = "" if data_dir is None else f" --data-dir {data_dir}"
        typer.echo(f"  the coach's authenticator code: run `interplay demo-code{folder_option}`")
    typer.echo(f"Serving on {address} (Ctrl+C to stop)")
    from django.db import connections

    connections.close_all()  # the server and the worker open their own
    background = None
    if worker:
        background = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "interplay", "worker"],
            env=os.environ.copy(),
        )
    # Stopping the server (Ctrl+C or SIGTERM) also stops the worker it started.
    previous = signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        if dev:
            call_command("runserver", f"{host}:{port}", use_reloader=False, skip_checks=False)
        else:
            _run_gunicorn(host, port, workers or default_workers())
    finally:
        signal.signal(signal.SIGTERM, previous)
        if background is not None:
            background.terminate()
            background.wait(timeout=10)


def _run_gunicorn(host: str, port: int, workers: int) -> None:
    server = subprocess.Popen(  # noqa: S603 - our own interpreter and gunicorn
        server_command(host, port, workers), env=os.environ.copy()
    )
    try:
        code = server.wait()
    except (KeyboardInterrupt, SystemExit):
        server.terminate()  # gunicorn stops its workers gracefully on SIGTERM
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        raise
    if code != 0:
        raise typer.Exit(code)


def _exit_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(0)


def manage(ctx: typer.Context) -> None:
    """Run a Django management command (migrate, createsuperuser, db_worker, ...)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    from django.core.management import execute_from_command_line

    from interplay.web.env import ConfigError

    try:
        execute_from_command_line(["interplay manage", *ctx.args])
    except ConfigError as error:
        typer.echo(f"Configuration problem: {error}", err=True)
        raise typer.Exit(2) from None


def demo_code(
    data_dir: Annotated[
        Path | None,
        typer.Option("--data-dir", help="The demo's data folder (default .demo/ in the clone)."),
    ] = None,
) -> None:
    """Print the demo coach's current authenticator code (demo installs only)."""
    _django(_demo_folder(data_dir))
    from interplay.web.demo import demo_coach_code

    try:
        code = demo_coach_code()
    except (PermissionError, LookupError) as error:
        typer.echo(f"No demo code: {error}.", err=True)
        raise typer.Exit(1) from None
    typer.echo(code)


def register(app: typer.Typer) -> None:
    app.command()(serve)
    app.command(
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
        add_help_option=False,
    )(manage)
    app.command("demo-code")(demo_code)
