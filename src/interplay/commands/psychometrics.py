"""`interplay psychometrics`: how reliable each scale is, from a CSV of answers.

The CSV has a header row of item ids (an optional first column `respondent` is kept only to
name rows in messages), one row per answer set, answers 1-5 and empty cells for skipped
items. Answers are reverse-keyed with the instrument before any statistic is computed.
"""

from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from interplay.core import instrument
from interplay.core.content_files import ContentError
from interplay.core.instrument import ANSWER_MAX, ANSWER_MIN, Item
from interplay.core.vocabulary import Scale

if TYPE_CHECKING:
    from interplay.core.psychometrics import ScaleReliability

RESPONDENT_COLUMN = "respondent"
MAX_PROBLEMS_SHOWN = 10
INPUT_ERROR = 2


class AnswerFileError(ValueError):
    """The answers file cannot be read as answers; the message lists every problem found."""


@dataclass(frozen=True)
class AnswerTable:
    item_ids: tuple[str, ...]
    rows: list[list[float]]  # keyed answers, NaN where skipped


def _row_label(line: int, respondent: str | None) -> str:
    return f"row {line}" + (f" (respondent {respondent!r})" if respondent else "")


def read_answer_table(path: Path, items: dict[str, Item]) -> AnswerTable:
    """Read and check the whole file, then reverse-key the answers. Every problem is
    collected so one run shows them all, not one per attempt."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            lines = list(csv.reader(handle))
    except FileNotFoundError:
        raise AnswerFileError(f"{path}: file not found") from None
    except (UnicodeDecodeError, csv.Error) as error:
        raise AnswerFileError(f"{path}: not a readable CSV file ({error})") from None
    numbered = [(number, row) for number, row in enumerate(lines, start=1) if any(row)]
    if not numbered:
        raise AnswerFileError(f"{path}: the file is empty (expected a header row of item ids)")
    header_line, header = numbered[0]
    header = [cell.strip() for cell in header]
    has_respondent = header[0].lower() == RESPONDENT_COLUMN
    item_ids = header[1:] if has_respondent else header
    offset = 1 if has_respondent else 0
    problems: list[str] = []
    for position, item_id in enumerate(item_ids, start=1 + offset):
        if not item_id:
            problems.append(f"header, column {position}: empty item id")
        elif item_id not in items:
            problems.append(
                f"header, column {position}: {item_id!r} is not an item of the instrument"
            )
        elif item_ids.index(item_id) != position - 1 - offset:
            problems.append(f"header, column {position}: {item_id!r} appears twice")
    if not item_ids:
        problems.append("header: no item columns")
    if problems:
        raise AnswerFileError(_summarise(path, problems))

    rows: list[list[float]] = []
    for line, row in numbered[1:]:
        respondent = row[0].strip() if has_respondent and row else None
        label = _row_label(line, respondent)
        cells = row[offset:]
        if len(cells) != len(item_ids):
            problems.append(f"{label}: {len(cells)} answers for {len(item_ids)} items")
            continue
        keyed: list[float] = []
        for item_id, cell in zip(item_ids, cells, strict=True):
            value = cell.strip()
            if not value:
                keyed.append(math.nan)
                continue
            answer = _parse_answer(value)
            if answer is None:
                problems.append(
                    f"{label}, column {item_id!r}: {value!r} is not an answer from "
                    f"{ANSWER_MIN} to {ANSWER_MAX}"
                )
                keyed.append(math.nan)
                continue
            keyed.append(float(items[item_id].keyed(answer)))
        rows.append(keyed)
    if problems:
        raise AnswerFileError(_summarise(path, problems))
    if not rows:
        raise AnswerFileError(f"{path}: no answer rows after the header")
    return AnswerTable(tuple(item_ids), rows)


def _parse_answer(value: str) -> int | None:
    try:
        number = float(value)
    except ValueError:
        return None
    # Spreadsheets sometimes write 4 as "4.0"; anything else is not an answer.
    if not number.is_integer() or not ANSWER_MIN <= number <= ANSWER_MAX:
        return None
    return int(number)


def _summarise(path: Path, problems: list[str]) -> str:
    shown = [f"  {problem}" for problem in problems[:MAX_PROBLEMS_SHOWN]]
    hidden = len(problems) - MAX_PROBLEMS_SHOWN
    if hidden > 0:
        shown.append(f"  ... and {hidden} more")
    noun = "problem" if len(problems) == 1 else "problems"
    return f"{path}: {len(problems)} {noun}; nothing was computed.\n" + "\n".join(shown)


def scales_in_table(table: AnswerTable, items: tuple[Item, ...]) -> dict[str, list[str]]:
    """Each scale with the items the file answers, in the instrument's order."""
    present = set(table.item_ids)
    grouped: dict[str, list[str]] = {}
    for scale in Scale:
        ids = [item.id for item in items if item.scale is scale and item.id in present]
        if ids:
            grouped[scale.value] = ids
    return grouped


def _figure(value: float, digits: int = 2) -> str:
    return "–" if math.isnan(value) else f"{value:.{digits}f}"


def _print_tables(rows: list[ScaleReliability], reversed_ids: list[str], people: int) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    summary = Table(title=f"Reliability by scale ({people} answer sets)")
    interval_heading = f"{rows[0].ci_level:.0%} CI" if rows else "CI"
    for heading in ("Scale", "Items", "People", "Alpha", interval_heading, "Omega", "Note"):
        summary.add_column(heading, justify="left" if heading in ("Scale", "Note") else "right")
    for row in rows:
        interval = f"{_figure(row.alpha_ci[0])} to {_figure(row.alpha_ci[1])}"
        summary.add_row(
            row.scale, str(row.n_items), str(row.n_respondents), _figure(row.alpha),
            interval if not math.isnan(row.alpha_ci[0]) else "–", _figure(row.omega), row.note,
        )  # fmt: skip
    console.print(summary)
    for row in rows:
        if row.n_items < 2:
            continue
        detail = Table(title=f"{row.scale}: items")
        for heading in ("Item", "Answered", "Item-total r", "Alpha if deleted", "Loading"):
            detail.add_column(heading, justify="left" if heading == "Item" else "right")
        for item in row.items:
            # An item that lifts alpha when dropped, or barely tracks the rest, needs a look.
            weak = item.corrected_item_total < 0.3 or item.alpha_if_deleted > row.alpha
            marker = " (check)" if weak and not math.isnan(row.alpha) else ""
            detail.add_row(
                item.item_id + marker, str(item.answered), _figure(item.corrected_item_total),
                _figure(item.alpha_if_deleted), _figure(item.loading),
            )  # fmt: skip
        console.print(detail)
    if reversed_ids:
        console.print(f"Reverse-keyed before scoring: {', '.join(reversed_ids)}")


def psychometrics(
    answers: Annotated[
        Path, typer.Argument(help="CSV of answers: a header of item ids, one row per answer set.")
    ],
    missing: Annotated[
        str, typer.Option(help="How to treat skipped answers: pairwise or listwise.")
    ] = "pairwise",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    items_file: Annotated[
        Path | None,
        typer.Option(
            "--items",
            help="Read the items from this TOML file (the format of the shipped items.toml) "
            "instead of the instrument.",
        ),
    ] = None,
    level: Annotated[float, typer.Option(help="Confidence level of the alpha interval.")] = 0.95,
) -> None:
    """How reliable each scale is: alpha with its interval, omega, and item statistics."""
    from interplay.core.psychometrics import MISSING_POLICIES, reliability_table

    if missing not in MISSING_POLICIES:
        typer.echo(f"--missing must be pairwise or listwise (got {missing!r})", err=True)
        raise typer.Exit(INPUT_ERROR)
    if not 0 < level < 1:
        typer.echo(f"--level must lie between 0 and 1 (got {level})", err=True)
        raise typer.Exit(INPUT_ERROR)
    try:
        items = instrument.load_items(items_file) if items_file else instrument.instrument_items()
        table = read_answer_table(answers, {item.id: item for item in items})
    except (ContentError, AnswerFileError) as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(INPUT_ERROR) from None
    scales = scales_in_table(table, items)
    rows = reliability_table(table.rows, table.item_ids, scales, missing=missing, level=level)
    reversed_ids = [item.id for item in items if item.reverse and item.id in table.item_ids]
    if as_json:
        document = {
            "file": str(answers),
            "answer_sets": len(table.rows),
            "missing": missing,
            "reverse_keyed": reversed_ids,
            "scales": [row.to_dict() for row in rows],
        }
        typer.echo(json.dumps(document, indent=2))
        return
    _print_tables(rows, reversed_ids, len(table.rows))


def register(app: typer.Typer) -> None:
    app.command(name="psychometrics")(psychometrics)
