import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from interplay.web import env, keys

ROOT = Path(__file__).resolve().parents[2]


def test_bad_boolean_names_the_variable(monkeypatch):
    monkeypatch.setenv("INTERPLAY_DEBUG", "perhaps")
    with pytest.raises(env.ConfigError, match="INTERPLAY_DEBUG"):
        env.env_bool("INTERPLAY_DEBUG", False)


def test_bad_number_names_the_variable(monkeypatch):
    monkeypatch.setenv("INTERPLAY_SESSION_HOURS", "two")
    with pytest.raises(env.ConfigError, match="INTERPLAY_SESSION_HOURS.*whole number"):
        env.env_int("INTERPLAY_SESSION_HOURS", 1)


def test_an_unknown_language_engine_names_the_variable_and_the_choices(monkeypatch):
    monkeypatch.setenv("INTERPLAY_LANGUAGE_ENGINE", "gpt")
    with pytest.raises(env.ConfigError, match="INTERPLAY_LANGUAGE_ENGINE='gpt'.*composite, cue"):
        env.env_choice("INTERPLAY_LANGUAGE_ENGINE", "composite", ("composite", "cue"))
    monkeypatch.setenv("INTERPLAY_LANGUAGE_ENGINE", "cue")
    assert env.env_choice("INTERPLAY_LANGUAGE_ENGINE", "composite", ("composite", "cue")) == "cue"


def test_secret_is_read_from_file_variant(monkeypatch, tmp_path):
    secret = tmp_path / "key"
    secret.write_text("s3cret\n")
    monkeypatch.delenv("INTERPLAY_SECRET_KEY", raising=False)
    monkeypatch.setenv("INTERPLAY_SECRET_KEY_FILE", str(secret))
    assert env.env_secret("INTERPLAY_SECRET_KEY") == "s3cret"


def test_secret_set_twice_is_refused(monkeypatch, tmp_path):
    monkeypatch.setenv("INTERPLAY_SECRET_KEY", "a")
    monkeypatch.setenv("INTERPLAY_SECRET_KEY_FILE", str(tmp_path / "b"))
    with pytest.raises(env.ConfigError, match="Both INTERPLAY_SECRET_KEY and"):
        env.env_secret("INTERPLAY_SECRET_KEY")


def test_unreadable_secret_file_names_the_variable(monkeypatch, tmp_path):
    monkeypatch.delenv("INTERPLAY_SECRET_KEY", raising=False)
    monkeypatch.setenv("INTERPLAY_SECRET_KEY_FILE", str(tmp_path / "missing"))
    with pytest.raises(env.ConfigError, match="INTERPLAY_SECRET_KEY_FILE"):
        env.env_secret("INTERPLAY_SECRET_KEY")


def test_database_url_becomes_postgres_settings():
    db = env.database_from_url("DATABASE_URL", "postgres://ann:p%40ss@db.local:5433/interplay")
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["NAME"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == (
        "interplay",
        "ann",
        "p@ss",
        "db.local",
        "5433",
    )


def test_database_url_prepares_statements_on_the_server_by_default():
    db = env.database_from_url("DATABASE_URL", "postgres://ann@db.local/interplay?sslmode=require")
    assert db["OPTIONS"] == {
        "server_side_binding": True,
        "prepare_threshold": env.PREPARE_THRESHOLD,
        "sslmode": "require",
    }


def test_database_url_can_turn_prepared_statements_off_for_a_pooler():
    db = env.database_from_url(
        "DATABASE_URL",
        "postgres://ann@db.local/interplay?prepare_threshold=none&server_side_binding=false",
    )
    options = db["OPTIONS"]
    assert isinstance(options, dict)
    assert options["prepare_threshold"] is None
    assert options["server_side_binding"] is False


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("prepare_threshold=often", "prepare_threshold must be a whole number or none"),
        ("server_side_binding=yes please", "server_side_binding must be true or false"),
    ],
)
def test_database_url_with_an_unreadable_driver_option_is_refused(query, message):
    with pytest.raises(env.ConfigError, match=message):
        env.database_from_url("DATABASE_URL", f"postgres://ann@db.local/interplay?{query}")


def test_database_url_with_other_scheme_is_refused():
    with pytest.raises(env.ConfigError, match="DATABASE_URL must start with postgres"):
        env.database_from_url("DATABASE_URL", "mysql://x@y/z")


def test_redis_url_becomes_the_redis_cache():
    cache = env.redis_cache_from_url("REDIS_URL", "redis://127.0.0.1:6379/2")
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://127.0.0.1:6379/2"


def test_redis_url_with_other_scheme_is_refused():
    with pytest.raises(env.ConfigError, match="REDIS_URL must start with redis://"):
        env.redis_cache_from_url("REDIS_URL", "http://127.0.0.1:6379")


def test_email_url_smtp(tmp_path):
    mail = env.email_from_url("INTERPLAY_EMAIL_URL", "smtp://me:pw@mail.example:2525", tmp_path)
    assert mail["EMAIL_HOST"] == "mail.example" and mail["EMAIL_PORT"] == 2525
    assert mail["EMAIL_USE_TLS"] is True


def test_email_url_unknown_scheme_is_refused(tmp_path):
    with pytest.raises(env.ConfigError, match="INTERPLAY_EMAIL_URL has an unknown scheme"):
        env.email_from_url("INTERPLAY_EMAIL_URL", "pigeon://loft", tmp_path)


def test_keys_are_generated_once_with_owner_only_permissions(tmp_path):
    first = keys.encryption_keys(None, tmp_path, production=False)
    again = keys.encryption_keys(None, tmp_path, production=False)
    assert first == again and len(first) == 1
    assert (tmp_path / keys.ENCRYPTION_KEYS_FILE).stat().st_mode & 0o777 == 0o600
    assert keys.secret_key(None, tmp_path, False) == keys.secret_key(None, tmp_path, False)


def test_production_never_invents_secrets(tmp_path):
    with pytest.raises(env.ConfigError, match="INTERPLAY_SECRET_KEY"):
        keys.secret_key(None, tmp_path, production=True)
    with pytest.raises(env.ConfigError, match="INTERPLAY_ENCRYPTION_KEYS"):
        keys.encryption_keys(None, tmp_path, production=True)
    assert not any(tmp_path.iterdir())


def test_malformed_encryption_key_is_named_by_position(tmp_path):
    good = Fernet.generate_key().decode()
    with pytest.raises(env.ConfigError, match="key number 2"):
        keys.encryption_keys(f"{good},not-a-key", tmp_path, production=False)


def test_argon2_is_the_first_password_hasher():
    from interplay.web import settings as real_settings

    assert real_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def _production_env(tmp_path):
    environment = {
        key: value
        for key, value in os.environ.items()
        # DJANGO_ALLOW_ASYNC_UNSAFE is set for the browser tests and must not leak in here.
        if not key.startswith("INTERPLAY_")
        # DATABASE_URL too: the check opens the database, and the PostgreSQL run's is shared
        # with other tests that store rows under other keys (the key check would rightly fail).
        and key not in {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"}
    }
    environment.update(
        INTERPLAY_PRODUCTION="1",
        INTERPLAY_DATA_DIR=str(tmp_path),
        INTERPLAY_SECRET_KEY="x" * 20 + Fernet.generate_key().decode(),
        INTERPLAY_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        INTERPLAY_ALLOWED_HOSTS="coach.example.org",
        PYTHONPATH=str(ROOT / "src"),
    )
    return environment


def test_production_settings_pass_check_deploy_without_warnings(tmp_path):
    result = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-m",
            "interplay",
            "manage",
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
        ],
        env=_production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_without_secret_key_stops_with_a_clear_message(tmp_path):
    environment = _production_env(tmp_path)
    del environment["INTERPLAY_SECRET_KEY"]
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "interplay", "manage", "check"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "INTERPLAY_SECRET_KEY" in result.stderr


def test_every_environment_variable_is_documented():
    source = "".join(
        (ROOT / "src/interplay/web" / name).read_text() for name in ("env.py", "settings.py")
    )
    read = set(re.findall(r'"((?:INTERPLAY|DATABASE)_[A-Z_]+)"', source))
    documented = (ROOT / "docs/deployment.md").read_text()
    assert read, "found no variables: the pattern is wrong"
    missing = sorted(name for name in read if f"`{name}`" not in documented)
    assert not missing, f"undocumented in docs/deployment.md: {missing}"


def _trusted_proxies(tmp_path, **variables):  # type: ignore[no-untyped-def]
    environment = {key: value for key, value in _production_env(tmp_path).items()}
    environment.pop("INTERPLAY_PRODUCTION")
    environment.update(variables)
    result = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-c",
            "from interplay.web import settings; print(settings.TRUSTED_PROXIES)",
        ],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return int(result.stdout)


def test_trusted_proxies_default_to_none_and_the_old_switch_still_means_one(tmp_path):
    assert _trusted_proxies(tmp_path) == 0
    assert _trusted_proxies(tmp_path, INTERPLAY_BEHIND_PROXY="1") == 1
    assert _trusted_proxies(tmp_path, INTERPLAY_TRUSTED_PROXIES="2") == 2
