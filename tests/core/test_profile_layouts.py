"""Profiles stored in each layout read back as the profile their answers score today.

`profiles_v2.json` holds the five answer sets of `profiles_v1.json` with the profiles the
scorer stored for them in the second form (evidence named once, reasons as codes), captured
from the code of commit df9683d before the compact layout existed and never regenerated."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

import pytest

from interplay.core.from_json import ShapeError
from interplay.core.instrument import instrument_items
from interplay.core.profile import Profile, build_profile
from interplay.core.profile_json import readable_profile
from interplay.core.profile_stored import readable

STORED_V2 = Path(__file__).parent / "data" / "profiles_v2.json"


def stored_v2() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(STORED_V2.read_text())
    return rows


def test_second_form_reads_as_the_profile_its_answers_score():
    for row in stored_v2():
        assert Profile.from_dict(row["profile"]) == build_profile(row["answers"])


def test_readable_form_is_still_the_second_form():
    # `to_dict` is the documented JSON of the API and the command line (docs/profile.schema.json)
    for row in stored_v2():
        assert build_profile(row["answers"]).to_dict() == row["profile"]


# Layout 3 (core/profile_stored.py): `profiles_v3.json` holds the same five answer sets with
# the profiles as first stored in layout 3. Read back, they must give the second form above,
# which was captured before layout 3 existed: so the compact layout loses nothing, and a change
# to the instrument's items under the same version (wording, keying) fails here.
STORED_V3 = Path(__file__).parent / "data" / "profiles_v3.json"


def stored_v3() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(STORED_V3.read_text())
    return rows


def test_layout_3_reads_as_the_second_form_it_replaced():
    for compact, second in zip(stored_v3(), stored_v2(), strict=True):
        assert compact["answers"] == second["answers"]
        assert compact["profile"]["layout"] == 3
        assert readable(compact["profile"]) == second["profile"]
        assert Profile.from_dict(compact["profile"]) == build_profile(compact["answers"])


def test_layout_3_is_what_the_scorer_stores_today():
    for row in stored_v3():
        assert build_profile(row["answers"]).to_stored() == row["profile"]


def seeded_sets(count: int) -> list[dict[str, int]]:
    rng = random.Random(20261204)
    ids = [item.id for item in instrument_items()]
    sets = []
    for _ in range(count):
        chosen = ids if rng.random() < 0.6 else rng.sample(ids, rng.randint(1, len(ids)))
        sets.append({item_id: rng.randint(1, 5) for item_id in chosen})
    return sets


def test_layout_3_round_trip_gives_the_same_profile_and_the_same_second_form():
    for answers in seeded_sets(300):
        profile = build_profile(answers)
        stored = json.loads(json.dumps(profile.to_stored()))  # as the database gives it back
        assert readable(stored) == profile.to_dict()
        assert Profile.from_dict(stored) == profile


def test_readable_profile_leaves_older_forms_as_they_are():
    second = stored_v2()[0]["profile"]
    assert readable_profile(second) is second
    assert readable_profile(None) is None


def _broken(change: dict[str, Any]) -> dict[str, Any]:
    return {**stored_v3()[0]["profile"], **change}


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"instrument_version": "0.9"}, "instrument_version"),
        ({"instrument_version": ["1.0"]}, "instrument_version"),
        (
            {"stage": ["x", 0.5, False, None, [["x", 0.5]], "stage.leads", ""]},
            "stage.affinities[0]",
        ),
        ({"answers": "123"}, "answers"),
        ({"answers": "7" * len(instrument_items())}, "answers"),
        ({"scales": {}}, "scales"),
        ({"balance": [1, 2]}, "balance"),
        ({"notes": [["note.x", "not params"]]}, "notes[0]"),
        ({"risks": [["isolation", False, True, "risk.isolation", None, 3]]}, "risks[0].evidence"),
    ],
)
def test_layout_3_of_another_shape_names_the_fault(change: dict[str, Any], path: str):
    with pytest.raises(ShapeError, match=rf"Profile\.{re.escape(path)}"):
        Profile.from_dict(_broken(change))
