"""`interplay serve` for real: gunicorn on a free port, with the task worker beside it. A page
loads, static files come from WhiteNoise, `/health/` turns 200 once the worker has beaten, and
the start prints no warning."""

from __future__ import annotations

import os
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
        with urllib.request.urlopen(url, timeout=5) as answer:  # noqa: S310 - our own server
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
        status, page = _wait_for(f"{base}/sign-in/", 200, 60)
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
