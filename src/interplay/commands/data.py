"""Data commands: `interplay export`, `interplay backup` and `interplay restore`.

`export` writes the same JSON a client downloads from their Account page. `backup` copies a
SQLite install (a consistent snapshot through SQLite's online backup API, taken while the site
may be running); the key files go only where `--keys-to` says, a different folder, because a
backup should be ciphertext that nobody holding it alone can read. `restore` puts the database
back, and the keys from `--keys-from` (or from the backup folder, for older backups that hold
them). PostgreSQL installs use pg_dump and pg_restore instead.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Annotated

import typer

from interplay.commands.web import _django

DATABASE_FILE = "interplay.sqlite3"
# The same names as in interplay.web.keys; repeated here so `restore` never loads Django's
# settings, which would generate fresh keys into the folder being restored.
KEY_FILES = ("encryption_keys", "secret_key")
DEFAULT_DATA_DIR = Path("~/.local/share/interplay")

DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="The install's data folder (default INTERPLAY_DATA_DIR, or ~/.local/share/interplay).",
    ),
]


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(code)


def _private_write(path: Path, text: str) -> None:
    """Write a file only its owner can read: exports and keys are personal or secret."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
    path.chmod(0o600)


def export(
    email: Annotated[str, typer.Option("--email", help="The account whose data to export.")],
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Write the JSON to this file (readable by you only)."),
    ] = None,
    data_dir: DataDir = None,
) -> None:
    """Print (or write) everything one person owns as JSON, as their own download gives it."""
    _django(data_dir)
    from interplay.web.accounts.models import User
    from interplay.web.exports.actions import do_export_own_data
    from interplay.web.kernel.models import COMMAND_LINE

    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None:
        raise _fail(f"No account has the email address {email!r}.")
    text = do_export_own_data(COMMAND_LINE, actor=user)
    if out is None:
        typer.echo(text)
        return
    try:
        _private_write(out, text + "\n")
    except OSError as error:
        raise _fail(f"Cannot write {out}: {error.strerror}.") from None
    typer.echo(f"Exported the data of {user.email} to {out}.", err=True)


def backup(
    dest: Annotated[Path, typer.Argument(help="A new or empty folder to hold the backup.")],
    data_dir: DataDir = None,
    keys_to: Annotated[
        Path | None,
        typer.Option(
            "--keys-to",
            help="Also copy the key files, into this folder (kept apart from the backup).",
        ),
    ] = None,
) -> None:
    """Copy the SQLite database (safely, even while Interplay runs); the keys go elsewhere."""
    _django(data_dir)
    from django.conf import settings
    from django.db import connection

    if connection.vendor != "sqlite":
        raise _fail(
            "This install uses PostgreSQL: back it up with pg_dump (for example "
            "`pg_dump --format=custom --file interplay.dump DATABASE`) and keep the encryption "
            "keys (INTERPLAY_ENCRYPTION_KEYS) safe separately.",
            2,
        )
    if keys_to is not None and keys_to.expanduser().resolve() == dest.expanduser().resolve():
        raise _fail("--keys-to must be a different folder from the backup: keep keys apart.")
    source_name = str(connection.settings_dict["NAME"])
    if not connection.is_in_memory_db() and not Path(source_name).exists():
        raise _fail(f"There is no database to back up at {source_name}.")
    target = dest / DATABASE_FILE
    if target.exists():
        raise _fail(f"{dest} already holds a backup; choose a new folder.")
    try:
        dest.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise _fail(f"Cannot create {dest}: {error.strerror}.") from None
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        # The online backup API copies a consistent snapshot even while others write.
        connection.connection.backup(copy)
    finally:
        copy.close()
    target.chmod(0o600)
    typer.echo(f"Backed up the database to {target}.")
    # The keys never go into the backup folder: a backup that travels (to another disk, a
    # hosting provider's snapshots) must be ciphertext that nobody holding it alone can read.
    if keys_to is None:
        typer.echo(
            "The encryption keys are not in this backup, by design: keep a copy of them apart "
            f"from it (the files {', '.join(KEY_FILES)} in {settings.DATA_DIR}, or "
            "INTERPLAY_ENCRYPTION_KEYS), for example with --keys-to on a separate disk. "
            "Without them the journal text in this backup cannot be read."
        )
        return
    try:
        keys_to.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise _fail(f"Cannot create {keys_to}: {error.strerror}.") from None
    copied = []
    for name in KEY_FILES:
        source = Path(settings.DATA_DIR) / name
        if source.exists():
            _private_write(keys_to / name, source.read_text(encoding="utf-8"))
            copied.append(name)
    if "encryption_keys" in copied:
        typer.echo(f"Copied the key files to {keys_to}: keep it as private as the keys.")
    else:
        typer.echo(
            "The encryption keys are not in the data folder (they come from "
            "INTERPLAY_ENCRYPTION_KEYS): keep them safe separately, or the journal text in "
            "this backup cannot be read."
        )


def _data_folder(data_dir: Path | None) -> Path:
    if data_dir is not None:
        return data_dir.expanduser()
    configured = os.environ.get("INTERPLAY_DATA_DIR")
    return Path(configured).expanduser() if configured else DEFAULT_DATA_DIR.expanduser()


def _check_backup(path: Path) -> str | None:
    """None when `path` is a readable Interplay database, else what is wrong with it."""
    if not path.is_file():
        return f"{path.parent} holds no {DATABASE_FILE}: is it a folder made by `interplay backup`?"
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as check:
            tables = {row[0] for row in check.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as error:
        return f"{path} is not a readable SQLite database ({error})."
    if "accounts_user" not in tables:
        return f"{path} is not an Interplay database (it has no accounts table)."
    return None


def restore(
    src: Annotated[Path, typer.Argument(help="A folder made by `interplay backup`.")],
    data_dir: DataDir = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace the database and keys already in the data folder."),
    ] = False,
    keys_from: Annotated[
        Path | None,
        typer.Option(
            "--keys-from",
            help="The folder holding the key files (made by backup --keys-to); default SRC.",
        ),
    ] = None,
) -> None:
    """Put a backup's database, and its key files, back into a data folder."""
    if os.environ.get("DATABASE_URL") or os.environ.get("DATABASE_URL_FILE"):
        raise _fail(
            "DATABASE_URL is set, so this install uses PostgreSQL: restore it with pg_restore "
            "(for example `pg_restore --clean --dbname DATABASE interplay.dump`) and set the "
            "encryption keys it was made with.",
            2,
        )
    problem = _check_backup(src / DATABASE_FILE)
    if problem:
        raise _fail(problem)
    key_source = keys_from if keys_from is not None else src
    folder = _data_folder(data_dir)
    target = folder / DATABASE_FILE
    if target.exists() and target.stat().st_size > 0 and not force:
        raise _fail(
            f"{target} already exists. Restoring would replace everything in it; run again "
            "with --force if that is what you want (back it up first)."
        )
    different_keys = [
        name
        for name in KEY_FILES
        if (folder / name).exists()
        and (key_source / name).exists()
        and (folder / name).read_text(encoding="utf-8")
        != (key_source / name).read_text(encoding="utf-8")
    ]
    if different_keys and not force:
        raise _fail(
            f"{folder} already has different {' and '.join(different_keys)}; replacing them "
            "would make text encrypted with them unreadable. Run again with --force to replace."
        )
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise _fail(f"Cannot create {folder}: {error.strerror}.") from None
    with sqlite3.connect(f"file:{src / DATABASE_FILE}?mode=ro", uri=True) as source:
        into = sqlite3.connect(target)
        try:
            # Writing through SQLite (not copying the file) keeps any -wal file beside the
            # target consistent with the restored pages.
            source.backup(into)
        finally:
            into.close()
    target.chmod(0o600)
    typer.echo(f"Restored the database into {target}.")
    for name in KEY_FILES:
        if (key_source / name).exists():
            _private_write(folder / name, (key_source / name).read_text(encoding="utf-8"))
            typer.echo(f"Restored {name}.")
    if not (key_source / "encryption_keys").exists():
        typer.echo(
            "No encryption keys came with it (give --keys-from the folder backup --keys-to "
            "made): put the key file back into the data folder or set "
            "INTERPLAY_ENCRYPTION_KEYS to the keys the database was written with; until then "
            "this install refuses to start."
        )
    elif os.environ.get("INTERPLAY_ENCRYPTION_KEYS"):
        typer.echo(
            "Note: INTERPLAY_ENCRYPTION_KEYS is set and takes precedence over the restored key "
            "file; it must list the key the backup was made with."
        )
    typer.echo("Run `interplay manage migrate` if this Interplay is newer than the backup.")


def register(app: typer.Typer) -> None:
    app.command()(export)
    app.command()(backup)
    app.command()(restore)
