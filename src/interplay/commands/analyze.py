"""`interplay analyze`: run the language analyses over JSON lines, or one statement readably.

`interplay analyze statements|themes|safety [FILE]` reads `{"text": ...}` per line from FILE
(or standard input) and writes one JSON line per input line, in order. A line that cannot be
read gets `{"line": N, "error": "..."}` and the run goes on; the exit status is 1 if any line
failed. `interplay analyze statement "text"` shows one statement coach analysis with its
evidence highlighted.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from interplay.commands import safe_json

# One analysis: text in, an object with `.to_dict()` out.
Analyse = Callable[[str], Any]

# A line longer than this is refused with a message rather than analysed: journal entries and
# messages are far shorter, and reading a 10 MB paste would hold hundreds of MB of tokens.
MAX_LINE_CHARS = 1_000_000
_CHUNK = 1 << 16


def _reader(mode: str) -> Callable[[], Analyse]:
    def load() -> Analyse:
        from interplay.commands.engine import language_engines

        chosen = language_engines()
        readers = {
            "statements": chosen.statements,
            "themes": chosen.themes,
            "safety": chosen.safety,
        }
        return readers[mode].analyse

    return load


# Mode name -> a loader for its analyse function, through the engine interface (the engine
# INTERPLAY_LANGUAGE_ENGINE names). Loading lazily keeps each mode's imports (and any failure
# in them) to the runs that use it.
MODES: dict[str, Callable[[], Analyse]] = {
    mode: _reader(mode) for mode in ("statements", "themes", "safety")
}

FILE_ARGUMENT = typer.Argument(
    help='JSON lines file, one {"text": ...} per line (default: standard input).',
    exists=True,
    dir_okay=False,
    readable=True,
)

LABEL_STYLES = {
    "i_statement": "bold green",
    "blame": "bold red",
    "feeling": "bold magenta",
    "need": "bold cyan",
    "request": "bold blue",
    "absolute": "bold yellow",
    "hedge_apology": "italic dark_orange",
}


@dataclass(frozen=True)
class TooLong:
    """A line that went past MAX_LINE_CHARS; holds only its length, not its text."""

    length: int
    limit: int


def bounded_lines(source: TextIO, limit: int = MAX_LINE_CHARS) -> Iterator[str | TooLong]:
    """The lines of `source`, each read in bounded pieces: a line longer than `limit` is
    skipped to its end without being kept, and yielded as a `TooLong` marker."""
    while True:
        line = source.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith("\n"):
            yield line
            continue
        length = len(line)
        while True:
            rest = source.readline(_CHUNK)
            length += len(rest)
            if not rest or rest.endswith("\n"):
                break
        yield TooLong(length, limit)


def analyse_lines(
    lines: Iterable[str | TooLong], analyse: Analyse
) -> Iterator[tuple[dict[str, Any], bool]]:
    """One result per input line, in order: (result, ok). Blank lines are reported as errors too,
    so output line N always answers input line N."""
    for number, line in enumerate(lines, start=1):
        if isinstance(line, TooLong):
            yield (
                {
                    "line": number,
                    "error": f"line is {line.length:,} characters long; the limit is "
                    f"{line.limit:,} (split the text into entries)",
                },
                False,
            )
            continue
        try:
            record = safe_json.loads(line)
        except json.JSONDecodeError as error:
            yield {"line": number, "error": f"not valid JSON: {error.msg}"}, False
            continue
        if not isinstance(record, dict):
            yield {"line": number, "error": 'expected a JSON object with a "text" field'}, False
            continue
        if "text" not in record:
            yield {"line": number, "error": 'missing "text"'}, False
            continue
        text = record["text"]
        if not isinstance(text, str):
            kind = type(text).__name__
            yield {"line": number, "error": f'"text" must be a string, not {kind}'}, False
            continue
        try:
            result = analyse(text).to_dict()
        except Exception as error:  # noqa: BLE001 - one bad line must not stop the run
            yield {"line": number, "error": f"analysis failed: {error}"}, False
            continue
        yield result, True


def run_jsonl(mode: str, source: TextIO, out: TextIO, total: int | None = None) -> int:
    """Stream `source` through the analysis for `mode`; returns the exit status. On a terminal
    a progress bar on standard error shows how far it is (`total` lines, when known)."""
    analyse = MODES[mode]()
    failed = False
    results = analyse_lines(bounded_lines(source), analyse)
    progress = None
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import Progress

        progress = Progress(console=Console(stderr=True), transient=True)
        progress.start()
        task = progress.add_task(f"{mode}", total=total)
    try:
        for result, ok in results:
            failed = failed or not ok
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
            out.flush()
            if progress is not None:
                progress.advance(task)
    finally:
        if progress is not None:
            progress.stop()
    return 1 if failed else 0


def count_lines(path: Path) -> int:
    with open(path, "rb") as handle:
        return sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b""))


def _render_statement(text: str) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    from interplay.commands.engine import language_engines
    from interplay.language.engine import STATEMENT_FIELDS as FIELDS

    analysis = language_engines().statements.analyse(text)
    console = Console()
    highlighted = Text(text)
    for span in analysis.spans:
        highlighted.stylize(LABEL_STYLES.get(span.label, "bold"), span.start, span.end)
    console.print(highlighted)
    console.print()
    table = Table(show_header=True, header_style="bold")
    table.add_column("Finding")
    table.add_column("")
    table.add_column("Evidence")
    for name in FIELDS:
        quoted = [text[s.start : s.end] for s in analysis.spans if s.label == name]
        evidence = [f"\u201c{q}\u201d" for q in quoted]
        mark = "yes" if getattr(analysis, name) else "no"
        table.add_row(Text(name, style=LABEL_STYLES[name]), mark, ", ".join(evidence[:3]))
    console.print(table)
    # The rewrite's blanks are in square brackets, which Rich would read as markup: escape.
    console.print(f"[bold]Suggestion:[/bold] {escape(analysis.suggestion)}")
    console.print(f"[bold]Try:[/bold] {escape(analysis.rewrite)}")


def register(app: typer.Typer) -> None:
    analyze_app = typer.Typer(
        help="Run the language analyses (statement coach, journal themes, safety screen).",
        no_args_is_help=True,
    )

    def _jsonl_command(mode: str) -> Callable[[Path | None], None]:
        def command(
            file: Annotated[Path | None, FILE_ARGUMENT] = None,
        ) -> None:
            from interplay.web.env import ConfigError

            try:
                MODES[mode]()
            except ConfigError as error:
                typer.echo(f"Error: {error}", err=True)
                raise typer.Exit(2) from error
            except ModuleNotFoundError as error:
                if not (error.name or "").startswith("interplay.language"):
                    raise
                typer.echo(f"The {mode} analysis is not available here ({error.name}).", err=True)
                raise typer.Exit(2) from error
            if file is None:
                status = run_jsonl(mode, sys.stdin, sys.stdout)
            else:
                total = count_lines(file) if sys.stderr.isatty() else None
                with open(file, encoding="utf-8") as handle:
                    status = run_jsonl(mode, handle, sys.stdout, total)
            raise typer.Exit(status)

        return command

    helps = {
        "statements": "Statement coach on each line: seven findings, spans, suggestion, rewrite.",
        "themes": "Journal themes on each line, each with its evidence spans.",
        "safety": "Safety screen on each line: risk and the words behind it.",
    }
    for mode in MODES:
        analyze_app.command(name=mode, help=helps[mode])(_jsonl_command(mode))

    @analyze_app.command(name="statement")
    def statement(
        text: Annotated[str, typer.Argument(help="The statement to analyse.")],
    ) -> None:
        """Show one statement coach analysis, with the evidence highlighted by finding."""
        from interplay.web.env import ConfigError

        try:
            _render_statement(text)
        except ConfigError as error:
            typer.echo(f"Error: {error}", err=True)
            raise typer.Exit(2) from error

    app.add_typer(analyze_app, name="analyze")
