"""Secrets that a laptop install creates for itself on first run.

Outside production, a missing secret key or encryption key is generated once into the data
folder (readable by its owner only) so `interplay serve` works with zero configuration and keeps
working across restarts. A new encryption key is made only for an empty data folder: when a
database is there and its key file is not, start-up stops and says what to do (a fresh key
would leave what is stored unreadable). In production nothing is generated: a missing secret
is an error, because a key invented on one web process would not match the key on another.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path

from cryptography.fernet import Fernet

from interplay.web.env import ConfigError

SECRET_KEY_FILE = "secret_key"  # noqa: S105 - a file name, not a secret
ENCRYPTION_KEYS_FILE = "encryption_keys"
DATABASE_FILE = "interplay.sqlite3"


def ensure_data_dir(path: Path) -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise ConfigError(
            f"INTERPLAY_DATA_DIR={str(path)!r} cannot be created: {error.strerror}."
        ) from None
    return path


def _read_or_create(path: Path, make: Callable[[], str]) -> str:
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    value = make()
    # O_EXCL: two processes starting together must not both write; the loser reads the winner's.
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(value + "\n")
    return value


def secret_key(configured: str | None, data_dir: Path, production: bool) -> str:
    if configured is not None:
        if production and len(configured) < 50:
            raise ConfigError(
                "INTERPLAY_SECRET_KEY is too short for production: use at least 50 random "
                "characters."
            )
        return configured
    if production:
        raise ConfigError(
            "INTERPLAY_SECRET_KEY (or INTERPLAY_SECRET_KEY_FILE) must be set when "
            "INTERPLAY_PRODUCTION=1."
        )
    return _read_or_create(data_dir / SECRET_KEY_FILE, lambda: secrets.token_urlsafe(64))


def encryption_keys(configured: str | None, data_dir: Path, production: bool) -> list[str]:
    """Fernet keys: the first encrypts, all of them decrypt (so keys can be rotated)."""
    if configured is None:
        if production:
            raise ConfigError(
                "INTERPLAY_ENCRYPTION_KEYS (or INTERPLAY_ENCRYPTION_KEYS_FILE) must be set when "
                "INTERPLAY_PRODUCTION=1: journal entries and notes are encrypted with it."
            )
        key_file = data_dir / ENCRYPTION_KEYS_FILE
        if not key_file.exists() and (data_dir / DATABASE_FILE).exists():
            # A new key would seal new entries under it and leave everything stored unreadable.
            raise ConfigError(
                f"The encryption key file {str(key_file)!r} is missing, but the data folder "
                "already holds a database encrypted with it. Put the file back from wherever "
                "you keep your keys (kept apart from the backups), or set "
                "INTERPLAY_ENCRYPTION_KEYS. A new key is made only for an empty data folder; "
                f"to start afresh, move {DATABASE_FILE} out of the folder first."
            )
        configured = _read_or_create(key_file, lambda: Fernet.generate_key().decode("ascii"))
    keys = [part.strip() for part in configured.split(",") if part.strip()]
    if not keys:
        raise ConfigError("INTERPLAY_ENCRYPTION_KEYS lists no key.")
    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key.encode("ascii"))
        except (ValueError, UnicodeEncodeError):
            raise ConfigError(
                f"INTERPLAY_ENCRYPTION_KEYS: key number {position} is not a Fernet key "
                "(32 url-safe base64-encoded bytes; make one with `interplay manage "
                "generate_encryption_key`)."
            ) from None
    return keys
