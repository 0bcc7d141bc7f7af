"""`interplay scenarios` and `interplay roleplay`: rehearse a boundary in the terminal.

`roleplay` reads one reply per line from standard input, so it works at the keyboard and in a
script (`printf 'line one\\nline two\\n' | interplay roleplay s-ask-for-a-lift`). Each reply is
read by the statement coach; the scripted counterpart answers, and the run ends with a
debrief. The statement coach is imported only when a role-play starts, keeping `--help` fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Annotated

import typer

from interplay.core.content_files import ContentError
from interplay.core.roleplay import (
    Debrief,
    ReplyAnalysis,
    RunState,
    debrief,
    reply,
    start,
    stop,
)
from interplay.core.scenarios import Scenario, scenario_library, scenario_to_dict

Analyser = Callable[[str], ReplyAnalysis]


def load_analyser() -> Analyser:
    """The statement coach, adapted to the engine's seven signals."""
    from interplay.commands.engine import language_engines

    coach = language_engines().statements

    def analyse(text: str) -> ReplyAnalysis:
        return ReplyAnalysis.from_mapping(coach.analyse(text).to_dict())

    return analyse


def _library() -> tuple[Scenario, ...]:
    try:
        return scenario_library()
    except ContentError as error:
        typer.echo(f"Content error: {error}", err=True)
        raise typer.Exit(1) from None


def scenarios(
    as_json: Annotated[
        bool, typer.Option("--json", help="Print every scenario with all its fields as JSON.")
    ] = False,
) -> None:
    """List the role-play scenarios."""
    library = _library()
    if as_json:
        typer.echo(json.dumps([scenario_to_dict(s) for s in library], indent=2, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Role-play scenarios ({len(library)})")
    table.add_column("Id", no_wrap=True, style="cyan")
    for column in ("Title", "Direction", "Stakes", "With"):
        table.add_column(column, overflow="fold")
    for s in library:
        table.add_row(s.id, s.title, s.direction.value, s.stakes.value, s.counterpart.relationship)
    Console().print(table)


def _show_debrief(result: Debrief) -> None:
    typer.echo("\n--- Debrief ---")
    for note in result.notes:
        typer.echo(note)
    for turn in result.turns:
        signals = [name for name, on in turn.analysis.to_dict().items() if on]
        typer.echo(
            f"Turn {turn.number} ({turn.style.value}): {turn.reply}\n"
            f"    read as: {', '.join(signals) or 'none of the signals'}"
        )
    typer.echo("\nWhat worked:")
    for point in result.what_worked:
        typer.echo(f"  - {point}")
    typer.echo(f"\nOne thing to adjust: {result.adjust}")
    draft = result.experiment_draft
    typer.echo(
        "\nTurn this into an experiment:\n"
        f"  {draft.title} ({draft.technique.value}, {draft.direction.value}, "
        f"{draft.stakes.value} stakes)\n"
        f"  With: {draft.who_with}\n"
        f"  What I fear: {draft.feared_outcome}"
    )
    if draft.statement_draft:
        typer.echo(f"  Your best line: {draft.statement_draft}")
    typer.echo("  Still to choose: when, and how anxious you expect to feel (0 to 10).")


def roleplay(
    scenario_id: Annotated[
        str, typer.Argument(help="The scenario's id (see `interplay scenarios`).")
    ],
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Print only the debrief, as JSON, when the run ends."),
    ] = False,
) -> None:
    """Rehearse a scenario: one reply per line on standard input, then a debrief."""
    chosen = {s.id: s for s in _library()}.get(scenario_id)
    if chosen is None:
        known = ", ".join(s.id for s in _library())
        typer.echo(f"Error: no scenario {scenario_id!r}. Known scenarios: {known}", err=True)
        raise typer.Exit(2)
    from interplay.web.env import ConfigError

    try:
        analyse = load_analyser()
    except ConfigError as error:
        typer.echo(f"Error: {error}", err=True)
        raise typer.Exit(2) from None
    except ImportError:
        typer.echo(
            "Error: the statement coach (interplay.language.statements) is missing.", err=True
        )
        raise typer.Exit(1) from None
    say = (lambda _text: None) if as_json else typer.echo
    counterpart = chosen.counterpart
    say(f"{chosen.title}\n{chosen.situation}\n")
    say(f"{counterpart.name} ({counterpart.relationship}): {chosen.opening}")
    state: RunState = start(chosen)
    echo_replies = not sys.stdin.isatty()
    while not state.finished:
        if not as_json:
            typer.echo("You: ", nl=False)
        line = sys.stdin.readline()
        if not line:
            state = stop(state)
            break
        text = line.strip()
        if echo_replies:
            say(text)
        if not text:
            continue
        state = reply(state, text, analyse(text))
        say(f"{counterpart.name}: {state.turns[-1].line}")
    result = debrief(state)
    if as_json:
        typer.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        _show_debrief(result)


def register(app: typer.Typer) -> None:
    app.command("scenarios")(scenarios)
    app.command("roleplay")(roleplay)
