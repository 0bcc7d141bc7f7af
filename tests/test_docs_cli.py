"""Keep the docs honest: every command of the CLI, and every option it takes, is documented."""

import re
from pathlib import Path

import click
import pytest
import typer

from interplay.cli import app

DOCS = "\n".join(path.read_text(encoding="utf-8") for path in Path("docs").glob("*.md"))


def _commands(group: click.Group, prefix: str) -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        found.append((path, command))
        if isinstance(command, click.Group):
            found.extend(_commands(command, path))
    return found


COMMANDS = _commands(typer.main.get_command(app), "interplay")


def test_the_cli_has_commands_to_document():
    assert len(COMMANDS) >= 10


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[path for path, _ in COMMANDS])
def test_every_command_and_option_is_documented(path, command):
    mentioned = re.search(rf"(?<![\w-]){re.escape(path)}(?![\w-])", DOCS)
    assert mentioned, f"{path} is not documented in docs/"
    for parameter in command.params:
        for option in getattr(parameter, "opts", []):
            if option.startswith("--") and option != "--help":
                assert option in DOCS, f"{path}: option {option} is not documented in docs/"
