"""`interplay relationships recommend FILE`: the relationship map's recommendations as JSON.

FILE (or `-` for standard input) holds `{"people": [{"name", "kind", "give", "receive",
"leaves_me", "boundary", "trust"}]}`. A bad value stops with a message naming the person and
the field, and exit status 2, before anything is printed to standard output.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from interplay.commands import safe_json
from interplay.core.relationships import MapError, parse_map, reciprocity_summary, recommend

relationships_app = typer.Typer(
    help="The relationship map: recommendations by the method's rule.", no_args_is_help=True
)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(2)


@relationships_app.command("recommend")
def recommend_command(
    file: Annotated[
        str, typer.Argument(help="A JSON file holding the map, or - to read standard input.")
    ],
) -> None:
    """Print the map's recommendations and its reciprocity summary as JSON."""
    try:
        source = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
    except OSError as error:
        raise _fail(f"cannot read {file}: {error.strerror}") from None
    try:
        document = safe_json.loads(source)
    except json.JSONDecodeError as error:
        raise _fail(f"not valid JSON: {error}") from None
    try:
        people = parse_map(document)
    except MapError as error:
        raise _fail(str(error)) from None
    result = {
        "recommendations": [r.to_dict() for r in recommend(people)],
        "summary": reciprocity_summary(people).to_dict(),
    }
    typer.echo(json.dumps(result, indent=2, ensure_ascii=False))


def register(app: typer.Typer) -> None:
    app.add_typer(relationships_app, name="relationships")
