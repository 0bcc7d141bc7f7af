"""`Profile.from_dict` rebuilds exactly what `to_dict` stored, and refuses other shapes."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interplay.core.instrument import instrument_items
from interplay.core.profile import Profile, ShapeError, build_profile
from tests.core.personas import DEPENDENT, INTERDEPENDENT, MAYA, WITHDRAWN
from tests.core.test_profile_schema import VALIDATOR


@pytest.mark.parametrize("answers", [MAYA, DEPENDENT, INTERDEPENDENT, WITHDRAWN])
def test_a_stored_profile_comes_back_as_it_was(answers):
    profile = build_profile(answers)
    stored = json.loads(json.dumps(profile.to_dict()))  # as it comes out of the database
    VALIDATOR.validate(stored)
    assert Profile.from_dict(stored) == profile


@settings(max_examples=25, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from([i.id for i in instrument_items()]), st.integers(1, 5), min_size=1
    )
)
def test_any_partial_profile_round_trips(answers):
    profile = build_profile(answers)
    assert Profile.from_dict(json.loads(json.dumps(profile.to_dict()))) == profile


def test_a_wrong_shape_names_the_path():
    stored = build_profile(MAYA).to_dict()
    stored["scales"][0]["level"] = "enormous"
    with pytest.raises(ShapeError, match=r"scales\[0\]\.level"):
        Profile.from_dict(stored)
    stored = build_profile(MAYA).to_dict()
    del stored["focus"]
    with pytest.raises(ShapeError, match="focus: missing"):
        Profile.from_dict(stored)
