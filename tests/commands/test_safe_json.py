"""Deeply nested JSON gets a message, never a RecursionError traceback."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from interplay.cli import app
from interplay.commands import safe_json

runner = CliRunner()
DEEP = '{"answers": ' + "[" * 100_000 + "]" * 100_000 + "}"


def test_nesting_past_the_limit_is_a_decode_error_with_its_position():
    with pytest.raises(json.JSONDecodeError, match="nested more than 64 levels") as caught:
        safe_json.loads("[" * 65 + "]" * 65)
    assert caught.value.pos == 64


def test_brackets_inside_strings_do_not_count():
    assert safe_json.loads(json.dumps({"text": "[" * 500})) == {"text": "[" * 500}


def test_score_refuses_deep_json_with_a_message(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text(DEEP)
    result = runner.invoke(app, ["score", str(path)])
    assert result.exit_code != 0
    assert "nested more than 64 levels deep" in result.output
    assert not isinstance(result.exception, RecursionError)


def test_relationships_refuse_deep_json_with_a_message():
    result = runner.invoke(app, ["relationships", "recommend", "-"], input=DEEP)
    assert "nested more than 64 levels deep" in result.output
    assert not isinstance(result.exception, RecursionError)
