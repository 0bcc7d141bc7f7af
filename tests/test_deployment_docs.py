"""The example server files in docs/deployment.md work as written: every `interplay` command
and option in the systemd units exists, `systemd-analyze verify` accepts the units (when it is
installed), the environment file names only settings Interplay reads, and the nginx config
forwards to the port the web unit listens on with the headers `INTERPLAY_TRUSTED_PROXIES=1`
expects."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from interplay.cli import app

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs/deployment.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"```(?P<lang>\w+)\n# (?P<path>/etc/\S+)\n(?P<body>.*?)```", re.S)
FILES = {m["path"]: (m["lang"], m["body"]) for m in BLOCK.finditer(DOC)}
UNITS = {path: body for path, (lang, body) in FILES.items() if path.endswith(".service")}
INSTALLED = "/srv/interplay/.venv/bin/interplay"


def test_the_example_files_are_there():
    assert set(UNITS) == {
        "/etc/systemd/system/interplay-web.service",
        "/etc/systemd/system/interplay-worker.service",
    }
    assert "/etc/nginx/sites-available/interplay" in FILES
    assert "/etc/interplay/env" in FILES


def _exec_start(body: str) -> list[str]:
    line = next(line for line in body.splitlines() if line.startswith("ExecStart="))
    return shlex.split(line.removeprefix("ExecStart="))


@pytest.mark.parametrize("path", sorted(UNITS))
def test_every_command_and_option_in_the_units_exists(path):
    words = _exec_start(UNITS[path])
    assert words[0] == INSTALLED
    command = typer.main.get_command(app).commands[words[1]]  # KeyError: no such command
    # Typer's options are its own parameter class (not click.Option): every param with names.
    known = {name for p in command.params for name in [*p.opts, *p.secondary_opts]}
    assert "--port" in known or words[1] != "serve"
    given = [word for word in words[2:] if word.startswith("--")]
    assert all(option in known for option in given), (path, given, known)


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze not installed")
@pytest.mark.parametrize("path", sorted(UNITS))
def test_systemd_accepts_the_units(path, tmp_path):
    here = str(Path(sys.executable).with_name("interplay"))  # this install's command
    unit = tmp_path / Path(path).name
    unit.write_text(UNITS[path].replace(INSTALLED, here).replace("EnvironmentFile=", "#"))
    result = subprocess.run(
        ["systemd-analyze", "verify", str(unit)], capture_output=True, text=True
    )
    problems = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        # The example's user and the database services do not exist on a test machine.
        if line.strip() and "interplay" in line and "User" not in line
    ]
    assert result.returncode == 0 or not problems, result.stdout + result.stderr


def test_the_environment_file_names_only_settings_interplay_reads():
    source = "".join(
        (ROOT / "src/interplay/web" / name).read_text() for name in ("env.py", "settings.py")
    )
    read = set(re.findall(r'"((?:INTERPLAY|DATABASE|REDIS)_[A-Z_]+)"', source))
    _lang, body = FILES["/etc/interplay/env"]
    for line in body.splitlines():
        name = line.split("=", 1)[0]
        assert name in read or name.removesuffix("_FILE") in read, name


def test_the_proxy_forwards_to_the_web_unit_with_the_trusted_headers():
    web = _exec_start(UNITS["/etc/systemd/system/interplay-web.service"])
    port = web[web.index("--port") + 1]
    _lang, nginx = FILES["/etc/nginx/sites-available/interplay"]
    assert f"proxy_pass http://127.0.0.1:{port};" in nginx
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in nginx
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in nginx
    assert "INTERPLAY_TRUSTED_PROXIES=1" in FILES["/etc/interplay/env"][1]
    assert nginx.count("{") == nginx.count("}")
