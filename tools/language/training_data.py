"""The one way training code reads labelled data, so the sealed blind batches can never reach
a model: `open_training_file` refuses any path under data/language/blind/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "language"
CORPUS = DATA / "corpus"
BLIND = DATA / "blind"


class SealedData(PermissionError):
    """Training code asked for a blind batch."""


def open_training_file(path: Path) -> list[dict[str, Any]]:
    resolved = path.resolve()
    if resolved == BLIND.resolve() or BLIND.resolve() in resolved.parents:
        raise SealedData(f"{path} is a sealed blind batch: training never reads it")
    lines = resolved.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def corpus_examples(reader: str) -> list[tuple[str, Any]]:
    """(text, label) for every corpus text whose label is settled: both passes agreed, or the
    disagreement was adjudicated."""
    labels_file = CORPUS / f"{reader}-labels.jsonl"
    if not labels_file.exists():
        return []
    settled = {r["id"]: r["label"] for r in open_training_file(labels_file) if "label" in r}
    examples = []
    for path in sorted((CORPUS / reader).glob("*.jsonl")):
        for row in open_training_file(path):
            if row["id"] in settled:
                examples.append((row["text"], settled[row["id"]]))
    return examples


def _earlier_dir() -> Path:
    # The earlier hand-written sets (moving from tests/data to data/language).
    return DATA if (DATA / "safety.jsonl").exists() else ROOT / "tests" / "data"


EARLIER = {
    "safety": ("safety.jsonl", "safety_train_extra.jsonl", "safety_probes.jsonl"),
    "themes": ("journal_themes.jsonl", "journal_themes_probes.jsonl"),
    "statements": ("statements.jsonl",),
}


def earlier_examples(reader: str) -> list[tuple[str, Any]]:
    """The project's earlier sets, written before the corpus (one labeller each). The blind
    and unseen files among them are kept for evaluation and not trained on."""
    examples: list[tuple[str, Any]] = []
    for name in EARLIER[reader]:
        for row in open_training_file(_earlier_dir() / name):
            label = (
                row.get("risk")
                if reader == "safety"
                else row.get("themes")
                if reader == "themes"
                else row.get("labels")
            )
            examples.append((row["text"], label))
    return examples
