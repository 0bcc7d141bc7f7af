"""Keep docs/practice.md honest: every command option, scenario field, response tag,
recommendation kind and named scenario id is documented and real."""

import re
from pathlib import Path

import pytest
import typer

from interplay.cli import app
from interplay.core import scenarios, values
from interplay.core.scenarios import Response, scenario_library
from interplay.core.values import value_list
from interplay.core.vocabulary import RecommendationKind

DOC = (Path(__file__).resolve().parents[1] / "docs" / "practice.md").read_text(encoding="utf-8")


def command(path):
    group = typer.main.get_command(app)
    for name in path:
        group = group.commands[name]  # type: ignore[attr-defined]
    return group


@pytest.mark.parametrize("path", [["scenarios"], ["roleplay"], ["relationships", "recommend"]])
def test_every_practice_command_and_option_is_documented(path):
    assert f"`interplay {' '.join(path)}" in DOC
    for parameter in command(path).params:
        for option in parameter.opts:
            if option.startswith("--") and option != "--help":
                assert f"`{option}`" in DOC, option


@pytest.mark.parametrize("field", [*scenarios.FIELDS, *values.FIELDS], ids=lambda f: f.name)
def test_every_content_field_is_documented(field):
    assert f"`{field.name}`" in DOC


@pytest.mark.parametrize("member", [*Response, *RecommendationKind], ids=str)
def test_every_response_tag_and_recommendation_kind_is_documented(member):
    assert f"`{member.value}`" in DOC


def test_scenario_ids_named_in_the_doc_exist_and_counts_are_right():
    named = set(re.findall(r"`?(s-[a-z0-9]+(?:-[a-z0-9]+)+)", DOC))
    assert named
    assert named <= {s.id for s in scenario_library()}
    assert f"ships {len(scenario_library())} scenarios" in DOC
    assert f"holds {len(value_list())} values" in DOC
