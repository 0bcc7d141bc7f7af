"""The labelling ledger survives the loss of its work folder between sessions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tools.language import labelling


def write_texts(path: Path, ids: range) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = [{"id": f"safety-x-{n:04d}", "set": "safety", "text": f"text {n}"} for n in ids]
    with path.open("a", encoding="utf-8") as out:
        out.writelines(json.dumps(row) + "\n" for row in rows)


def answer_all(work: Path, which: str, label: str) -> None:
    for batch in sorted((work / "safety" / "batches").glob("batch-*.jsonl")):
        rows = labelling.read_jsonl(batch)
        answers = [{"id": row["id"], "label": label} for row in rows]
        labelling.write_jsonl(work / "safety" / which / batch.name, answers)


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    corpus, work = tmp_path / "corpus", tmp_path / "work"
    monkeypatch.setattr(labelling, "CORPUS", corpus)
    monkeypatch.setattr(labelling, "WORK", work)
    return corpus, work


def test_a_lost_work_folder_loses_no_label_and_batches_only_new_texts(
    places: tuple[Path, Path],
) -> None:
    corpus, work = places
    write_texts(corpus / "safety" / "x-01.jsonl", range(1, 101))
    labelling.make_batches("safety", take_all=True)
    answer_all(work, "pass_a", "none")
    answer_all(work, "pass_b", "none")
    labelling.collect("safety")
    first = labelling.read_jsonl(corpus / "safety-labels.jsonl")
    assert len(first) == 100 and all(row["label"] == "none" for row in first)

    shutil.rmtree(work)  # the next session starts without the work folder
    write_texts(corpus / "safety" / "x-02.jsonl", range(101, 151))
    labelling.make_batches("safety", take_all=True)
    batches = sorted((work / "safety" / "batches").glob("batch-*.jsonl"))
    assert [path.name for path in batches] == ["batch-002.jsonl"]
    new_ids = {row["id"] for row in labelling.read_jsonl(batches[0])}
    assert new_ids == {f"safety-x-{n:04d}" for n in range(101, 151)}

    answer_all(work, "pass_a", "self_harm")
    labelling.collect("safety")
    rows = {row["id"]: row for row in labelling.read_jsonl(corpus / "safety-labels.jsonl")}
    assert len(rows) == 150
    assert rows["safety-x-0001"]["label"] == "none" and rows["safety-x-0001"]["agreed"]
    assert "label" not in rows["safety-x-0101"] and rows["safety-x-0101"]["pass_a"] == "self_harm"

    answer_all(work, "pass_b", "self_harm")
    labelling.collect("safety")
    rows = {row["id"]: row for row in labelling.read_jsonl(corpus / "safety-labels.jsonl")}
    assert rows["safety-x-0150"]["label"] == "self_harm"
    assert rows["safety-x-0050"]["batch"] == "batch-001"
