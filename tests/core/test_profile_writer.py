"""The profile's fast writer (core/profile_writer.py) against the plain walker it replaced:
the same dictionaries, keys in the same order, for complete and partial answer sets."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from interplay.core.instrument import instrument_items
from interplay.core.profile import Profile, build_profile
from interplay.core.profile_json import plain_profile_json

IDS = [item.id for item in instrument_items()]

some_answers = st.dictionaries(st.sampled_from(IDS), st.integers(1, 5), min_size=1)
all_answers = st.fixed_dictionaries({item_id: st.integers(1, 5) for item_id in IDS})


def assert_written_alike(profile: Profile) -> None:
    fast, plain = profile.to_dict(), plain_profile_json(profile)
    assert fast == plain
    # equal dictionaries can still differ in key order, and so in the stored text
    assert json.dumps(fast) == json.dumps(plain)


@settings(max_examples=300, deadline=None)
@given(some_answers)
def test_a_partial_profile_is_written_as_the_walker_writes_it(answers):
    assert_written_alike(build_profile(answers))


@settings(max_examples=300, deadline=None)
@given(all_answers)
def test_a_complete_profile_is_written_as_the_walker_writes_it(answers):
    assert_written_alike(build_profile(answers))


def test_no_two_stored_profiles_share_a_dictionary():
    answers = dict.fromkeys(IDS, 4)
    first, second = build_profile(answers).to_dict(), build_profile(answers).to_dict()
    first["scales"][0]["answers"][0]["answer"] = 1
    first["risks"][0]["rule"]["params"]["changed"] = True
    first["notes"][0]["params"]["changed"] = True
    assert second["scales"][0]["answers"][0]["answer"] == 4
    assert "changed" not in second["risks"][0]["rule"]["params"]
    assert "changed" not in second["notes"][0]["params"]
