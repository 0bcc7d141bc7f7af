"""`interplay items`, `interplay score` and `interplay assess`: the self-assessment in a terminal.

`assess` saves progress after every answer (atomically, so an interruption at any moment loses
at most the answer being typed) and resumes by default. See docs/instrument.md, "Command line".
"""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from interplay.commands import safe_json
from interplay.commands.profile_view import render_profile
from interplay.core.instrument import instrument_items, instrument_version
from interplay.core.profile import AnswerError, build_profile
from interplay.core.scoring import validate_answers

STATE_NAME = "assessment-progress.json"
SCALE_HINT = "1 strongly disagree · 2 disagree · 3 neither · 4 agree · 5 strongly agree"


def interplay_home() -> Path:
    """Where the CLI keeps its files: $INTERPLAY_HOME, or ~/.interplay."""
    configured = os.environ.get("INTERPLAY_HOME")
    return Path(configured).expanduser() if configured else Path.home() / ".interplay"


def _fail(message: str, status: int = 2) -> typer.Exit:
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(status)


def items_command(
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the items as a JSON list.")
    ] = False,
) -> None:
    """List the self-assessment items."""
    items = instrument_items()
    if as_json:
        rows = [
            {
                "id": item.id,
                "text": item.text,
                "scale": item.scale.value,
                "reverse": item.reverse,
                "pulse": item.pulse,
            }
            for item in items
        ]
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = Table(title=f"Interplay self-assessment, version {instrument_version()}")
    for column in ("id", "scale", "reverse", "pulse", "text"):
        table.add_column(column)
    for item in items:
        table.add_row(
            item.id,
            item.scale.value,
            "yes" if item.reverse else "",
            "yes" if item.pulse else "",
            item.text,
        )
    Console().print(table)


def _read_answers(source: str) -> dict[str, Any]:
    try:
        raw = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as error:
        raise _fail(f"cannot read {source}: {error.strerror or error}") from None
    try:
        document = safe_json.loads(raw)
    except json.JSONDecodeError as error:
        where = "standard input" if source == "-" else source
        raise _fail(f"{where} is not valid JSON (line {error.lineno}: {error.msg})") from None
    if not isinstance(document, dict) or not isinstance(document.get("answers"), dict):
        raise _fail('expected a JSON object of the form {"answers": {"item id": 1..5, ...}}')
    answers: dict[str, Any] = document["answers"]
    return answers


def score_command(
    source: Annotated[str, typer.Argument(metavar="FILE", help='JSON file, or "-" for stdin.')],
) -> None:
    """Score answers ({"answers": {...}}) and print the profile as JSON."""
    answers = _read_answers(source)
    try:
        profile = build_profile(answers)
    except AnswerError as error:
        raise _fail(str(error)) from None
    typer.echo(json.dumps(profile.to_dict(), indent=2, ensure_ascii=False))


def _load_state(path: Path) -> dict[str, Any]:
    try:
        state = safe_json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(state, dict) or not isinstance(state.get("answers"), dict):
            raise ValueError("no answers in it")
        skipped = state.get("skipped", [])
        if not isinstance(skipped, list):
            raise ValueError("'skipped' is not a list")
        if state["answers"]:
            validate_answers(state["answers"])
    except (OSError, ValueError) as error:
        # The file is left as it is: nothing the person typed is thrown away.
        raise _fail(
            f"cannot resume from {path}: {error}. Fix or move the file, or run with --restart."
        ) from None
    return state


def _save_state(path: Path, state: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(state, indent=2), encoding="utf-8")
    os.replace(temporary, path)


def _ask(console: Console, number: int, total: int, text: str) -> str:
    console.print(f"\n[dim]{number} of {total}[/dim]  [bold]{text}[/bold]")
    while True:
        reply = str(
            typer.prompt("1-5, s to skip, b to go back, q to save and stop", prompt_suffix=" > ")
        )
        reply = reply.strip().lower()
        if reply in {"1", "2", "3", "4", "5", "s", "b", "q"}:
            return reply
        console.print(
            f"[yellow]Please type a number from 1 to 5 ({SCALE_HINT}), or s, b or q.[/yellow]"
        )


def assess_command(
    resume: Annotated[
        bool,
        typer.Option("--resume/--restart", help="Carry on from saved progress, or start again."),
    ] = True,
    out: Annotated[
        Path | None,
        typer.Option(help="Where to save the profile JSON (default: a dated file in home)."),
    ] = None,
    state_path: Annotated[
        Path | None,
        typer.Option("--state", help=f"Progress file (default: $INTERPLAY_HOME/{STATE_NAME})."),
    ] = None,
) -> None:
    """Take the self-assessment one statement at a time; progress is saved after each answer."""
    console = Console()
    state_file = state_path or interplay_home() / STATE_NAME
    if resume and state_file.exists():
        state = _load_state(state_file)
        if state["answers"] or state.get("skipped"):
            console.print(f"Carrying on from where you left off ({state_file}).")
    else:
        state = {"instrument_version": instrument_version(), "answers": {}, "skipped": []}
    items = instrument_items()
    console.print(
        "For each statement, say how far you agree. There are no right answers; "
        f"answer as things are for you now.\n[dim]{SCALE_HINT}[/dim]"
    )
    state.setdefault("skipped", [])
    # Items are always asked in order, so everything before the first open item is done, and
    # going back means reopening the item just before it.
    while True:
        done = set(state["answers"]) | set(state["skipped"])
        position = next((i for i, item in enumerate(items) if item.id not in done), None)
        if position is None:
            break
        item = items[position]
        try:
            reply = _ask(console, position + 1, len(items), item.text)
        except (typer.Abort, EOFError, KeyboardInterrupt):
            reply = "q"
        if reply == "q":
            console.print(
                f"\nYour answers so far are saved in {state_file}. "
                "Run `interplay assess` to carry on."
            )
            raise typer.Exit(1)
        if reply == "b":
            if position == 0:
                console.print("[yellow]This is the first statement.[/yellow]")
                continue
            previous = items[position - 1].id
            state["answers"].pop(previous, None)
            if previous in state["skipped"]:
                state["skipped"].remove(previous)
        elif reply == "s":
            state["skipped"].append(item.id)
        else:
            state["answers"][item.id] = int(reply)
        _save_state(state_file, state)
    if not state["answers"]:
        raise _fail("no statements were answered, so there is nothing to score", 1)
    profile = build_profile(state["answers"])
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = out or interplay_home() / f"profile-{stamp}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(profile.to_dict(), indent=2, ensure_ascii=False), "utf-8")
    state_file.unlink(missing_ok=True)
    console.print()
    render_profile(profile, console)
    console.print(f"\nThe full profile, with the answers behind every finding, is in {target}")


def register(app: typer.Typer) -> None:
    app.command("items")(items_command)
    app.command("score")(score_command)
    app.command("assess")(assess_command)
