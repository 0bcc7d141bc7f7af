import os

import django.core.management
import pytest
from typer.testing import CliRunner

from interplay.cli import app
from interplay.web import demo

runner = CliRunner()


@pytest.fixture
def no_server(monkeypatch):
    """Run `serve` up to the point of starting the web server, and record that call."""
    real = django.core.management.call_command
    started = []

    def call_command(name, *args, **kwargs):
        if name == "runserver":
            started.append(args)
            return None
        return real(name, *args, **kwargs)

    monkeypatch.setattr(django.core.management, "call_command", call_command)
    return started


@pytest.fixture
def fresh_demo_marker(settings):
    marker = settings.DATA_DIR / demo.DEMO_MARKER
    marker.unlink(missing_ok=True)
    yield
    marker.unlink(missing_ok=True)


@pytest.fixture
def no_gunicorn(monkeypatch):
    """Record the gunicorn start instead of starting it."""
    from interplay.commands import web

    started = []
    monkeypatch.setattr(web, "_run_gunicorn", lambda *args: started.append(args))
    return started


@pytest.mark.django_db(transaction=True)
def test_serve_runs_gunicorn_with_workers_from_the_cpus(no_gunicorn, monkeypatch):
    from interplay.commands import web

    monkeypatch.setattr(web.os, "cpu_count", lambda: 2)
    result = runner.invoke(app, ["serve", "--no-worker", "--port", "8766"])
    assert result.exit_code == 0, result.output
    assert no_gunicorn == [("127.0.0.1", 8766, 2)]
    command = web.server_command("127.0.0.1", 8766, 2)
    assert command[1:4] == ["-m", "gunicorn", "interplay.web.wsgi:application"]
    assert command[command.index("--workers") + 1] == "2"
    assert command[command.index("--worker-class") + 1] == "gthread"


@pytest.mark.django_db(transaction=True)
def test_serve_takes_a_worker_count(no_gunicorn):
    result = runner.invoke(app, ["serve", "--no-worker", "--workers", "3"])
    assert result.exit_code == 0 and no_gunicorn == [("127.0.0.1", 8000, 3)]


def test_reset_is_only_for_the_demo():
    result = runner.invoke(app, ["serve", "--reset"])
    assert result.exit_code == 2 and "--demo" in result.output


def test_reset_deletes_only_a_marked_demo_folder(tmp_path):
    import typer

    from interplay.commands import web

    real = tmp_path / "practice"
    real.mkdir()
    (real / "interplay.sqlite3").write_text("a real practice")
    with pytest.raises(typer.Exit):
        web._reset_demo(real)
    assert (real / "interplay.sqlite3").exists()
    marked = tmp_path / "demo"
    marked.mkdir()
    (marked / web.DEMO_FOLDER_MARK).write_text("demo")
    web._reset_demo(marked)
    assert not marked.exists()


@pytest.mark.django_db(transaction=True)
def test_serve_demo_seeds_and_prints_the_address_and_sign_ins(no_server, fresh_demo_marker):
    result = runner.invoke(app, ["serve", "--demo", "--dev", "--no-worker", "--port", "8765"])
    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:8765/" in result.output
    assert demo.DEMO_CLIENT_EMAIL in result.output and demo.DEMO_PASSWORD in result.output
    assert no_server == [("127.0.0.1:8765",)]
    code = runner.invoke(app, ["demo-code"])
    assert code.exit_code == 0 and code.output.strip().isdigit() and len(code.output.strip()) == 6


@pytest.mark.django_db
def test_demo_code_refuses_before_the_demo_is_seeded(fresh_demo_marker):
    result = runner.invoke(app, ["demo-code"])
    assert result.exit_code == 1
    assert "has not been seeded" in result.output


@pytest.mark.django_db
def test_demo_code_refuses_in_production(settings, fresh_demo_marker):
    demo.seed_demo()
    settings.PRODUCTION = True
    result = runner.invoke(app, ["demo-code"])
    assert result.exit_code == 1 and "never available in production" in result.output


@pytest.mark.django_db
def test_demo_seeding_is_idempotent(fresh_demo_marker):
    from interplay.web.accounts.models import User

    demo.seed_demo()
    demo.seed_demo()
    assert User.objects.count() == 1 + len(demo.CLIENTS)


@pytest.mark.django_db
def test_demo_maya_reads_as_the_article_describes_her(fresh_demo_marker):
    from interplay.web.assessments.models import Assessment

    demo.seed_demo()
    profile = Assessment.objects.filter(user__email=demo.DEMO_CLIENT_EMAIL).first().profile
    assert profile["balance"]["pattern"] == "over_independent"
    assert profile["boundaries"]["style"] == "mixed"


def test_manage_passes_arguments_to_django(db):  # `check` reads the database (key check)
    result = runner.invoke(app, ["manage", "check"])
    assert result.exit_code == 0


@pytest.mark.parametrize("command", ["serve", "demo-code", "worker"])
def test_every_web_command_option_is_documented(command):
    from pathlib import Path

    import typer.main

    docs = (Path(__file__).resolve().parents[2] / "docs/deployment.md").read_text()
    group = typer.main.get_command(app)
    cli = group.commands[command]
    assert f"interplay {command}" in docs
    # Typer's options are its own class, not click.Option: check every named parameter.
    options = [param for param in cli.params if any(o.startswith("--") for o in param.opts)]
    assert options or command == "worker", command
    for param in options:
        names = [name for name in param.opts if name.startswith("--")]
        assert any(name in docs for name in names), (command, names)


def test_demo_uses_its_own_folder_unless_one_is_named(monkeypatch, tmp_path):
    from interplay.commands import web

    monkeypatch.delenv("INTERPLAY_DATA_DIR", raising=False)
    assert web._demo_folder(None) == web.CLONE / ".demo"  # inside the clone, ignored by git
    assert web._demo_folder(tmp_path) == tmp_path
    monkeypatch.setenv("INTERPLAY_DATA_DIR", str(tmp_path))
    assert web._demo_folder(None) is None  # the environment's folder is used as given


def test_seed_fills_an_empty_data_folder_once(tmp_path):
    """`interplay seed` on the command line: it fills a fresh data folder, prints what it made
    and its progress, and refuses the same folder the second time with nothing changed."""
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "INTERPLAY_"))}
    env.pop("DATABASE_URL", None)
    env["INTERPLAY_DATA_DIR"] = str(tmp_path)
    command = [sys.executable, "-m", "interplay", "seed", "--coaches", "1", "--clients", "2"]
    first = subprocess.run([*command, "--entries", "5"], env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert "Seeded 1 coaches, 2 clients and 5 journal entries" in first.stdout
    assert "journal entries" in first.stderr and "5/5" in first.stderr
    again = subprocess.run([*command, "--entries", "5"], env=env, capture_output=True, text=True)
    assert again.returncode == 2 and "already holds 3 accounts" in again.stderr
