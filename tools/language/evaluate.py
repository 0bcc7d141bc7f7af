"""`make eval`: per-label precision, recall and F1 for the three language analyses, on the
labelled sets in `data/language/`, by calling each analysis's own evaluation module.

    python -m tools.language.evaluate [--split test|train|all ...] [--engine composite|cue]

By default it prints the held-out part (`test`, never used for tuning) and then the whole set,
so the figures a reader sees first are the honest ones, then one line per labelled file (the
blind batches among them) so a change can be checked on every set. For safety it also prints
the two figures the quality bar is about: risk recall (any risk flagged for a risk text) and
the share of non-risk texts flagged. `--engine cue` scores the cue rules alone.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass

from interplay.core.vocabulary import SafetyRisk
from interplay.language.engine import DEFAULT_ENGINE, ENGINE_NAMES, engines
from tools.language import eval_safety, eval_statements, eval_themes
from tools.language.data_files import DATA

SPLITS = ("train", "test", "all")


@dataclass(frozen=True)
class LabelRow:
    analysis: str  # "statements", "themes" or "safety"
    label: str
    precision: float
    recall: float
    f1: float
    support: int  # texts that carry the label


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def statement_rows(split: str, engine: str = DEFAULT_ENGINE) -> list[LabelRow]:
    report = eval_statements.evaluate_statements(engine=engine)
    chosen = report.splits.get(split)
    if chosen is None:
        return []
    return [
        LabelRow(
            "statements",
            name,
            score.precision,
            score.recall,
            score.f1,
            score.tp + score.fn,
        )
        for name, score in chosen.fields.items()
    ]


def theme_rows(split: str, engine: str = DEFAULT_ENGINE) -> list[LabelRow]:
    examples = eval_themes.select(eval_themes.load_examples(), split)
    per_label, micro = eval_themes.score(examples, engine)
    return [
        LabelRow(
            "themes",
            s.label,
            s.precision,
            s.recall,
            s.f1,
            s.true_positives + s.false_negatives,
        )
        for s in [*per_label, micro]
    ]


def safety_rows(
    split: str, engine: str = DEFAULT_ENGINE
) -> tuple[list[LabelRow], eval_safety.SafetyScore]:
    examples = eval_safety.select(eval_safety.load_examples(), split)
    result = eval_safety.score(examples, engine)
    rows = []
    for label in eval_safety.ORDER:
        hit = result.confusion[(label, label)]
        screened = sum(result.confusion[(a, label)] for a in eval_safety.ORDER)
        labelled = sum(result.confusion[(label, b)] for b in eval_safety.ORDER)
        precision = hit / screened if screened else 0.0
        recall = hit / labelled if labelled else 0.0
        rows.append(
            LabelRow("safety", label.value, precision, recall, _f1(precision, recall), labelled)
        )
    return rows, result


def format_rows(rows: Sequence[LabelRow]) -> list[str]:
    lines = [f"  {'label':22} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}"]
    for row in rows:
        lines.append(
            f"  {row.label:22} {row.precision:6.3f} {row.recall:6.3f} {row.f1:6.3f} "
            f"{row.support:5d}"
        )
    return lines


def report(split: str, engine: str = DEFAULT_ENGINE) -> str:
    chosen = engines(engine)
    lines = [f"== {split} =="]
    lines.append(f"Statement coach ({chosen.statements.version})")
    lines += format_rows(statement_rows(split, engine))
    lines.append(f"Journal themes ({chosen.themes.version})")
    lines += format_rows(theme_rows(split, engine))
    rows, result = safety_rows(split, engine)
    lines.append(f"Safety screen ({chosen.safety.version})")
    lines += format_rows(rows)
    risky = (SafetyRisk.SELF_HARM, SafetyRisk.HARM_FROM_OTHERS)
    lines.append(
        f"  risk recall (any of {', '.join(r.value for r in risky)}) {result.risk_recall:.3f}; "
        f"non-risk texts flagged {result.false_positive_rate:.3f}"
    )
    return "\n".join(lines)


def by_file(engine: str = DEFAULT_ENGINE) -> str:
    """One line per labelled file: the headline figures of its analysis on all its rows."""
    lines = ["== every labelled file (all rows) =="]
    for path in sorted(DATA.glob("safety*.jsonl")):
        result = eval_safety.score(eval_safety.load_examples(path), engine)
        lines.append(
            f"  {path.name:30} risk recall {result.risk_recall:.3f}, non-risk flagged "
            f"{result.false_positive_rate:.3f}, exact {result.kind_accuracy:.3f}"
        )
    for path in sorted(DATA.glob("journal_themes*.jsonl")):
        _, micro = eval_themes.score(eval_themes.load_examples(path), engine)
        lines.append(
            f"  {path.name:30} micro P {micro.precision:.3f}, R {micro.recall:.3f}, "
            f"F1 {micro.f1:.3f}"
        )
    for path in sorted(DATA.glob("statements*.jsonl")):
        fields = eval_statements.evaluate_statements(path, engine).splits["all"].fields
        lowest = min(fields, key=lambda name: fields[name].f1)
        mean = sum(score.f1 for score in fields.values()) / len(fields)
        lines.append(
            f"  {path.name:30} F1 mean {mean:.3f}, lowest {fields[lowest].f1:.3f} ({lowest})"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Per-label figures for the language analyses.")
    parser.add_argument(
        "--split",
        action="append",
        choices=SPLITS,
        help="which part of each set to score (repeatable; default: test, then all)",
    )
    parser.add_argument("--engine", choices=ENGINE_NAMES, default=DEFAULT_ENGINE)
    args = parser.parse_args(argv)
    for number, split in enumerate(args.split or ["test", "all"]):
        if number:
            print()
        print(report(split, args.engine))
    if not args.split:
        print()
        print(by_file(args.engine))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
