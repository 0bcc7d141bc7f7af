"""Profiles stored in each layout read back as the profile their answers score today.

`profiles_v2.json` holds the five answer sets of `profiles_v1.json` with the profiles the
scorer stored for them in the second form (evidence named once, reasons as codes), captured
from the code of commit df9683d before the compact layout existed and never regenerated."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from interplay.core.profile import Profile, build_profile

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
