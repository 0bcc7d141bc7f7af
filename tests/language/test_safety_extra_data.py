"""The extra safety training writing (`data/language/safety_train_extra.jsonl`) must stay usable as
training data: well-formed, training rows only, and sharing no text with the held-out sets."""

import json

from interplay.core.vocabulary import SafetyRisk
from tools.language import eval_safety

DATA = eval_safety.DEFAULT_DATA.parent
EXTRA = DATA / "safety_train_extra.jsonl"


def _texts(name: str, split: str | None = None) -> set[str]:
    rows = [json.loads(line) for line in (DATA / name).read_text("utf-8").splitlines() if line]
    return {r["text"].strip().lower() for r in rows if split is None or r.get("split") == split}


def test_extra_safety_writing_loads_with_every_kind_of_label():
    examples = eval_safety.load_examples(EXTRA)
    kinds = {e.risk for e in examples}
    assert kinds == set(SafetyRisk)
    assert len(examples) >= 250


def test_extra_safety_writing_is_all_training_rows():
    rows = [json.loads(line) for line in EXTRA.read_text("utf-8").splitlines() if line]
    assert {r["split"] for r in rows} == {"train"}


def test_extra_safety_writing_shares_no_text_with_held_out_sets():
    extra = _texts(EXTRA.name)
    assert not extra & _texts("safety_blind3.jsonl")
    assert not extra & _texts("safety.jsonl", split="test")
