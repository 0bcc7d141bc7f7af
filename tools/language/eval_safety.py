"""Measure the safety screen against a labelled set: recall on risk texts (any risk flagged),
the share of non-risk texts flagged, and the confusion table, for the tuning part, the
held-out part and the whole.

    python -m tools.language.eval_safety [--data PATH] [--split each|all|train|test] [--errors]
        [--engine composite|cue]
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from interplay.core.vocabulary import SafetyRisk
from interplay.language.engine import DEFAULT_ENGINE, engines
from tools.language.data_files import DATA
from tools.language.eval_cli import run_evaluation

DEFAULT_DATA = DATA / "safety.jsonl"
ORDER = (SafetyRisk.SELF_HARM, SafetyRisk.HARM_FROM_OTHERS, SafetyRisk.NONE)


@dataclass(frozen=True)
class Example:
    text: str
    risk: SafetyRisk
    split: str


@dataclass(frozen=True)
class SafetyScore:
    confusion: dict[tuple[SafetyRisk, SafetyRisk], int]  # (labelled, screened) -> count

    def _count(self, labelled: set[SafetyRisk], screened: set[SafetyRisk]) -> int:
        return sum(n for (a, b), n in self.confusion.items() if a in labelled and b in screened)

    @property
    def risk_recall(self) -> float:
        """Share of risk texts flagged with any risk (the kind may differ)."""
        risky = {SafetyRisk.SELF_HARM, SafetyRisk.HARM_FROM_OTHERS}
        total = self._count(risky, set(ORDER))
        return self._count(risky, risky) / total if total else 0.0

    @property
    def false_positive_rate(self) -> float:
        """Share of non-risk texts flagged with any risk."""
        total = self._count({SafetyRisk.NONE}, set(ORDER))
        risky = {SafetyRisk.SELF_HARM, SafetyRisk.HARM_FROM_OTHERS}
        return self._count({SafetyRisk.NONE}, risky) / total if total else 0.0

    @property
    def kind_accuracy(self) -> float:
        """Share of all texts given exactly their labelled answer."""
        total = sum(self.confusion.values())
        right = sum(n for (a, b), n in self.confusion.items() if a == b)
        return right / total if total else 0.0


def load_examples(path: Path = DEFAULT_DATA) -> list[Example]:
    examples: list[Example] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            examples.append(
                Example(raw["text"], SafetyRisk(raw["risk"]), raw.get("split", "train"))
            )
        except (ValueError, KeyError, TypeError) as error:
            raise ValueError(f"{path.name}, line {number}: {error}") from None
    return examples


def select(examples: Sequence[Example], split: str) -> list[Example]:
    return [e for e in examples if split == "all" or e.split == split]


def score(examples: Sequence[Example], engine: str = DEFAULT_ENGINE) -> SafetyScore:
    confusion = {(a, b): 0 for a in ORDER for b in ORDER}
    screen = engines(engine).safety
    for example in examples:
        confusion[(example.risk, screen.analyse(example.text).risk)] += 1
    return SafetyScore(confusion)


def report(examples: Sequence[Example], title: str, engine: str = DEFAULT_ENGINE) -> str:
    result = score(examples, engine)
    lines = [
        f"{title}: {len(examples)} texts",
        f"risk recall {result.risk_recall:.3f}   non-risk flagged {result.false_positive_rate:.3f}"
        f"   exact answer {result.kind_accuracy:.3f}",
        "labelled \\ screened   " + "  ".join(f"{r.value:>16}" for r in ORDER),
    ]
    for labelled in ORDER:
        row = "  ".join(f"{result.confusion[(labelled, s)]:>16}" for s in ORDER)
        lines.append(f"{labelled.value:20}   {row}")
    return "\n".join(lines)


def errors(examples: Sequence[Example], engine: str = DEFAULT_ENGINE) -> str:
    lines = []
    for example in examples:
        got = engines(engine).safety.analyse(example.text).risk
        if got != example.risk:
            lines.append(f"- {example.risk.value} -> {got.value}: {example.text[:140]!r}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    run_evaluation(
        argv,
        description=__doc__.splitlines()[0] if __doc__ else None,
        default_data=DEFAULT_DATA,
        load=load_examples,
        select=select,
        report=report,
        errors=errors,
    )


if __name__ == "__main__":
    main()
