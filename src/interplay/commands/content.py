"""`interplay questions` and `interplay experiments`: read the method's content from the
command line, as a table for people or as JSON for other tools.

Filters take the vocabulary's values (`--phase emotional_roots`), so a mistyped value is
refused by the option parser with the list of allowed values and exit status 2, the same
rule the content files follow.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict
from enum import Enum
from typing import Annotated, Any, TypeVar

import typer

from interplay.core.content_files import ContentError
from interplay.core.experiments import Experiment, experiment_library
from interplay.core.questions import Question, question_bank
from interplay.core.vocabulary import Direction, Scale, SessionPhase, Stakes, Technique

T = TypeVar("T")

JSON_HELP = "Print a JSON list of every matching entry with all its fields."


def as_json(entries: Sequence[Question] | Sequence[Experiment]) -> str:
    """Every field of every entry, with enums as their string values and tuples as lists."""

    def plain(value: Any) -> Any:
        if isinstance(value, Enum):
            return value.value
        if isinstance(value, list | tuple):
            return [plain(item) for item in value]
        return value

    rows = [{key: plain(value) for key, value in asdict(entry).items()} for entry in entries]
    return json.dumps(rows, indent=2, ensure_ascii=False)


def joined(values: Iterable[Enum]) -> str:
    return ", ".join(str(value.value) for value in values)


def filter_questions(
    questions: Iterable[Question], phase: SessionPhase | None, scale: Scale | None
) -> list[Question]:
    return [
        question
        for question in questions
        if (phase is None or phase in question.phases)
        and (scale is None or scale in question.scales)
    ]


def filter_experiments(
    experiments: Iterable[Experiment],
    direction: Direction | None,
    stakes: Stakes | None,
    technique: Technique | None,
) -> list[Experiment]:
    return [
        experiment
        for experiment in experiments
        if (direction is None or experiment.direction is direction)
        and (stakes is None or experiment.stakes is stakes)
        and (technique is None or experiment.technique is technique)
    ]


def load_or_exit(load: Callable[[], T]) -> T:
    """Load shipped content; a broken file is reported in one line, not a traceback."""
    try:
        return load()
    except ContentError as error:
        typer.echo(f"Content error: {error}", err=True)
        raise typer.Exit(1) from None


def show_questions(questions: Sequence[Question]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"Coaching questions ({len(questions)})", show_lines=True)
    table.add_column("Question", ratio=2)
    table.add_column("Tags", ratio=1, overflow="fold")
    for question in questions:
        notes = []
        if question.from_article:
            notes.append("from the article")
        if not question.journal_prompt:
            notes.append("live session only")
        heading = Text(question.id, style="bold cyan")
        if notes:
            heading.append(f"  ({'; '.join(notes)})", style="italic")
        tags = [
            f"phases: {joined(question.phases)}",
            f"scales: {joined(question.scales)}" if question.scales else "",
            f"stages: {joined(question.stages)}" if question.stages else "",
            f"barriers: {joined(question.barriers)}" if question.barriers else "",
            f"focus: {joined(question.focus)}" if question.focus else "",
        ]
        table.add_row(
            Text.assemble(heading, "\n", question.text),
            Text("\n".join(tag for tag in tags if tag), style="dim"),
        )
    Console().print(table)


def show_experiments(experiments: Sequence[Experiment]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"Boundary experiments ({len(experiments)})", show_lines=True)
    table.add_column("Experiment", ratio=2)
    table.add_column("Tags", ratio=1, overflow="fold")
    for experiment in experiments:
        heading = Text(experiment.id, style="bold cyan")
        heading.append(f"\n{experiment.title}", style="bold")
        tags = (
            f"technique: {experiment.technique.value}\n"
            f"direction: {experiment.direction.value}\n"
            f"stakes: {experiment.stakes.value}\n"
            f"scales: {joined(experiment.scales)}"
        )
        table.add_row(Text.assemble(heading, "\n", experiment.text), Text(tags, style="dim"))
    Console().print(table)


def questions(
    as_json_output: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
    phase: Annotated[
        SessionPhase | None,
        typer.Option(help="Only questions for this session phase.", show_default=False),
    ] = None,
    scale: Annotated[
        Scale | None,
        typer.Option(help="Only questions tagged with this scale.", show_default=False),
    ] = None,
) -> None:
    """List the coaching question bank."""
    chosen = filter_questions(load_or_exit(question_bank), phase, scale)
    if as_json_output:
        typer.echo(as_json(chosen))
    elif chosen:
        show_questions(chosen)
    else:
        typer.echo("No questions match these filters.")


def experiments(
    as_json_output: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
    direction: Annotated[
        Direction | None,
        typer.Option(help="Only experiments moving this way.", show_default=False),
    ] = None,
    stakes: Annotated[
        Stakes | None,
        typer.Option(help="Only experiments at these stakes.", show_default=False),
    ] = None,
    technique: Annotated[
        Technique | None,
        typer.Option(help="Only experiments using this technique.", show_default=False),
    ] = None,
) -> None:
    """List the boundary experiment library."""
    chosen = filter_experiments(load_or_exit(experiment_library), direction, stakes, technique)
    if as_json_output:
        typer.echo(as_json(chosen))
    elif chosen:
        show_experiments(chosen)
    else:
        typer.echo("No experiments match these filters.")


def register(app: typer.Typer) -> None:
    app.command("questions")(questions)
    app.command("experiments")(experiments)
