"""`interplay questions` and `interplay experiments`: tables by default, complete JSON on
request, filters that really filter, and a clear refusal of values outside the vocabulary."""

import json
from dataclasses import fields

import pytest
from typer.testing import CliRunner

from interplay.cli import app
from interplay.commands import content
from interplay.core.content_files import ContentError
from interplay.core.experiments import Experiment, experiment_library
from interplay.core.questions import Question, question_bank
from interplay.core.vocabulary import Direction, Scale, SessionPhase, Stakes, Technique

runner = CliRunner()


def run_json(*args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_questions_json_lists_every_question_with_every_field():
    rows = run_json("questions")
    assert [row["id"] for row in rows] == [q.id for q in question_bank()]
    assert all(set(row) == {f.name for f in fields(Question)} for row in rows)


def test_questions_json_gives_enums_as_their_string_values():
    (row,) = [r for r in run_json("questions") if r["id"] == "q-self-sufficiency-meaning"]
    assert row["phases"] == ["opening", "exploring"]
    assert row["stages"] == ["self_sufficiency"]
    assert row["from_article"] is True
    assert row["journal_prompt"] is True


def test_questions_filter_by_phase_and_scale_together():
    rows = run_json("questions", "--phase", "emotional_roots", "--scale", "cultural_pressure")
    expected = [
        q.id
        for q in question_bank()
        if SessionPhase.EMOTIONAL_ROOTS in q.phases and Scale.CULTURAL_PRESSURE in q.scales
    ]
    assert expected
    assert [row["id"] for row in rows] == expected


def test_questions_table_shows_ids_and_text():
    result = runner.invoke(app, ["questions", "--phase", "opening"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "q-open-why-now" in result.output
    assert "q-roots-let-down" not in result.output
    assert "from the article" in result.output


def test_experiments_json_lists_every_experiment_with_every_field():
    rows = run_json("experiments")
    assert [row["id"] for row in rows] == [x.id for x in experiment_library()]
    assert all(set(row) == {f.name for f in fields(Experiment)} for row in rows)
    (row,) = [r for r in rows if r["id"] == "x-small-no"]
    assert row["technique"] == "start_small"
    assert row["direction"] == "toward_autonomy"
    assert row["stakes"] == "low"
    assert row["scales"] == ["porous_boundaries", "confluence"]


def test_experiments_filter_by_direction_stakes_and_technique():
    rows = run_json(
        "experiments",
        "--direction",
        "toward_connection",
        "--stakes",
        "high",
        "--technique",
        "i_statement",
    )
    expected = [
        x.id
        for x in experiment_library()
        if (x.direction, x.stakes, x.technique)
        == (Direction.TOWARD_CONNECTION, Stakes.HIGH, Technique.I_STATEMENT)
    ]
    assert expected
    assert [row["id"] for row in rows] == expected


def test_experiments_table_shows_titles():
    result = runner.invoke(app, ["experiments", "--stakes", "low"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "A small no" in result.output
    assert "Help with something that matters" not in result.output


@pytest.mark.parametrize(
    ("args", "option", "value"),
    [
        (["questions", "--phase", "warm_up"], "--phase", "warm_up"),
        (["questions", "--scale", "grit"], "--scale", "grit"),
        (["experiments", "--direction", "sideways"], "--direction", "sideways"),
        (["experiments", "--stakes", "huge"], "--stakes", "huge"),
        (["experiments", "--technique", "shouting"], "--technique", "shouting"),
    ],
)
def test_bad_option_value_is_refused_with_exit_status_2(args, option, value):
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert "Invalid value" in result.output
    assert option in result.output
    assert repr(value) in result.output


def test_filters_matching_nothing_say_so():
    # Which pairs are empty depends on the content, so find one from the data itself.
    pairs = [
        (phase, scale)
        for phase in SessionPhase
        for scale in Scale
        if not any(phase in q.phases and scale in q.scales for q in question_bank())
    ]
    if not pairs:
        pytest.skip("every phase and scale pair has a question")
    phase, scale = pairs[0]
    result = runner.invoke(app, ["questions", "--phase", phase.value, "--scale", scale.value])
    assert result.exit_code == 0
    assert "No questions match" in result.output
    assert run_json("questions", "--phase", phase.value, "--scale", scale.value) == []


@pytest.mark.parametrize(
    ("command", "loader"), [("questions", "question_bank"), ("experiments", "experiment_library")]
)
def test_broken_content_file_is_reported_in_one_line(monkeypatch, command, loader):
    def broken():
        raise ContentError("questions.toml", "q-x", "field 'scales' unknown value 'grit'")

    monkeypatch.setattr(content, loader, broken)
    result = runner.invoke(app, [command])
    assert result.exit_code == 1
    assert "Content error: questions.toml, entry 'q-x': field 'scales'" in result.output
    assert "Traceback" not in result.output
