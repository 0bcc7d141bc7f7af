"""docs/profile.schema.json describes real profiles, complete and partial."""

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interplay.core.instrument import instrument_items
from interplay.core.profile import build_profile
from tests.core.personas import DEPENDENT, INTERDEPENDENT, MAYA, WITHDRAWN

SCHEMA = json.loads((Path(__file__).parents[2] / "docs" / "profile.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("answers", [MAYA, DEPENDENT, INTERDEPENDENT, WITHDRAWN])
def test_persona_profiles_validate(answers):
    VALIDATOR.validate(build_profile(answers).to_dict())


def test_partial_profile_validates():
    half = dict(list(MAYA.items())[::2])
    VALIDATOR.validate(build_profile(half).to_dict())
    VALIDATOR.validate(build_profile({"dep01": 3}).to_dict())


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from([item.id for item in instrument_items()]),
        st.integers(1, 5),
        min_size=1,
    )
)
def test_random_partial_profiles_validate(answers):
    VALIDATOR.validate(build_profile(answers).to_dict())


def test_schema_rejects_a_profile_with_an_unknown_pattern():
    data = build_profile(MAYA).to_dict()
    data["balance"]["pattern"] = "heroic"
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(data)
