import csv
import json
from pathlib import Path

import numpy as np
import pytest
import typer.main
from typer.testing import CliRunner

from interplay.cli import app
from interplay.core import instrument
from interplay.core.psychometrics import cronbach_alpha

runner = CliRunner(env={"COLUMNS": "160"})

ITEMS_TOML = """
[[item]]
id = "d1"
text = "I check with someone before I decide anything."
scale = "dependence"

[[item]]
id = "d2"
text = "I make my own decisions without asking."
scale = "dependence"
reverse = true

[[item]]
id = "d3"
text = "I feel lost when nobody tells me what to do."
scale = "dependence"

[[item]]
id = "c1"
text = "I take on other people's moods as my own."
scale = "confluence"

[[item]]
id = "c2"
text = "I keep my opinion quiet to keep the peace."
scale = "confluence"
"""


def likert(values):
    return np.clip(np.rint(3 + values), 1, 5).astype(int)


def simulated_answers(n=80, seed=5):
    """Answers as people would give them: d2 is worded the other way, so it is recorded
    reversed; one in seven people skipped d2."""
    rng = np.random.default_rng(seed)
    trait, other = rng.standard_normal(n), rng.standard_normal(n)
    keyed = {
        "d1": likert(trait + 0.6 * rng.standard_normal(n)),
        "d2": likert(trait + 0.6 * rng.standard_normal(n)),
        "d3": likert(trait + 0.6 * rng.standard_normal(n)),
        "c1": likert(other + 0.7 * rng.standard_normal(n)),
        "c2": likert(other + 0.7 * rng.standard_normal(n)),
    }
    rows = []
    for i in range(n):
        row = {item_id: str(values[i]) for item_id, values in keyed.items()}
        row["d2"] = "" if i % 7 == 0 else str(6 - keyed["d2"][i])
        rows.append({"respondent": f"p{i}", **row})
    return keyed, rows


@pytest.fixture
def items_file(tmp_path):
    path = tmp_path / "items.toml"
    path.write_text(ITEMS_TOML)
    return path


def write_csv(path, rows, header=("respondent", "d1", "d2", "d3", "c1", "c2")):
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(header), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_json_report_reverse_keys_answers_before_computing_alpha(tmp_path, items_file):
    keyed, rows = simulated_answers()
    answers = write_csv(tmp_path / "answers.csv", rows)
    result = runner.invoke(
        app, ["psychometrics", str(answers), "--items", str(items_file), "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["answer_sets"] == 80
    assert report["reverse_keyed"] == ["d2"]
    dependence, confluence = report["scales"]
    assert dependence["scale"] == "dependence"
    assert [item["item_id"] for item in dependence["items"]] == ["d1", "d2", "d3"]
    expected = np.column_stack([keyed["d1"], keyed["d2"], keyed["d3"]]).astype(float)
    expected[::7, 1] = np.nan  # the skipped answers
    assert dependence["alpha"] == pytest.approx(cronbach_alpha(expected))
    assert dependence["alpha"] > 0.7
    assert dependence["items"][1]["answered"] == 80 - len(range(0, 80, 7))
    assert confluence["omega"] is None  # two items cannot carry a one-factor model


def test_table_names_every_scale_and_the_reverse_keyed_item(tmp_path, items_file):
    _, rows = simulated_answers()
    answers = write_csv(tmp_path / "answers.csv", rows)
    result = runner.invoke(app, ["psychometrics", str(answers), "--items", str(items_file)])
    assert result.exit_code == 0, result.output
    assert "dependence" in result.stdout and "confluence" in result.stdout
    assert "Alpha if deleted" in result.stdout
    assert "Reverse-keyed before scoring: d2" in result.stdout


def test_listwise_counts_only_complete_answer_sets(tmp_path, items_file):
    _, rows = simulated_answers()
    answers = write_csv(tmp_path / "answers.csv", rows)
    result = runner.invoke(
        app,
        [
            "psychometrics",
            str(answers),
            "--items",
            str(items_file),
            "--json",
            "--missing",
            "listwise",
        ],
    )
    assert result.exit_code == 0, result.output
    dependence = json.loads(result.stdout)["scales"][0]
    assert dependence["n_respondents"] == 80 - len(range(0, 80, 7))


def test_shipped_instrument_is_used_without_items_option(tmp_path, monkeypatch, items_file):
    monkeypatch.setattr(instrument, "instrument_items", lambda: instrument.load_items(items_file))
    _, rows = simulated_answers()
    answers = write_csv(tmp_path / "answers.csv", rows)
    result = runner.invoke(app, ["psychometrics", str(answers), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["reverse_keyed"] == ["d2"]


def test_answer_outside_one_to_five_names_row_and_column(tmp_path, items_file):
    _, rows = simulated_answers(n=5)
    rows[2]["c1"] = "7"
    answers = write_csv(tmp_path / "answers.csv", rows)
    result = runner.invoke(app, ["psychometrics", str(answers), "--items", str(items_file)])
    assert result.exit_code == 2
    assert "row 4 (respondent 'p2'), column 'c1': '7' is not an answer from 1 to 5" in result.stderr


def test_text_instead_of_an_answer_is_refused(tmp_path, items_file):
    _, rows = simulated_answers(n=5)
    rows[0]["d1"] = "often"
    rows[1]["d3"] = "2.5"
    answers = write_csv(tmp_path / "answers.csv", rows)
    result = runner.invoke(app, ["psychometrics", str(answers), "--items", str(items_file)])
    assert result.exit_code == 2
    assert "2 problems" in result.stderr
    assert "column 'd1': 'often'" in result.stderr
    assert "column 'd3': '2.5'" in result.stderr


def test_unknown_item_id_names_the_column(tmp_path, items_file):
    _, rows = simulated_answers(n=5)
    answers = write_csv(
        tmp_path / "answers.csv", rows, header=("respondent", "d1", "d2", "zz9", "c1")
    )
    result = runner.invoke(app, ["psychometrics", str(answers), "--items", str(items_file)])
    assert result.exit_code == 2
    assert "column 4: 'zz9' is not an item of the instrument" in result.stderr


def test_file_without_respondent_column_and_with_a_byte_order_mark(tmp_path, items_file):
    _, rows = simulated_answers(n=30)
    path = tmp_path / "answers.csv"
    lines = ["d1,d2,d3"] + [f"{r['d1']},{r['d2']},{r['d3']}" for r in rows]
    lines.append("4.0,2,4")  # a spreadsheet's way of writing 4
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    result = runner.invoke(app, ["psychometrics", str(path), "--items", str(items_file), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["answer_sets"] == 31
    assert [scale["scale"] for scale in report["scales"]] == ["dependence"]


def test_short_row_and_missing_file_are_clear(tmp_path, items_file):
    path = tmp_path / "answers.csv"
    path.write_text("respondent,d1,d2,d3\np1,1,2,3\np2,1,2\n")
    result = runner.invoke(app, ["psychometrics", str(path), "--items", str(items_file)])
    assert result.exit_code == 2
    assert "row 3 (respondent 'p2'): 2 answers for 3 items" in result.stderr
    result = runner.invoke(app, ["psychometrics", str(tmp_path / "nope.csv")])
    assert result.exit_code == 2
    assert "file not found" in result.stderr


def test_unknown_missing_policy_is_refused(tmp_path, items_file):
    result = runner.invoke(app, ["psychometrics", "x.csv", "--missing", "mean"])
    assert result.exit_code == 2
    assert "pairwise or listwise" in result.stderr


def test_every_option_is_documented():
    docs = (Path(__file__).parents[2] / "docs" / "psychometrics.md").read_text()
    group = typer.main.get_command(app)
    options = [
        name
        for param in group.commands["psychometrics"].params
        for name in param.opts
        if name.startswith("--")
    ]
    assert {"--missing", "--json", "--items", "--level"} <= set(options)
    for option in options:
        assert f"`{option}`" in docs, f"{option} is not documented in docs/psychometrics.md"
