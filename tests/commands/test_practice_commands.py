"""`interplay scenarios` and `interplay roleplay`, with a stand-in statement coach so the
command is tested on its own (the real coach is tested in tests/language)."""

import json

import pytest
from typer.testing import CliRunner

from interplay.cli import app
from interplay.commands import practice
from interplay.core.roleplay import ReplyAnalysis
from interplay.core.scenarios import scenario_library

runner = CliRunner()


def stand_in(text):
    """Reads a reply by its first word, so tests can script each style."""
    word = text.split()[0].lower()
    return {
        "i": ReplyAnalysis(i_statement=True, need=True),
        "sorry": ReplyAnalysis(hedge_apology=True),
        "you": ReplyAnalysis(blame=True),
        "could": ReplyAnalysis(i_statement=True, request=True),
    }.get(word, ReplyAnalysis())


@pytest.fixture
def scripted(monkeypatch):
    monkeypatch.setattr(practice, "load_analyser", lambda: stand_in)


def test_scenarios_lists_every_scenario_as_json():
    result = runner.invoke(app, ["scenarios", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert [s["id"] for s in data] == [s.id for s in scenario_library()]
    assert {"counterpart", "opening", "responses", "max_turns"} <= set(data[0])


def test_scenarios_table_names_them():
    result = runner.invoke(app, ["scenarios"])
    assert result.exit_code == 0
    assert "Role-play scenarios" in result.output


def test_roleplay_runs_from_scripted_lines_to_the_debrief(scripted):
    lines = "I need my weekend.\nI need it, truly.\nCould Tom cover?\nI am sure.\n"
    result = runner.invoke(app, ["roleplay", "s-manager-weekend-work"], input=lines)
    assert result.exit_code == 0, result.output
    opening = scenario_library()[0].opening
    assert f"Priya (your manager): {opening}" in result.output
    assert "--- Debrief ---" in result.output
    assert "Turn this into an experiment" in result.output
    assert "Your best line: I need my weekend." in result.output


def test_roleplay_json_prints_only_the_debrief(scripted):
    result = runner.invoke(
        app,
        ["roleplay", "s-ask-for-a-lift", "--json"],
        input="sorry\nsorry\nyou\nyou\nyou\nyou\n\n",
    )
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert [t["style"] for t in data["turns"]] == [
        "hedged",
        "hedged",
        "blaming",
        "blaming",
        "blaming",
        "blaming",
    ]
    assert data["ending"] == "out_of_turns"


def test_roleplay_stopped_early_still_debriefs(scripted):
    result = runner.invoke(
        app, ["roleplay", "s-ask-for-a-lift", "--json"], input="\nI need a lift\n"
    )
    data = json.loads(result.output)
    assert data["ending"] == "stopped" and len(data["turns"]) == 1


def test_unknown_scenario_exits_2_and_lists_known_ones(scripted):
    result = runner.invoke(app, ["roleplay", "s-nope"], input="")
    assert result.exit_code == 2
    assert "s-ask-for-a-lift" in result.output


def test_roleplay_reads_replies_with_the_real_statement_coach():
    lines = (
        "I'm not able to work this Saturday; I need the weekend to rest.\n"
        "You always dump this on me at the last minute.\n"
        "Could you ask Tom to cover Saturday this time?\n"
        "I need to keep my weekends free from now on.\n"
        "I need to keep my weekends free, as I said.\n"
    )
    result = runner.invoke(app, ["roleplay", "s-manager-weekend-work", "--json"], input=lines)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    styles = [t["style"] for t in data["turns"]]
    assert styles[:3] == ["clear", "blaming", "request"]
    assert [t["response"] for t in data["turns"][:3]] == ["test", "defend", "answer"]
    assert data["adjust"].startswith("In turn 2")


def test_the_statement_coach_analysis_satisfies_the_engine_protocol_directly():
    from interplay.core.roleplay import ReplyStyle, reply, start
    from interplay.core.scenarios import scenario_by_id
    from interplay.language.statements import analyze_statement

    text = "You never think about anyone but yourself."
    state = reply(start(scenario_by_id("s-sibling-money")), text, analyze_statement(text))
    assert state.turns[0].style is ReplyStyle.BLAMING
