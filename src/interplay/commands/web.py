"""Web commands: `interplay serve`, `interplay manage` and `interplay demo-code`."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

SETTINGS = "interplay.web.settings"
# The demo lives in its own folder unless told otherwise, so invented people never land in
# a real practice's database.
DEMO_DATA_DIR = Path("~/.local/share/interplay-demo")


def _demo_folder(data_dir: Path | None) -> Path | None:
    if data_dir is None and not os.environ.get("INTERPLAY_DATA_DIR"):
        return DEMO_DATA_DIR.expanduser()
    return data_dir


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


def serve(
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            help="Folder for the database and keys (default INTERPLAY_DATA_DIR, or "
            "~/.local/share/interplay; with --demo, ~/.local/share/interplay-demo).",
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
    worker: Annotated[
        bool,
        typer.Option(
            "--worker/--no-worker",
            help="Also run `interplay worker`: the task worker (emails) and reminder planner.",
        ),
    ] = True,
) -> None:
    """Create the data folder, apply migrations and serve Interplay."""
    _django(_demo_folder(data_dir) if demo else data_dir)
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    address = f"http://{host}:{port}/"
    typer.echo(f"Interplay data folder: {settings.DATA_DIR}")
    if demo:
        from interplay.web.demo import seed_demo

        accounts = seed_demo()
        typer.echo("Demo practice ready (invented people, for trying things out):")
        typer.echo(f"  coach:  {accounts.coach_email} / {accounts.password}")
        for name, email in accounts.clients or (("client", accounts.client_email),):
            typer.echo(f"  client: {email} / {accounts.password}  ({name})")
        folder = "" if data_dir is None else f" --data-dir {data_dir}"
        typer.echo(f"  the coach's authenticator code: run `interplay demo-code{folder}`")
    typer.echo(f"Serving on {address} (Ctrl+C to stop)")
    background = None
    if worker:
        background = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "interplay", "worker"],
            env=os.environ.copy(),
        )
    # Stopping the server (Ctrl+C or SIGTERM) also stops the worker it started.
    previous = signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        call_command("runserver", f"{host}:{port}", use_reloader=False, skip_checks=False)
    finally:
        signal.signal(signal.SIGTERM, previous)
        if background is not None:
            background.terminate()
            background.wait(timeout=10)


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
        typer.Option(
            "--data-dir", help="The demo's data folder (default ~/.local/share/interplay-demo)."
        ),
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
