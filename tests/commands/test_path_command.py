"""`interplay path`: the path as JSON from the content file, and one person's progress."""

import json

from typer.testing import CliRunner

from interplay.cli import app
from interplay.core.vocabulary import Focus

runner = CliRunner()


def test_path_json_lists_the_steps_with_prompts_keyed_by_focus_id():
    result = runner.invoke(app, ["path", "--json"])
    assert result.exit_code == 0, result.output
    steps = json.loads(result.stdout)["steps"]
    assert [s["id"] for s in steps][:2] == ["stand", "bounds"]
    assert len(steps) == 11
    for step in steps:
        assert set(step["prompts"]) == {f.value for f in Focus}
        assert step["concept"] and step["exercise"] and step["title"]


def test_path_user_shows_a_persons_progress_and_none_of_their_words(db):
    from interplay.web.journal.actions import do_save_entry
    from interplay.web.path.actions import do_skip_step
    from tests.web.base import make_user

    user = make_user("rosa@client.test", "Rosa Client")
    do_save_entry("", "Rosa's private words.", "p:bounds:balancing", actor=user)
    do_skip_step(user, "stand", actor=user)
    result = runner.invoke(app, ["path", "--user", "ROSA@client.test", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    statuses = {row["id"]: row["status"] for row in data["path"]["steps"]}
    assert statuses["stand"] == "skipped" and statuses["bounds"] == "done"
    assert data["path"]["next_step"] == "meaning"
    assert "private words" not in result.stdout
    text = runner.invoke(app, ["path", "--user", "rosa@client.test"])
    assert "bounds" in text.stdout and "done" in text.stdout


def test_path_user_with_an_unknown_email_says_so(db):
    result = runner.invoke(app, ["path", "--user", "nobody@client.test"])
    assert result.exit_code == 1
    assert "No client account has the email address" in result.output
