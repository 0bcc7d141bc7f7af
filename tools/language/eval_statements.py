"""Measure the statement coach against labelled statements.

The data set is JSON lines: `{"text": ..., "labels": {<7 booleans>}, "split": "train"|"test"}`.
The report gives, per field and per split (all, train, test), accuracy, precision, recall and F1.

Run: `python -m tools.language.eval_statements [PATH]` (default: the project's own set in
data/language/statements.jsonl).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from interplay.language.engine import DEFAULT_ENGINE, engines
from interplay.language.statements import FIELDS
from tools.language.data_files import DATA

DEFAULT_PATH = DATA / "statements.jsonl"


@dataclass
class FieldScore:
    tp: int = 0
    fp: int = 0
    tn: int = 0
    fn: int = 0

    def add(self, expected: bool, predicted: bool) -> None:
        if expected and predicted:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif expected:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.tn + self.fn

    @property
    def accuracy(self) -> float:
        return (self.tp + self.tn) / self.total if self.total else 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "accuracy": round(self.accuracy, 3),
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "n": self.total,
        }


@dataclass
class SplitReport:
    fields: dict[str, FieldScore] = field(
        default_factory=lambda: {name: FieldScore() for name in FIELDS}
    )
    count: int = 0


@dataclass
class StatementsReport:
    engine_version: str
    splits: dict[str, SplitReport]
    mistakes: list[dict[str, Any]]

    def accuracy(self, split: str, name: str) -> float:
        return self.splits[split].fields[name].accuracy

    def to_dict(self) -> dict[str, Any]:
        return {
            "engine_version": self.engine_version,
            "splits": {
                split: {
                    "count": report.count,
                    "fields": {n: s.to_dict() for n, s in report.fields.items()},
                }
                for split, report in self.splits.items()
            },
        }

    def format(self) -> str:
        lines = [f"Statement coach evaluation (engine {self.engine_version})"]
        for split, report in self.splits.items():
            lines.append("")
            lines.append(f"{split} ({report.count} statements)")
            lines.append(f"  {'field':<14} {'acc':>6} {'prec':>6} {'rec':>6} {'f1':>6}")
            for name, score in report.fields.items():
                lines.append(
                    f"  {name:<14} {score.accuracy:6.3f} {score.precision:6.3f} "
                    f"{score.recall:6.3f} {score.f1:6.3f}"
                )
        return "\n".join(lines)


class DataError(ValueError):
    """A line of the data set is malformed; the message names the line."""


def load_statements(path: Path | str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise DataError(f"{path}, line {number}: not JSON ({error.msg})") from error
            labels = row.get("labels") if isinstance(row, dict) else None
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise DataError(f"{path}, line {number}: needs a text")
            if not isinstance(labels, dict) or set(labels) != set(FIELDS):
                raise DataError(f"{path}, line {number}: labels must give exactly {FIELDS}")
            if not all(isinstance(v, bool) for v in labels.values()):
                raise DataError(f"{path}, line {number}: labels must be true or false")
            rows.append(row)
    return rows


def evaluate_statements(
    path: Path | str = DEFAULT_PATH, engine: str = DEFAULT_ENGINE
) -> StatementsReport:
    coach = engines(engine).statements
    rows = load_statements(path)
    splits: dict[str, SplitReport] = {"all": SplitReport()}
    mistakes: list[dict[str, Any]] = []
    for row in rows:
        predicted = coach.analyse(row["text"]).flags()
        split = str(row.get("split", "train"))
        targets = [splits["all"], splits.setdefault(split, SplitReport())]
        for report in targets:
            report.count += 1
        wrong = []
        for name in FIELDS:
            expected = row["labels"][name]
            for report in targets:
                report.fields[name].add(expected, predicted[name])
            if expected != predicted[name]:
                wrong.append(name)
        if wrong:
            mistakes.append({"text": row["text"], "split": split, "wrong": wrong})
    return StatementsReport(coach.version, splits, mistakes)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else DEFAULT_PATH
    if not path.is_file():
        print(f"No labelled statements at {path}: pass the path of a JSON lines file.")
        return 2
    try:
        report = evaluate_statements(path)
    except DataError as error:
        print(error)
        return 2
    print(report.format())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
