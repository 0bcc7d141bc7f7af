"""Measure the theme finder against a labelled set: per-theme precision, recall and F1, and
micro-F1 over all themes, for the tuning part, the held-out part and the whole.

    python -m tools.language.eval_themes [--data PATH] [--split all|train|test] [--errors]
        [--engine composite|cue]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from interplay.core.vocabulary import Theme
from interplay.language.engine import DEFAULT_ENGINE, engines
from tools.language.data_files import DATA
from tools.language.eval_cli import run_evaluation

DEFAULT_DATA = DATA / "journal_themes.jsonl"


@dataclass(frozen=True)
class Example:
    text: str
    themes: frozenset[Theme]
    split: str


@dataclass(frozen=True)
class LabelScore:
    label: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        actual = self.true_positives + self.false_negatives
        return self.true_positives / actual if actual else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_examples(path: Path = DEFAULT_DATA) -> list[Example]:
    examples: list[Example] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            examples.append(
                Example(
                    raw["text"],
                    frozenset(Theme(t) for t in raw["themes"]),
                    raw.get("split", "train"),
                )
            )
        except (ValueError, KeyError, TypeError) as error:
            raise ValueError(f"{path.name}, line {number}: {error}") from None
    return examples


def select(examples: Iterable[Example], split: str) -> list[Example]:
    return [e for e in examples if split == "all" or e.split == split]


def score(
    examples: Sequence[Example], engine: str = DEFAULT_ENGINE
) -> tuple[list[LabelScore], LabelScore]:
    counts = {theme: [0, 0, 0] for theme in Theme}
    reader = engines(engine).themes
    for example in examples:
        found = reader.analyse(example.text).labels
        for theme in Theme:
            if theme in found and theme in example.themes:
                counts[theme][0] += 1
            elif theme in found:
                counts[theme][1] += 1
            elif theme in example.themes:
                counts[theme][2] += 1
    per_label = [LabelScore(theme.value, *counts[theme]) for theme in Theme]
    micro = LabelScore(
        "micro",
        sum(s.true_positives for s in per_label),
        sum(s.false_positives for s in per_label),
        sum(s.false_negatives for s in per_label),
    )
    return per_label, micro


def report(examples: Sequence[Example], title: str, engine: str = DEFAULT_ENGINE) -> str:
    per_label, micro = score(examples, engine)
    lines = [f"{title}: {len(examples)} texts", f"{'theme':22} {'P':>5} {'R':>5} {'F1':>5}  n"]
    for s in per_label:
        n = s.true_positives + s.false_negatives
        lines.append(f"{s.label:22} {s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f}  {n}")
    lines.append(f"{'micro':22} {micro.precision:5.2f} {micro.recall:5.2f} {micro.f1:5.2f}")
    return "\n".join(lines)


def errors(examples: Sequence[Example], engine: str = DEFAULT_ENGINE) -> str:
    lines: list[str] = []
    for example in examples:
        found = engines(engine).themes.analyse(example.text).labels
        if found != example.themes:
            missed = sorted(t.value for t in example.themes - found)
            extra = sorted(t.value for t in found - example.themes)
            lines.append(f"- missed {missed} extra {extra}: {example.text[:150]!r}")
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
