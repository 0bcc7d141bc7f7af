"""Pins every value the profile computes, so speed work cannot move a score.

`profiles_v1.json` holds five answer sets and the profiles the scorer wrote for them before
reason codes and stored-once evidence (Maya, a partial set, a yes-sayer, a random set and a
nearly complete one): the old stored form, byte for byte. The digest covers 500 seeded random
sets, taken from the same scorer. Both were captured once from the code as it stood and are
never regenerated from the code under test."""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from interplay.core.instrument import instrument_items
from interplay.core.profile import build_profile

STORED_V1 = Path(__file__).parent / "data" / "profiles_v1.json"
DIGEST_500 = "246362c6d9796e16c6f2a8bead068ed571c0cfb9baf04dd09146874dea328415"


def values(value: object, key: str = "") -> Any:
    """Every number, id and sentence of a profile, with evidence as the scales it names."""
    if key == "evidence":
        return [score.scale.value for score in value]  # type: ignore[attr-defined]
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: values(getattr(value, f.name), f.name) for f in fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, Mapping):
        return {str(values(k)): values(v) for k, v in value.items()}
    if isinstance(value, (tuple, list)):
        return [values(item) for item in value]
    return value


def seeded_sets(count: int = 500) -> list[dict[str, int]]:
    rng = random.Random(20261202)
    ids = [item.id for item in instrument_items()]
    sets = []
    for _ in range(count):
        chosen = ids if rng.random() < 0.7 else rng.sample(ids, rng.randint(1, len(ids)))
        sets.append({item_id: rng.randint(1, 5) for item_id in chosen})
    return sets


def digest(sets: list[dict[str, int]]) -> str:
    text = json.dumps([values(build_profile(s)) for s in sets], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def test_500_seeded_profiles_keep_every_value():
    assert digest(seeded_sets()) == DIGEST_500


def _stored(value: object, key: str = "") -> Any:
    """The same values read from a stored profile of the first form (evidence written out)."""
    if key == "evidence" and isinstance(value, list):
        return [row["scale"] if isinstance(row, Mapping) else row for row in value]
    if isinstance(value, Mapping):
        return {k: _stored(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_stored(item) for item in value]
    return value


def stored_v1() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(STORED_V1.read_text())
    return rows


def test_each_fixed_answer_set_scores_as_it_was_stored():
    for row in stored_v1():
        assert values(build_profile(row["answers"])) == _stored(row["profile"])
