"""`interplay seed`: an empty database filled with an invented practice of a given size, for
measuring pages and servers at size (bench/bench_scale.py, docs/benchmarks.md)."""

from __future__ import annotations

from typing import Annotated

import typer

from interplay.commands.data import DataDir
from interplay.commands.web import _django


def seed(
    coaches: Annotated[int, typer.Option("--coaches", min=1, help="Coaches.")] = 10,
    clients: Annotated[int, typer.Option("--clients", min=0, help="Clients, spread evenly.")] = 100,
    entries: Annotated[
        int, typer.Option("--entries", min=0, help="Journal entries, spread over the clients.")
    ] = 1000,
    data_dir: DataDir = None,
) -> None:
    """Fill an empty database (DATABASE_URL, or the data folder's SQLite) with invented coaches,
    clients and journal entries; a progress bar goes to standard error."""
    _django(data_dir)
    from django.core.management import call_command
    from django.db import connection

    from interplay.web.seed import SEED_DOMAIN, SEED_PASSWORD, SeedRefused
    from interplay.web.seed import seed as fill

    if connection.vendor == "sqlite" and entries > 1_000_000:
        typer.echo(
            "SQLite is for small practices: seed more than a million entries into PostgreSQL "
            "(set DATABASE_URL).",
            err=True,
        )
        raise typer.Exit(2)
    call_command("migrate", interactive=False, verbosity=0)
    try:
        made = fill(coaches, clients, entries)
    except SeedRefused as refused:
        typer.echo(f"Not seeding: {refused}.", err=True)
        raise typer.Exit(2) from None
    typer.echo(
        f"Seeded {made.coaches:,} coaches, {made.clients:,} clients and {made.entries:,} "
        f"journal entries ({made.rows:,} rows) in {made.seconds:.1f} s on {connection.vendor}."
    )
    typer.echo(
        f"Accounts: coach0@{SEED_DOMAIN} ... and client0@{SEED_DOMAIN} ..., password "
        f"{SEED_PASSWORD!r} (coaches need their authenticator: the seed keeps no codes)."
    )


def register(app: typer.Typer) -> None:
    app.command()(seed)
