"""Backing up and restoring PostgreSQL as docs/deployment.md says: `pg_dump --format=custom` of
a seeded database, `pg_restore` into a fresh one, then every table compared row for row (and
every sequence, so new rows do not collide), and the encrypted text of the restored copy opened
with the practice's key. The dump itself holds no readable client text, and without the key
(kept apart from backups) it opens nothing."""

from __future__ import annotations

import io
import os
import shutil
import subprocess

import psycopg
import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.db import connection

from interplay.web.crypto import decrypt
from interplay.web.journal.models import Entry
from interplay.web.key_check import encrypted_columns
from interplay.web.seed import Progress, seed

TOOLS = ("pg_dump", "pg_restore")


def _conninfo(name: str) -> dict[str, str]:
    settings = connection.settings_dict
    return {
        "host": settings["HOST"] or "127.0.0.1",
        "port": str(settings["PORT"] or 5432),
        "user": settings["USER"] or "postgres",
        "password": settings["PASSWORD"] or "",
        "dbname": name,
    }


def _cli_args(info: dict[str, str]) -> list[str]:
    return ["-h", info["host"], "-p", info["port"], "-U", info["user"]]


def _tables(db: psycopg.Connection) -> list[str]:
    rows = db.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
    ).fetchall()
    return [row[0] for row in rows]


def _fingerprint(db: psycopg.Connection, table: str) -> tuple[int, str | None]:
    """Row count and a digest of every row's full text, in a fixed order."""
    count, digest = db.execute(
        f'SELECT count(*), md5(string_agg(t::text, chr(10) ORDER BY t::text)) FROM "{table}" t'  # noqa: S608
    ).fetchone()
    return count, digest


def _sequences(db: psycopg.Connection) -> dict[str, int | None]:
    rows = db.execute(
        "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'"
    ).fetchall()
    return dict(rows)


def _ciphertexts(db: psycopg.Connection) -> dict[str, list[tuple[object, str]]]:
    found = {}
    for column in encrypted_columns():
        meta = column.model._meta
        table, value, pk = meta.db_table, column.field.column, meta.pk.column  # type: ignore[union-attr]
        found[f"{table}.{value}"] = db.execute(
            f'SELECT "{pk}", "{value}" FROM "{table}" WHERE "{value}" IS NOT NULL ORDER BY 1'  # noqa: S608
        ).fetchall()
    return found


@pytest.mark.django_db(transaction=True)
def test_pg_dump_restores_into_a_fresh_database_with_every_row_and_readable_text(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL): the backup is pg_dump's")
    missing = [tool for tool in TOOLS if not shutil.which(tool)]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (Debian: postgresql-client)")
    seed(2, 6, 60, Progress(io.StringIO()))
    source = _conninfo(connection.settings_dict["NAME"])
    restored = _conninfo(f"{source['dbname']}_restored")
    env = os.environ | ({"PGPASSWORD": source["password"]} if source["password"] else {})
    dump = tmp_path / "interplay.dump"
    subprocess.run(
        ["pg_dump", *_cli_args(source), "--format=custom", f"--file={dump}", source["dbname"]],
        env=env,
        check=True,
    )
    admin = psycopg.connect(**(source | {"dbname": "postgres"}), autocommit=True)
    admin.execute(f'DROP DATABASE IF EXISTS "{restored["dbname"]}"')
    admin.execute(f'CREATE DATABASE "{restored["dbname"]}"')
    try:
        subprocess.run(
            ["pg_restore", *_cli_args(restored), "--no-owner", "-d", restored["dbname"], dump],
            env=env,
            check=True,
        )
        with psycopg.connect(**source) as old, psycopg.connect(**restored) as new:
            tables = _tables(old)
            assert tables == _tables(new) and "journal_entry" in tables
            for table in tables:
                assert _fingerprint(new, table) == _fingerprint(old, table), table
            assert _sequences(new) == _sequences(old)
            before, after = _ciphertexts(old), _ciphertexts(new)
        assert before == after
        opened = 0
        for rows in after.values():
            for _pk, token in rows:
                decrypt(token)  # raises if the practice's key cannot open it
                opened += 1
        assert len(after["journal_entry.body"]) == 60 and opened > 60
        # The same words the pages show, read back from the restored copy's ciphertext.
        entry = Entry.objects.order_by("pk").first()
        restored_body = dict(after["journal_entry.body"])[entry.pk]
        assert decrypt(restored_body) == entry.body
        # Without the key the backup opens nothing, and its text form holds no client words.
        with pytest.raises(InvalidToken):
            Fernet(Fernet.generate_key()).decrypt(restored_body.encode())
        sql = subprocess.run(
            ["pg_restore", "-f", "-", dump], capture_output=True, text=True, check=True
        ).stdout
        assert "journal_entry" in sql and entry.body not in sql and entry.title not in sql
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{restored["dbname"]}" WITH (FORCE)')
        admin.close()
