import json

import pytest
from typer.testing import CliRunner

from interplay.cli import app
from interplay.core.instrument import instrument_items
from tests.core.personas import MAYA

runner = CliRunner()
ITEMS = instrument_items()


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("INTERPLAY_HOME", str(tmp_path))
    return tmp_path


def test_items_json_lists_every_item_with_its_fields():
    result = runner.invoke(app, ["items", "--json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [row["id"] for row in rows] == [item.id for item in ITEMS]
    assert set(rows[0]) == {"id", "text", "scale", "reverse", "pulse"}
    assert isinstance(rows[0]["reverse"], bool) and isinstance(rows[0]["pulse"], bool)


def test_items_table_shows_the_texts():
    result = runner.invoke(app, ["items"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "oi01" in result.stdout


def test_score_reads_a_file_and_prints_the_profile(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"answers": MAYA}))
    result = runner.invoke(app, ["score", str(path)])
    assert result.exit_code == 0, result.output
    profile = json.loads(result.stdout)
    assert profile["balance"]["pattern"] == "over_independent"
    assert profile["boundaries"]["style"] == "mixed"


def test_score_reads_stdin():
    result = runner.invoke(app, ["score", "-"], input=json.dumps({"answers": {"oi01": 4}}))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["answered"] == 1


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ('{"answers": {"oi01": 9}}', "item 'oi01': answer must be from 1 to 5, got 9"),
        ('{"answers": {"zz9": 3}}', "item 'zz9': unknown item id"),
        ('{"answers": {"oi01": "4"}}', "item 'oi01': answer must be a whole number"),
        ('{"answers": {}}', "no answers given"),
        ('{"oi01": 4}', '{"answers":'),
        ("{not json", "standard input is not valid JSON"),
    ],
)
def test_score_rejects_bad_input_with_status_2_and_a_clear_message(document, message):
    result = runner.invoke(app, ["score", "-"], input=document)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_score_reports_a_missing_file(tmp_path):
    result = runner.invoke(app, ["score", str(tmp_path / "nope.json")])
    assert result.exit_code == 2
    assert "cannot read" in result.stderr


def _replies(answers):
    return "".join(f"{answers[item.id]}\n" for item in ITEMS)


def test_assess_takes_every_answer_and_saves_the_profile(home):
    out = home / "maya.json"
    result = runner.invoke(app, ["assess", "--out", str(out)], input=_replies(MAYA))
    assert result.exit_code == 0, result.output
    profile = json.loads(out.read_text())
    assert profile["answered"] == len(ITEMS)
    assert profile["focus"]["focus"] == "loosening_over_independence"
    assert "Your Interplay profile" in result.stdout
    assert not (home / "assessment-progress.json").exists()


def test_assess_resumes_after_an_interruption(home):
    first_ten = "".join(f"{MAYA[item.id]}\n" for item in ITEMS[:10])
    # input runs out after ten answers: the same as closing the terminal mid-way
    result = runner.invoke(app, ["assess"], input=first_ten)
    assert result.exit_code == 1
    saved = json.loads((home / "assessment-progress.json").read_text())
    assert saved["answers"] == {item.id: MAYA[item.id] for item in ITEMS[:10]}

    rest = "".join(f"{MAYA[item.id]}\n" for item in ITEMS[10:])
    result = runner.invoke(app, ["assess", "--out", str(home / "p.json")], input=rest)
    assert result.exit_code == 0, result.output
    assert "Carrying on" in result.stdout
    profile = json.loads((home / "p.json").read_text())
    assert profile["answered"] == len(ITEMS)
    assert profile["balance"]["pattern"] == "over_independent"


def test_assess_quit_saves_and_restart_starts_again(home):
    runner.invoke(app, ["assess"], input="4\n3\nq\n")
    state = home / "assessment-progress.json"
    assert json.loads(state.read_text())["answers"] == {ITEMS[0].id: 4, ITEMS[1].id: 3}
    result = runner.invoke(app, ["assess", "--restart"], input="2\nq\n")
    assert result.exit_code == 1
    assert json.loads(state.read_text())["answers"] == {ITEMS[0].id: 2}


def test_assess_skips_and_reasks_on_bad_replies(home, tmp_path):
    state = tmp_path / "elsewhere" / "progress.json"
    replies = "s\n7\nmaybe\n4\n" + "3\n" * (len(ITEMS) - 2)
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["assess", "--state", str(state), "--out", str(out)], input=replies)
    assert result.exit_code == 0, result.output
    assert result.stdout.count("Please type a number") == 2
    profile = json.loads(out.read_text())
    assert profile["answered"] == len(ITEMS) - 1
    assert ITEMS[0].id not in {a["item_id"] for s in profile["scales"] for a in s["answers"]}


def test_assess_refuses_a_damaged_progress_file_and_keeps_it(home):
    state = home / "assessment-progress.json"
    state.write_text('{"answers": {"oi01": 99}}')
    result = runner.invoke(app, ["assess"], input="3\n")
    assert result.exit_code == 2
    assert "cannot resume" in result.stderr and "'oi01'" in result.stderr
    assert state.read_text() == '{"answers": {"oi01": 99}}'


def test_assess_can_go_back_and_change_an_answer(home):
    result = runner.invoke(app, ["assess"], input="b\n5\n4\nb\n2\nq\n")
    assert result.exit_code == 1
    assert "This is the first statement" in result.stdout
    saved = json.loads((home / "assessment-progress.json").read_text())
    assert saved["answers"] == {ITEMS[0].id: 5, ITEMS[1].id: 2}


def test_assess_going_back_reopens_a_skipped_statement(home):
    runner.invoke(app, ["assess"], input="s\nb\n3\nq\n")
    saved = json.loads((home / "assessment-progress.json").read_text())
    assert saved["answers"] == {ITEMS[0].id: 3}
    assert saved["skipped"] == []
