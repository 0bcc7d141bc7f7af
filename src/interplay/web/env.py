"""Typed readers for the environment variables that configure Interplay.

Every setting comes from one of these helpers so that a bad value stops the start-up with a
message naming the variable and what is wrong with it, instead of surfacing later as a strange
error. Secrets may come from `NAME_FILE` (a path to a file holding the value), which is how
container secrets are usually mounted. `docs/deployment.md` documents every variable read here;
a test keeps the two in step.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit


class ConfigError(RuntimeError):
    """A setting is missing or malformed; the message names the variable and the reason."""


def _raw(name: str) -> str | None:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return None
    return value.strip()


def env_str(name: str, default: str) -> str:
    value = _raw(name)
    return default if value is None else value


def env_bool(name: str, default: bool) -> bool:
    value = _raw(name)
    if value is None:
        return default
    lowered = value.lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name}={value!r} is not a yes/no value: use 1 or 0 (true/false also work).")


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    value = _raw(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ConfigError(f"{name}={value!r} is not a whole number.") from None
    if number < minimum:
        raise ConfigError(f"{name}={number} is too small: the least allowed is {minimum}.")
    return number


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = _raw(name)
    if value is None:
        return default
    if value not in choices:
        raise ConfigError(f"{name}={value!r} is not one of: {', '.join(choices)}.")
    return value


def env_list(name: str, default: tuple[str, ...]) -> list[str]:
    value = _raw(name)
    if value is None:
        return list(default)
    items = [part.strip() for part in value.split(",") if part.strip()]
    if not items:
        raise ConfigError(f"{name} is set but lists nothing: give comma-separated values.")
    return items


def env_path(name: str, default: Path) -> Path:
    value = _raw(name)
    path = default if value is None else Path(value)
    return path.expanduser()


def env_secret(name: str) -> str | None:
    """The value of `name`, or the contents of the file named by `name_FILE`; never both."""
    direct = _raw(name)
    file_name = f"{name}_FILE"
    file_path = _raw(file_name)
    if direct is not None and file_path is not None:
        raise ConfigError(f"Both {name} and {file_name} are set: keep only one of them.")
    if file_path is None:
        return direct
    try:
        content = Path(file_path).expanduser().read_text(encoding="utf-8").strip()
    except OSError as error:
        raise ConfigError(f"{file_name}={file_path!r} cannot be read: {error.strerror}.") from None
    if not content:
        raise ConfigError(f"{file_name}={file_path!r} names an empty file.")
    return content


# Parameters sent apart from the statement, and a statement run twice on a connection prepared
# on the server: PostgreSQL then parses and plans each statement once a connection rather than
# every time. Measured on the coach's pages at 100,000 entries (the server backend's CPU a
# request, /proc, alternating runs): the dashboard 4.2-4.9 ms -> 1.8-3.1 ms, the client page
# 2.6 -> 1.0-1.3 ms, the signed-in floor 0.47 -> 0.16-0.29 ms; the web process's instructions
# do not change (psycopg's C quoting was cheap). Django leaves both off for connection poolers
# that cannot keep prepared statements (PgBouncer in transaction mode before 1.21): such a
# deployment adds `?prepare_threshold=none`.
PREPARE_THRESHOLD = 2
DRIVER_DEFAULTS: dict[str, object] = {
    "server_side_binding": True,
    "prepare_threshold": PREPARE_THRESHOLD,
}


def _driver_options(name: str, given: dict[str, object]) -> dict[str, object]:
    """The driver's options: the defaults above, then the URL's query, with the two options
    Django and psycopg read as a flag and a number turned from text into those."""
    options = {**DRIVER_DEFAULTS, **given}
    binding = str(options["server_side_binding"]).lower()
    if binding not in {"true", "false", "1", "0"}:
        raise ConfigError(f"{name}: server_side_binding must be true or false, got {binding!r}.")
    options["server_side_binding"] = binding in {"true", "1"}
    threshold = str(options["prepare_threshold"]).lower()
    if threshold == "none":
        options["prepare_threshold"] = None
    elif threshold.isdigit():
        options["prepare_threshold"] = int(threshold)
    else:
        raise ConfigError(
            f"{name}: prepare_threshold must be a whole number or none, got {threshold!r}."
        )
    return options


def database_from_url(name: str, url: str) -> dict[str, object]:
    """Django DATABASES entry for a `postgres://user:password@host:port/name` URL."""
    parts = urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql"}:
        raise ConfigError(
            f"{name} must start with postgres:// (SQLite is the default when it is unset); "
            f"got scheme {parts.scheme!r}."
        )
    database = parts.path.lstrip("/")
    if not database:
        raise ConfigError(f"{name} names no database: add /DBNAME after the host.")
    options: dict[str, object] = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(database),
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
        "OPTIONS": _driver_options(name, options),
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }


def email_from_url(name: str, url: str | None, data_dir: Path) -> dict[str, object]:
    """Email settings from `smtp://user:pass@host:587?tls=1`, `console:`, `file:///dir`,
    `locmem:`. The default (unset) prints emails on the console, where `interplay serve`
    shows them."""
    if url is None:
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    parts = urlsplit(url)
    if parts.scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parts.scheme == "locmem":
        return {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    if parts.scheme == "file":
        folder = Path(unquote(parts.path)) if parts.path else data_dir / "mail"
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(folder),
        }
    if parts.scheme in {"smtp", "smtps"}:
        if not parts.hostname:
            raise ConfigError(f"{name} names no mail server: use smtp://user:pass@host:587.")
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parts.hostname,
            "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtps" else 587),
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_SSL": parts.scheme == "smtps",
            "EMAIL_USE_TLS": parts.scheme == "smtp" and query.get("tls", "1") != "0",
        }
    raise ConfigError(
        f"{name} has an unknown scheme {parts.scheme!r}: use smtp://, smtps://, console:, "
        "file:// or locmem:."
    )


def redis_cache_from_url(name: str, url: str) -> dict[str, object]:
    """Django CACHES entry for a `redis://` (or `rediss://`, `unix://`) URL."""
    scheme = urlsplit(url).scheme
    if scheme not in {"redis", "rediss", "unix"}:
        raise ConfigError(
            f"{name} must start with redis://, rediss:// or unix://; got scheme {scheme!r}."
        )
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "interplay",
    }
