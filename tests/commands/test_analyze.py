"""`interplay analyze`: JSON lines in, one JSON line out per input line, bad lines reported."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from interplay.cli import app
from interplay.commands.analyze import MODES, analyse_lines
from interplay.language.statements import FIELDS

runner = CliRunner()


def test_statements_writes_one_result_per_line_in_order():
    lines = [
        json.dumps({"text": "You never listen."}),
        json.dumps({"text": "Could you text me by Friday?"}),
    ]
    result = runner.invoke(app, ["analyze", "statements"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert len(out) == 2
    assert out[0]["blame"] is True and out[0]["request"] is False
    assert out[1]["request"] is True
    assert set(out[0]) == {*FIELDS, "spans", "suggestion", "rewrite"}


def test_malformed_lines_get_an_error_naming_the_line_and_the_run_goes_on():
    lines = [
        "not json",
        json.dumps({"words": "no text here"}),
        json.dumps({"text": 42}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "I need some rest."}),
    ]
    result = runner.invoke(app, ["analyze", "statements"], input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [o.get("line") for o in out[:4]] == [1, 2, 3, 4]
    assert "JSON" in out[0]["error"]
    assert "text" in out[1]["error"]
    assert "string" in out[2]["error"]
    assert out[4]["need"] is True


def test_statements_reads_a_file_argument(tmp_path):
    path = tmp_path / "drafts.jsonl"
    path.write_text(json.dumps({"text": "I feel tired."}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", "statements", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["feeling"] is True


def test_statement_prints_a_readable_analysis_with_blanks_intact():
    result = runner.invoke(app, ["analyze", "statement", "You are so selfish."])
    assert result.exit_code == 0, result.output
    assert "blame" in result.output
    assert "You are so selfish" in result.output
    assert "[what you saw or heard]" in result.output


def test_every_mode_is_in_one_table():
    assert set(MODES) == {"statements", "themes", "safety"}


class Echo:
    def __init__(self, text: str) -> None:
        self.text = text

    def to_dict(self) -> dict[str, int]:
        return {"length": len(self.text)}


def test_analyse_lines_is_generic_over_the_analysis():
    results = list(analyse_lines(['{"text": "abc"}', "{"], Echo))
    assert results[0] == ({"length": 3}, True)
    assert results[1][1] is False and results[1][0]["line"] == 2


# The cues miss it; the composite engine's learned second opinion flags it.
ONLY_THE_MODEL_SEES = "I keep thinking tonight might be the night I stop fighting it."


def test_analyze_uses_the_engine_the_setting_names(monkeypatch):
    line = json.dumps({"text": ONLY_THE_MODEL_SEES}) + "\n"
    monkeypatch.delenv("INTERPLAY_LANGUAGE_ENGINE", raising=False)
    default = runner.invoke(app, ["analyze", "safety"], input=line)
    assert json.loads(default.output)["risk"] == "self_harm"
    monkeypatch.setenv("INTERPLAY_LANGUAGE_ENGINE", "cue")
    cue = runner.invoke(app, ["analyze", "safety"], input=line)
    assert json.loads(cue.output) == {"risk": "none", "evidence": []}


def test_an_unknown_engine_setting_stops_analyze_before_reading(monkeypatch):
    monkeypatch.setenv("INTERPLAY_LANGUAGE_ENGINE", "bert")
    result = runner.invoke(app, ["analyze", "themes"], input='{"text": "x"}\n')
    assert result.exit_code == 2
    assert "INTERPLAY_LANGUAGE_ENGINE='bert'" in result.output
    assert "composite, cue, meaning" in result.output


def test_a_line_past_the_limit_is_refused_with_its_length_and_the_run_goes_on():
    import io

    from interplay.commands.analyze import bounded_lines

    source = io.StringIO('{"text": "' + "x" * 50 + '"}\n{"text": "ok"}\n')
    lines = list(bounded_lines(source, limit=20))
    results = list(analyse_lines(lines, Echo))
    assert results[0][1] is False
    assert "line is 63 characters long; the limit is 20" in results[0][0]["error"]
    assert results[1] == ({"length": 2}, True)


def test_lines_within_the_limit_pass_unchanged_even_without_a_final_newline():
    import io

    from interplay.commands.analyze import bounded_lines

    assert list(bounded_lines(io.StringIO("a\nbb"), limit=5)) == ["a\n", "bb"]
