"""Blind rounds are scored once each, and only when every text has its settled label."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tools.language import score_blind

KINDS = {
    "safety": "none",
    "themes": [],
    "statements": dict.fromkeys(
        ("i_statement", "blame", "feeling", "need", "request", "absolute", "hedge_apology"), False
    ),
}


def write_round(blind: Path, batch: str, *, settle: bool = True) -> None:
    for kind, label in KINDS.items():
        text_id = f"blind-{kind}-{batch}-0001"
        row = {"id": text_id, "set": kind, "text": "We went for a walk by the canal."}
        (blind / f"{kind}-{batch}.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
        ledger = blind / f"{kind}-labels.jsonl"
        settled = {"id": text_id, "agreed": True, "label": label} if settle else {"id": text_id}
        with ledger.open("a", encoding="utf-8") as out:
            out.write(json.dumps(settled) + "\n")


@pytest.fixture
def blind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(score_blind, "BLIND", tmp_path)
    monkeypatch.setattr(score_blind, "RECORD", tmp_path / "first-look.json")
    return tmp_path


def test_a_round_with_unsettled_texts_is_not_scored(blind: Path) -> None:
    write_round(blind, "b3", settle=False)
    assert score_blind.main(["--round", "2", "--engine", "cue"]) == 2
    assert not (blind / "first-look.json").exists()


def test_each_round_has_one_first_look_and_the_old_record_is_round_one(blind: Path) -> None:
    old = {"first": {"scored_at": "2026-12-02T01:16:56+00:00", "engine": "meaning"}}
    (blind / "first-look.json").write_text(json.dumps(old), encoding="utf-8")
    write_round(blind, "b3")
    assert score_blind.main(["--round", "1", "--engine", "cue"]) == 2  # round 1 was looked at
    assert score_blind.main(["--round", "2", "--engine", "cue"]) == 0
    assert score_blind.main(["--round", "2", "--engine", "cue"]) == 2
    record = json.loads((blind / "first-look.json").read_text(encoding="utf-8"))
    assert record["rounds"]["1"] == old
    first = record["rounds"]["2"]["first"]
    assert first["round"] == "2" and first["safety"]["texts"] == 1
    assert score_blind.main(["--round", "2", "--engine", "cue", "--again"]) == 0
    record = json.loads((blind / "first-look.json").read_text(encoding="utf-8"))
    assert record["rounds"]["2"]["first"] == first and len(record["rounds"]["2"]["later"]) == 1


def test_a_safety_only_round_is_whole_without_themes_or_statements(blind: Path) -> None:
    row = {"id": "blind-safety-b4-0001", "set": "safety", "text": "so done with this week"}
    (blind / "safety-b4.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    ledger = blind / "safety-labels.jsonl"
    ledger.write_text(json.dumps({"id": row["id"], "agreed": True, "label": "none"}) + "\n")
    assert score_blind.main(["--round", "3", "--engine", "cue"]) == 0
    first = json.loads((blind / "first-look.json").read_text(encoding="utf-8"))["rounds"]["3"]
    assert set(first["first"]) >= {"safety", "versions"} and "themes" not in first["first"]
    assert first["first"]["safety"]["short_texts"] == 1
    assert first["first"]["safety"]["short_false_alarms"] == 0.0
