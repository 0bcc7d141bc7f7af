"""The shipped instrument keeps the shape docs/instrument.md promises."""

from collections import Counter

import pytest

from interplay.core.content_files import ContentError
from interplay.core.instrument import instrument_items, instrument_version, load_version
from interplay.core.vocabulary import BARRIER_SCALES, CORE_SCALES, Scale


def test_instrument_has_between_46_and_50_items():
    assert 46 <= len(instrument_items()) <= 50


def test_every_scale_has_its_planned_number_of_items():
    counts = Counter(item.scale for item in instrument_items())
    for scale in CORE_SCALES:
        assert 5 <= counts[scale] <= 6, scale
    for scale in BARRIER_SCALES:
        assert counts[scale] == 4, scale
    assert set(counts) == set(Scale)


def test_each_core_scale_has_at_least_two_reverse_keyed_items():
    for scale in CORE_SCALES:
        reverse = [i for i in instrument_items() if i.scale == scale and i.reverse]
        assert len(reverse) >= 2, scale


def test_pulse_subset_spans_the_six_core_scales():
    pulse = [item for item in instrument_items() if item.pulse]
    assert 6 <= len(pulse) <= 8
    assert {item.scale for item in pulse} == set(CORE_SCALES)


def test_item_ids_are_prefixed_by_their_scale_and_texts_are_unique():
    prefixes = {
        Scale.DEPENDENCE: "dep",
        Scale.OVER_INDEPENDENCE: "oi",
        Scale.INTERDEPENDENCE: "int",
        Scale.RIGID_BOUNDARIES: "rig",
        Scale.POROUS_BOUNDARIES: "por",
        Scale.CONFLUENCE: "con",
        Scale.FEAR_OF_INDEPENDENCE: "fi",
        Scale.PERFECTIONISM: "pf",
        Scale.VULNERABILITY_FEAR: "vf",
        Scale.CULTURAL_PRESSURE: "cp",
        Scale.PAST_EXPERIENCE: "pe",
    }
    for item in instrument_items():
        assert item.id.startswith(prefixes[item.scale]), item.id
    texts = [item.text for item in instrument_items()]
    assert len(set(texts)) == len(texts)


def test_oi01_is_kept():
    assert any(item.id == "oi01" for item in instrument_items())


def test_instrument_has_a_version():
    assert instrument_version()


def test_items_file_without_version_is_refused(tmp_path):
    path = tmp_path / "items.toml"
    path.write_text('[[item]]\nid = "a"\ntext = "x"\nscale = "dependence"\n')
    with pytest.raises(ContentError, match="version"):
        load_version(path)
