"""`interplay serve` for real: gunicorn on a free port, with the task worker beside it. A page
loads, static files come from WhiteNoise, `/health/` turns 200 once the worker has beaten, and
the start prints no warning."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as answer:  # noqa: S310 - our own server
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _wait_for(url: str, status: int, seconds: float) -> tuple[int, bytes]:
    deadline = time.monotonic() + seconds
    last: tuple[int, bytes] = (0, b"")
    while time.monotonic() < deadline:
        try:
            last = _get(url)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            last = (0, b"")
        if last[0] == status:
            return last
        time.sleep(0.5)
    return last


@pytest.mark.slow
def test_serve_runs_gunicorn_and_the_worker_and_answers(tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "INTERPLAY_"))}
    env.pop("DATABASE_URL", None)  # its own SQLite database in the data folder, as _served_env
    env["INTERPLAY_DATA_DIR"] = str(tmp_path / "data")
    server = subprocess.Popen(
        [sys.executable, "-m", "interplay", "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        status, page = _wait_for(f"{base}/accounts/login/", 200, 60)
        assert status == 200 and b"<h1" in page
        css_status, css = _get(f"{base}/static/interplay/site.css")
        assert css_status == 200 and len(css) > 100
        status, body = _wait_for(f"{base}/health/", 200, 60)
        assert status == 200, body
        assert b'"worker": "ok"' in body and b'"database": "ok"' in body
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        output, _ = server.communicate(timeout=30)
    text = output.decode(errors="replace")
    assert "gunicorn" in text.lower() or "Booting worker" in text, text
    assert "Warning" not in text and "No directory at" not in text, text


def _start_redis(port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [REDIS, "--port", str(port), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return server
        time.sleep(0.1)
    server.kill()
    pytest.fail("redis-server did not start")


def _make_token(env: dict[str, str]) -> str:
    """A client and a token in the served data folder (migrated first)."""
    script = (
        "import django; django.setup()\n"
        "from django.core.management import call_command\n"
        "call_command('migrate', verbosity=0)\n"
        "from interplay.web.accounts.models import User\n"
        "from interplay.web.api.actions import do_create_access_token\n"
        "user = User.objects.create_user('ada@client.test', None, name='Ada')\n"
        "print(do_create_access_token('bench', ['read:own'], actor=user).secret)\n"
    )
    made = subprocess.run(
        [sys.executable, "-c", script],
        env=env | {"DJANGO_SETTINGS_MODULE": "interplay.web.settings"},
        capture_output=True,
        check=True,
    )
    return made.stdout.decode().strip().splitlines()[-1]


REDIS = shutil.which("redis-server") or ""


def _count_a_burst(env: dict[str, str], processes: int, requests: int) -> list[int]:
    """Serve with `processes` gunicorn processes and send `requests` API requests one after
    another with one token, inside one minute's window; the statuses answered."""
    token = _make_token(env)
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "interplay",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(processes),
            "--no-worker",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        assert _wait_for(f"{base}/accounts/login/", 200, 60)[0] == 200
        if time.time() % 60 > 45:  # keep the burst inside one minute's window
            time.sleep(61 - time.time() % 60)
        answers = []
        for _ in range(requests):
            request = urllib.request.Request(
                f"{base}/api/v1/profiles", headers={"Authorization": f"Bearer {token}"}
            )
            try:
                with urllib.request.urlopen(request, timeout=60) as answer:  # noqa: S310
                    answers.append(answer.status)
            except urllib.error.HTTPError as error:
                answers.append(error.code)
        return answers
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def _served_env(tmp_path, **extra: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "INTERPLAY_"))}
    env.pop("REDIS_URL", None)
    # The served app's own database in its data folder: the suite's DATABASE_URL (the PostgreSQL
    # run) names a database other tests and runs share, and these tests create accounts.
    env.pop("DATABASE_URL", None)
    return env | {
        "INTERPLAY_DATA_DIR": str(tmp_path / "data"),
        "INTERPLAY_API_REQUESTS_PER_MINUTE": "6",
        **extra,
    }


@pytest.mark.slow
@pytest.mark.skipif(not REDIS, reason="redis-server is not installed (Debian: redis-server)")
def test_with_redis_every_process_shares_one_token_budget(tmp_path):
    """Four gunicorn processes and a budget of 6 requests a minute: with `REDIS_URL` exactly 6
    of 16 requests get through, whichever processes answer them (a cache in each process's
    memory would let each count its own 6)."""
    redis_port = _free_port()
    redis = _start_redis(redis_port)
    try:
        env = _served_env(tmp_path, REDIS_URL=f"redis://127.0.0.1:{redis_port}/0")
        answers = _count_a_burst(env, processes=4, requests=16)
        assert (answers.count(200), answers.count(429)) == (6, 10), answers
    finally:
        redis.terminate()
        redis.wait(timeout=10)


@pytest.mark.slow
def test_without_redis_the_database_cache_shares_the_budget_between_processes(tmp_path):
    """The same burst with no `REDIS_URL`: the counters live in the database cache's table
    (made by migrate), so the four processes still let exactly 6 of 16 through (with a cache in
    each process's memory, tried once, 14 got through)."""
    answers = _count_a_burst(_served_env(tmp_path), processes=4, requests=16)
    assert (answers.count(200), answers.count(429)) == (6, 10), answers
