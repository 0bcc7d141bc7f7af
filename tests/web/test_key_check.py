"""Keys cannot silently change: a new key only for an empty data folder, start-up (and
`manage check`) refuses when stored data cannot be read, and `interplay keys check` says which
key reads which rows."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from typer.testing import CliRunner

from interplay.cli import app
from interplay.web import keys
from interplay.web.env import ConfigError
from interplay.web.journal.actions import do_save_entry
from interplay.web.key_check import (
    check_encryption_keys,
    key_fingerprint,
    refuse_to_start_on_unreadable_data,
    report,
)

runner = CliRunner()


@pytest.fixture
def old_key(settings):
    return settings.ENCRYPTION_KEYS[0]


@pytest.fixture
def stored(practice):
    return do_save_entry("Title", "Something I would not say aloud.", actor=practice.client)


def test_a_new_key_is_made_for_an_empty_data_folder(tmp_path):
    made = keys.encryption_keys(None, tmp_path, production=False)
    assert (tmp_path / keys.ENCRYPTION_KEYS_FILE).exists() and len(made) == 1


def test_no_new_key_when_the_database_is_there_and_its_key_file_is_not(tmp_path):
    (tmp_path / keys.DATABASE_FILE).write_bytes(b"SQLite format 3\x00")
    with pytest.raises(ConfigError, match="is missing, but the data folder already holds"):
        keys.encryption_keys(None, tmp_path, production=False)
    assert not (tmp_path / keys.ENCRYPTION_KEYS_FILE).exists()


def test_readable_data_passes_the_check(stored):
    assert check_encryption_keys() == []
    refuse_to_start_on_unreadable_data()  # does not raise


def test_an_empty_database_passes_with_any_key(db, settings):
    settings.ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    assert check_encryption_keys() == []


def test_a_wrong_key_fails_the_check_with_what_to_do(stored, settings):
    settings.ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    errors = check_encryption_keys()
    assert [error.id for error in errors] == ["interplay.E001"]
    assert "journal.Entry.body" in errors[0].msg
    assert "Put back the key" in errors[0].hint and "Do not start with a new key" in errors[0].hint
    assert "would not say" not in errors[0].msg + errors[0].hint


def test_manage_check_fails_on_a_wrong_key(stored, settings):
    settings.ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(SystemCheckError, match="interplay.E001"):
        call_command("check")


def test_the_wsgi_start_up_refuses_on_a_wrong_key(stored, settings):
    settings.ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(ImproperlyConfigured, match="none of the configured encryption keys"):
        refuse_to_start_on_unreadable_data()


def test_the_old_key_listed_second_reads_the_old_rows(stored, settings, old_key):
    new = Fernet.generate_key().decode()
    settings.ENCRYPTION_KEYS = [new, old_key]
    assert check_encryption_keys() == []
    do_save_entry("", "Written under the new key.", actor=stored.owner)
    by_label = {result.column.label: result for result in report()}
    assert by_label["journal.Entry.body"].by_key == [1, 1]
    assert by_label["journal.Entry.body"].unreadable == []


def test_report_names_the_rows_no_key_reads(stored, settings):
    settings.ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    body = {result.column.label: result for result in report()}["journal.Entry.body"]
    assert body.by_key == [0] and body.unreadable == [stored.pk]


def test_keys_check_command_reports_per_key_and_fails_on_unreadable_rows(stored, settings, old_key):
    result = runner.invoke(app, ["keys", "check"])
    assert result.exit_code == 0, result.output
    assert f"key 1: fingerprint {key_fingerprint(old_key)}" in result.stdout
    assert "journal.Entry.body: 1 rows (key 1: 1)" in result.stdout
    assert old_key not in result.output and "aloud" not in result.output

    settings.ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    result = runner.invoke(app, ["keys", "check"])
    assert result.exit_code == 1
    assert f"NO KEY reads 1: ids {stored.pk}" in result.stdout
