"""The labelled texts the meaning-based heads are trained on, read only through
`data_files.read_training_file` (which refuses the sealed blind batches)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tools.language.data_files import DATA, read_training_file

CORPUS = DATA / "corpus"


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in read_training_file(path).splitlines() if line.strip()]


def corpus_examples(reader: str) -> list[tuple[str, Any]]:
    """(text, label) for every corpus text whose label is settled: both labelling passes
    agreed, or their disagreement was adjudicated."""
    labels_file = CORPUS / f"{reader}-labels.jsonl"
    if not labels_file.exists():
        return []
    settled = {r["id"]: r["label"] for r in _rows(labels_file) if "label" in r}
    examples = []
    for path in sorted((CORPUS / reader).glob("*.jsonl")):
        for row in _rows(path):
            if row["id"] in settled:
                examples.append((row["text"], settled[row["id"]]))
    return examples


# The project's earlier hand-written sets (one labeller each). Their blind and unseen files
# are kept for evaluation and never trained on.
EARLIER = {
    "safety": ("safety.jsonl", "safety_train_extra.jsonl", "safety_probes.jsonl"),
    "themes": ("journal_themes.jsonl", "journal_themes_probes.jsonl"),
    "statements": ("statements.jsonl",),
}
_LABEL_KEY = {"safety": "risk", "themes": "themes", "statements": "labels"}


def earlier_examples(reader: str) -> list[tuple[str, Any]]:
    return [
        (row["text"], row[_LABEL_KEY[reader]])
        for name in EARLIER[reader]
        for row in _rows(DATA / name)
    ]
