"""`interplay report profile|review --user EMAIL --pdf FILE` writes the same PDFs a person
downloads, readable by them only, and says plainly when there is nothing to report."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from interplay.cli import app

runner = CliRunner()


@pytest.fixture
def person(db):
    from interplay.web.progress.actions import do_save_review
    from tests.web.base import make_user
    from tests.web.progress.helpers import answers_leaning, finished

    user = make_user("rosa@client.test", "Rosa")
    finished(user, answers_leaning(dependence=5, interdependence=2), days_ago=40)
    finished(user, answers_leaning(dependence=2, interdependence=4), days_ago=1)
    do_save_review("Looking back.", actor=user)
    return user


@pytest.mark.parametrize("kind", ["profile", "review"])
def test_report_writes_a_private_pdf(person, tmp_path, kind):
    out = tmp_path / f"{kind}.pdf"
    result = runner.invoke(app, ["report", kind, "--user", "ROSA@client.test", "--pdf", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    assert out.stat().st_mode & 0o777 == 0o600
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
        assert "Rosa" in text and "Interdependence" in text


def test_report_names_an_unknown_email_and_a_missing_review(db, tmp_path):
    from tests.web.base import make_user

    out = tmp_path / "r.pdf"
    result = runner.invoke(app, ["report", "profile", "--user", "x@y.test", "--pdf", str(out)])
    assert result.exit_code == 1 and "No account" in result.output
    make_user("new@client.test", "New")
    result = runner.invoke(
        app, ["report", "review", "--user", "new@client.test", "--pdf", str(out)]
    )
    assert result.exit_code == 1 and "No such review" in result.output
    assert not out.exists()
