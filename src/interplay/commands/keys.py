"""`interplay keys check`: which encryption key reads which stored rows.

Run it after restoring a backup, before removing an old key after a rotation, or when start-up
refuses to run because stored data cannot be read. It reads the ciphertext straight from the
tables and prints, per encrypted column, how many rows each configured key opens and which rows
none does (by id only: it never prints the text or a key, only a short fingerprint of each).
"""

from __future__ import annotations

from typing import Annotated

import typer

from interplay.commands.data import DataDir
from interplay.commands.web import _django

keys_app = typer.Typer(help="Check the encryption keys against what is stored.")


@keys_app.command("check")
def check(
    data_dir: DataDir = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="List every column, also those with no rows.")
    ] = False,
) -> None:
    """Report, per encrypted column, the rows each key decrypts and the rows none decrypts."""
    _django(data_dir)
    from django.conf import settings

    from interplay.web.key_check import key_fingerprint, report

    keys = list(settings.ENCRYPTION_KEYS)
    typer.echo("Configured keys (first encrypts, all decrypt):")
    for position, key in enumerate(keys, start=1):
        typer.echo(f"  key {position}: fingerprint {key_fingerprint(key)}")
    unreadable_total = 0
    for result in report(keys):
        rows = sum(result.by_key) + len(result.unreadable)
        if rows == 0 and not show_all:
            continue
        counts = ", ".join(
            f"key {position}: {count}" for position, count in enumerate(result.by_key, start=1)
        )
        line = f"{result.column.label}: {rows} rows ({counts}"
        if result.unreadable:
            shown = ", ".join(str(pk) for pk in result.unreadable[:10])
            extra = " ..." if len(result.unreadable) > 10 else ""
            line += f"; NO KEY reads {len(result.unreadable)}: ids {shown}{extra}"
        typer.echo(line + ")")
        unreadable_total += len(result.unreadable)
    if unreadable_total:
        typer.echo(
            f"{unreadable_total} stored values cannot be read with the configured keys. "
            "Add the key that encrypted them to INTERPLAY_ENCRYPTION_KEYS (after the first).",
            err=True,
        )
        raise typer.Exit(1)
    typer.echo("Every stored value is readable with the configured keys.")


def register(app: typer.Typer) -> None:
    app.add_typer(keys_app, name="keys")
