"""Keep docs/content.md and docs/method.md honest: every content field and CLI option is
documented, and every question or experiment id the docs name really exists."""

import re
from pathlib import Path

import pytest
import typer

from interplay.cli import app
from interplay.core import experiments, questions
from interplay.core.experiments import experiment_library
from interplay.core.questions import question_bank
from interplay.core.vocabulary import (
    Barrier,
    BoundaryStyle,
    Direction,
    Focus,
    Pattern,
    Risk,
    SessionPhase,
    Stage,
    Technique,
)

DOCS = Path(__file__).resolve().parents[1] / "docs"
CONTENT_DOC = (DOCS / "content.md").read_text(encoding="utf-8")
METHOD_DOC = (DOCS / "method.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "field", [*questions.FIELDS, *experiments.FIELDS], ids=lambda field: field.name
)
def test_every_content_field_is_documented(field):
    assert f"`{field.name}`" in CONTENT_DOC


@pytest.mark.parametrize("command", ["questions", "experiments"])
def test_every_content_command_option_is_documented(command):
    click_command = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
    for parameter in click_command.params:
        for option in parameter.opts:
            if option != "--help":
                assert f"`{option}`" in CONTENT_DOC, option


def test_ids_named_in_the_docs_exist():
    known = {q.id for q in question_bank()} | {x.id for x in experiment_library()}
    named = set(re.findall(r"`([qx]-[a-z0-9-]+)`", METHOD_DOC + CONTENT_DOC))
    assert named, "the docs name no ids: the pattern above is out of date"
    assert sorted(named - known) == []


@pytest.mark.parametrize(
    "enum",
    [Barrier, BoundaryStyle, Direction, Focus, Pattern, Risk, SessionPhase, Stage, Technique],
    ids=lambda enum: enum.__name__,
)
def test_method_doc_names_every_member_of_the_method_vocabulary(enum):
    def named(member):
        spellings = (f"{enum.__name__}.{member.name}", f"`{member.name}`", f"`{member.value}`")
        return any(spelling in METHOD_DOC for spelling in spellings)

    assert [member.name for member in enum if not named(member)] == []
