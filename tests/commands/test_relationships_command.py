"""`interplay relationships recommend`: JSON in, recommendations out, exit 2 on bad input."""

import json

from typer.testing import CliRunner

from interplay.cli import app

runner = CliRunner()

MAP = {
    "people": [
        {
            "name": "Sam",
            "kind": "friend",
            "give": 4,
            "receive": 1,
            "leaves_me": "drained",
            "boundary": "porous",
            "trust": 2,
        },
        {
            "name": "Jo",
            "kind": "partner",
            "give": 2,
            "receive": 3,
            "leaves_me": "energised",
            "boundary": "rigid",
            "trust": 4,
        },
    ]
}


def test_recommend_reads_a_file_and_prints_recommendations_and_summary(tmp_path):
    path = tmp_path / "map.json"
    path.write_text(json.dumps(MAP), encoding="utf-8")
    result = runner.invoke(app, ["relationships", "recommend", str(path)])
    assert result.exit_code == 0, result.output
    output = json.loads(result.output)
    assert [(r["kind"], r["people"]) for r in output["recommendations"]] == [
        ("loosen", ["Jo"]),
        ("firm_up", ["Sam"]),
        ("reciprocity_gap", ["Sam"]),
    ]
    assert all(r["rule"] for r in output["recommendations"])
    assert output["summary"]["total_give"] == 6
    assert output["summary"]["you_give_most_to"] == ["Sam"]


def test_recommend_reads_standard_input_with_a_dash():
    result = runner.invoke(app, ["relationships", "recommend", "-"], input=json.dumps(MAP))
    assert result.exit_code == 0
    assert json.loads(result.output)["summary"]["gives_most_to_you"] == ["Jo"]


def test_bad_person_exits_2_naming_person_and_field():
    broken = {"people": [MAP["people"][0], {**MAP["people"][1], "trust": 9}]}
    result = runner.invoke(app, ["relationships", "recommend", "-"], input=json.dumps(broken))
    assert result.exit_code == 2
    assert "person 2 ('Jo'): field 'trust'" in result.output


def test_invalid_json_and_missing_file_exit_2(tmp_path):
    assert runner.invoke(app, ["relationships", "recommend", "-"], input="{oops").exit_code == 2
    missing = runner.invoke(app, ["relationships", "recommend", str(tmp_path / "nope.json")])
    assert missing.exit_code == 2
    assert "cannot read" in missing.output
