"""`interplay export`, `backup` and `restore`, run through the CLI in throwaway folders."""

import json
import sqlite3

import pytest
from cryptography.fernet import Fernet, MultiFernet
from django.db import connection
from typer.testing import CliRunner

from interplay.cli import app
from interplay.commands.data import DATABASE_FILE

runner = CliRunner()
TEXT = "Asked my neighbour to water the plants; she was glad to."

only_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="backup and restore copy SQLite installs"
)


@pytest.fixture
def writer(db):
    from interplay.web.journal.actions import do_save_entry
    from tests.web.base import make_user

    user = make_user("rosa@client.test", "Rosa Client")
    entry = do_save_entry("Plants", TEXT, actor=user)
    return user, entry


def test_export_prints_the_same_json_as_the_download(writer):
    from interplay.web.kernel.models import COMMAND_LINE, AuditEvent, AuditKind

    user, entry = writer
    result = runner.invoke(app, ["export", "--email", "ROSA@client.test"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["person"]["email"] == user.email
    assert [(e["id"], e["body"]) for e in data["journal_entries"]] == [(entry.pk, TEXT)]
    assert AuditEvent.objects.get(kind=AuditKind.OWN_EXPORT).what == COMMAND_LINE


def test_export_writes_a_private_file(writer, tmp_path):
    out = tmp_path / "rosa.json"
    result = runner.invoke(app, ["export", "--email", "rosa@client.test", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["journal_entries"][0]["body"] == TEXT
    assert out.stat().st_mode & 0o077 == 0
    assert TEXT not in result.stdout


def test_export_names_an_unknown_email(db):
    result = runner.invoke(app, ["export", "--email", "nobody@example.test"])
    assert result.exit_code == 1
    assert "nobody@example.test" in result.output


@only_sqlite
@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_round_trips_a_user_and_an_encrypted_entry(tmp_path):
    from django.conf import settings

    from interplay.web.journal.actions import do_save_entry
    from tests.web.base import make_user

    user = make_user("rosa@client.test", "Rosa Client")
    entry = do_save_entry("Plants", TEXT, actor=user)
    backup_dir, restored = tmp_path / "backup", tmp_path / "restored"
    key_dir = tmp_path / "usb-stick"

    made = runner.invoke(app, ["backup", str(backup_dir), "--keys-to", str(key_dir)])
    assert made.exit_code == 0, made.output
    assert not (backup_dir / "encryption_keys").exists()  # keys kept apart from the backup
    assert (key_dir / "encryption_keys").read_text() == (
        settings.DATA_DIR / "encryption_keys"
    ).read_text()
    assert (key_dir / "encryption_keys").stat().st_mode & 0o077 == 0
    done = runner.invoke(
        app,
        ["restore", str(backup_dir), "--data-dir", str(restored), "--keys-from", str(key_dir)],
    )
    assert done.exit_code == 0, done.output

    database = sqlite3.connect(restored / DATABASE_FILE)
    emails = [row[0] for row in database.execute("SELECT email FROM accounts_user")]
    (stored,) = database.execute("SELECT body FROM journal_entry WHERE id = ?", [entry.pk])
    database.close()
    assert emails == [user.email]
    assert TEXT not in stored[0]  # still ciphertext on disk
    keys = (restored / "encryption_keys").read_text().strip().split(",")
    fernet = MultiFernet([Fernet(key.encode()) for key in keys])
    assert fernet.decrypt(stored[0].encode()).decode() == TEXT
    assert (restored / DATABASE_FILE).stat().st_mode & 0o077 == 0


@only_sqlite
@pytest.mark.django_db(transaction=True)
def test_backup_without_keys_to_holds_no_key_and_says_where_to_keep_them(tmp_path):
    made = runner.invoke(app, ["backup", str(tmp_path / "b")])
    assert made.exit_code == 0, made.output
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == [DATABASE_FILE]
    assert "not in this backup, by design" in made.output and "--keys-to" in made.output


@only_sqlite
@pytest.mark.django_db(transaction=True)
def test_backup_refuses_to_put_the_keys_into_the_backup_folder(tmp_path):
    made = runner.invoke(app, ["backup", str(tmp_path / "b"), "--keys-to", str(tmp_path / "b")])
    assert made.exit_code == 1 and "different folder" in made.output
    assert not (tmp_path / "b").exists()  # nothing written


@only_sqlite
@pytest.mark.django_db(transaction=True)
def test_backup_refuses_a_folder_that_already_holds_one(tmp_path):
    assert runner.invoke(app, ["backup", str(tmp_path)]).exit_code == 0
    again = runner.invoke(app, ["backup", str(tmp_path)])
    assert again.exit_code == 1 and "already holds a backup" in again.output


@pytest.mark.skipif(connection.vendor == "sqlite", reason="the PostgreSQL message")
def test_backup_on_postgresql_points_to_pg_dump(db, tmp_path):
    result = runner.invoke(app, ["backup", str(tmp_path / "b")])
    assert result.exit_code == 2
    assert "pg_dump" in result.output
    assert not (tmp_path / "b").exists()


def _fake_backup(folder, email, key):
    folder.mkdir()
    database = sqlite3.connect(folder / DATABASE_FILE)
    database.execute("CREATE TABLE accounts_user (email TEXT)")
    database.execute("INSERT INTO accounts_user VALUES (?)", [email])
    database.commit()
    database.close()
    (folder / "encryption_keys").write_text(key + "\n")


def _emails(path):
    database = sqlite3.connect(path)
    try:
        return [row[0] for row in database.execute("SELECT email FROM accounts_user")]
    finally:
        database.close()


def test_restore_refuses_to_overwrite_a_database_without_force(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    key = Fernet.generate_key().decode()
    _fake_backup(tmp_path / "old", "old@client.test", key)
    _fake_backup(tmp_path / "new", "new@client.test", key)
    data = tmp_path / "data"
    assert (
        runner.invoke(app, ["restore", str(tmp_path / "old"), "--data-dir", str(data)]).exit_code
        == 0
    )

    refused = runner.invoke(app, ["restore", str(tmp_path / "new"), "--data-dir", str(data)])
    assert refused.exit_code == 1
    assert "already exists" in refused.output and "--force" in refused.output
    assert _emails(data / DATABASE_FILE) == ["old@client.test"]

    forced = runner.invoke(
        app, ["restore", str(tmp_path / "new"), "--data-dir", str(data), "--force"]
    )
    assert forced.exit_code == 0, forced.output
    assert _emails(data / DATABASE_FILE) == ["new@client.test"]


def test_restore_refuses_to_replace_different_keys_without_force(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    _fake_backup(tmp_path / "b", "a@client.test", Fernet.generate_key().decode())
    data = tmp_path / "data"
    data.mkdir()
    (data / "encryption_keys").write_text(Fernet.generate_key().decode() + "\n")
    before = (data / "encryption_keys").read_text()
    result = runner.invoke(app, ["restore", str(tmp_path / "b"), "--data-dir", str(data)])
    assert result.exit_code == 1 and "encryption_keys" in result.output
    assert (data / "encryption_keys").read_text() == before
    assert not (data / DATABASE_FILE).exists()


def test_restore_names_a_folder_that_is_not_a_backup(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / DATABASE_FILE).write_text("not a database")
    missing = runner.invoke(app, ["restore", str(tmp_path), "--data-dir", str(tmp_path / "d")])
    assert missing.exit_code == 1 and "interplay backup" in missing.output
    junk = runner.invoke(
        app, ["restore", str(tmp_path / "junk"), "--data-dir", str(tmp_path / "d")]
    )
    assert junk.exit_code == 1 and "not a readable SQLite database" in junk.output
    assert not (tmp_path / "d" / DATABASE_FILE).exists()


def test_restore_on_postgresql_points_to_pg_restore(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test")
    _fake_backup(tmp_path / "b", "a@client.test", Fernet.generate_key().decode())
    result = runner.invoke(app, ["restore", str(tmp_path / "b"), "--data-dir", str(tmp_path / "d")])
    assert result.exit_code == 2 and "pg_restore" in result.output
    assert not (tmp_path / "d").exists()
