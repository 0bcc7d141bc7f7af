"""docs/instrument.md stays honest: every item and every CLI option of the assessment
commands is in it."""

from pathlib import Path

import typer

from interplay.cli import app
from interplay.core.instrument import instrument_items

DOC = (Path(__file__).parents[1] / "docs" / "instrument.md").read_text()


def test_every_item_is_documented_with_its_text():
    for item in instrument_items():
        assert f"`{item.id}` | {item.text}" in DOC, item.id


def test_every_assessment_command_option_is_documented():
    command = typer.main.get_command(app)
    for name in ("items", "score", "assess"):
        assert f"interplay {name}" in DOC
        for param in command.commands[name].params:  # type: ignore[attr-defined]
            for option in param.opts + param.secondary_opts:
                if option.startswith("--"):
                    assert option in DOC, f"{name} {option}"
