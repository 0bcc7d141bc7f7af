"""Reasons carry a code and parameters, and profiles stored before codes read the same."""

from __future__ import annotations

import json
import random

import pytest

from interplay.core.findings import LOW_AGENCY_BELOW, MIXED_STAGE_GAP
from interplay.core.from_json import ShapeError
from interplay.core.profile import Profile, build_profile
from interplay.core.question_index import bank_index
from interplay.core.questions import question_bank
from interplay.core.reasons import LEGACY_TEXT, TEMPLATES, Reason, from_stored, parse_legacy
from interplay.core.recommend import TOP_BARRIERS, Needs, _question_match
from interplay.core.vocabulary import Barrier, Focus, Level, Scale, Stage
from tests.core.personas import MAYA
from tests.core.test_profile_pinned import seeded_sets, stored_v1


def every_reason(value: object) -> list[Reason]:
    if isinstance(value, Reason):
        return [value]
    if isinstance(value, (tuple, list)):
        return [r for item in value for r in every_reason(item)]
    if hasattr(value, "__dataclass_fields__"):
        return [
            r for name in value.__dataclass_fields__ for r in every_reason(getattr(value, name))
        ]
    return []


def test_every_reason_has_a_known_code_and_reads_back_from_its_words():
    seen: set[str] = set()
    for answers in seeded_sets(200):
        for found in every_reason(build_profile(answers)):
            assert found.code in TEMPLATES
            back = parse_legacy(str(found))
            assert back.code == found.code and set(back.params) == set(found.params)
            for name, value in found.params.items():
                if isinstance(value, float):  # the words keep a number to 0 or 2 places
                    assert back.params[name] == pytest.approx(value, abs=0.5)
                else:
                    assert back.params[name] == value, (found.code, name)
            seen.add(found.code)
    assert len(seen) > 40  # the seeded sets reach nearly every code, not a handful


def test_profiles_stored_in_the_first_form_read_as_they_were_built():
    for row in stored_v1():
        old = Profile.from_dict(row["profile"])
        new = build_profile(row["answers"])
        assert old == new
        assert [r.code for r in every_reason(old)] == [r.code for r in every_reason(new)]


def test_a_new_profile_survives_its_own_json():
    profile = build_profile(MAYA)
    again = Profile.from_dict(json.loads(json.dumps(profile.to_dict())))
    assert again == profile
    assert again.boundaries.reason.params == profile.boundaries.reason.params


def test_stored_evidence_names_scales_and_answers_are_stored_once():
    data = build_profile(MAYA).to_dict()
    assert data["boundaries"]["evidence"] == ["rigid_boundaries", "porous_boundaries"]
    assert json.dumps(data).count('"item_id"') == data["answered"]
    assert data["risks"][0]["rule"] == {"code": "risk.isolation", "params": {}}


def test_evidence_naming_an_unscored_scale_is_refused_by_name():
    data = build_profile({"dep01": 3, "dep02": 4, "dep03": 2, "dep04": 5}).to_dict()
    data["confluence"]["evidence"] = ["confluence"]
    with pytest.raises(ShapeError, match="confluence.evidence"):
        Profile.from_dict(data)


def test_an_unknown_code_or_wrong_parameters_are_refused():
    with pytest.raises(ValueError, match="not a reason"):
        from_stored({"code": "no.such.code", "params": {}})
    with pytest.raises(ValueError, match="cannot use"):
        from_stored({"code": "stage.leads", "params": {"top": "dependence"}})


def test_words_no_template_wrote_are_kept_as_they_are():
    found = parse_legacy("written by hand")
    assert (found.code, str(found)) == (LEGACY_TEXT, "written by hand")


def test_templates_say_the_numbers_the_rules_use():
    assert f"below {LOW_AGENCY_BELOW:.0f} of 100" in TEMPLATES["risk.lack_of_agency"]
    stage = Reason(
        "stage.mixed",
        {
            "top": "dependence",
            "top_affinity": 0.5,
            "second": "x",
            "second_affinity": 0.45,
            "within": MIXED_STAGE_GAP,
        },
    )
    assert "within 0.125" in stage


def test_ranking_points_agree_with_the_points_the_reasons_explain():
    rng = random.Random(7)
    bank = question_bank()
    for _ in range(300):
        levels = {s: rng.choice(list(Level)) for s in Scale if rng.random() < 0.8}
        barriers = tuple(rng.sample(list(Barrier), rng.randint(0, 3)))
        needs = Needs(rng.choice([*Focus, None]), rng.choice([*Stage, None]), levels, barriers)
        index = bank_index(bank)
        packed = index.points(needs.focus, needs.stage, needs.levels, needs.barriers[:TOP_BARRIERS])
        points = [_question_match(question, needs)[0] for question in bank]
        assert list(packed.to_bytes(index.size, "little")) == points


def test_every_code_is_documented():
    from pathlib import Path

    doc = (Path(__file__).parents[2] / "docs" / "reasons.md").read_text()
    for code in TEMPLATES:
        if not code.endswith(".unjudged"):
            assert f"| `{code}` |" in doc, code
