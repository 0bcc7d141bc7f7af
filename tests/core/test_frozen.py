"""quick_init: the cheaper constructor leaves a frozen dataclass what it was."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from interplay.core.frozen import quick_init
from interplay.core.scoring import ScaleScore
from interplay.core.vocabulary import Level, Scale


@dataclasses.dataclass(frozen=True)
class Plain:
    name: str
    count: int


@quick_init
@dataclasses.dataclass(frozen=True)
class Quick:
    name: str
    count: int


def test_the_instance_matches_the_dataclass_one() -> None:
    quick, plain = Quick("a", 2), Plain("a", 2)
    assert quick.__dict__ == plain.__dict__
    assert repr(quick) == repr(plain).replace("Plain", "Quick")
    assert Quick(name="a", count=2) == quick
    assert hash(quick) == hash(Quick("a", 2))
    assert dataclasses.replace(quick, count=3) == Quick("a", 3)
    assert pickle.loads(pickle.dumps(quick)) == quick


def test_the_fields_are_one_dictionary_in_field_order() -> None:
    # set whole, so the instance's dict is its own (not keyed by the class's shared keys)
    assert list(Quick("a", 2).__dict__.items()) == [("name", "a"), ("count", 2)]


@quick_init
@dataclasses.dataclass(frozen=True)
class Longer(Quick):
    extra: bool


def test_a_subclass_sets_its_own_and_inherited_fields() -> None:
    longer = Longer("a", 2, True)
    assert (longer.name, longer.count, longer.extra) == ("a", 2, True)
    assert Quick("a", 2) == Quick(*dataclasses.astuple(longer)[:2])


def test_the_instance_stays_frozen() -> None:
    quick = Quick("a", 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        quick.count = 3  # type: ignore[misc]


def test_a_missing_or_unknown_argument_is_refused_as_before() -> None:
    with pytest.raises(TypeError):
        Quick("a")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Quick("a", 2, extra=1)  # type: ignore[call-arg]


def test_only_plain_frozen_dataclasses_are_accepted() -> None:
    class NotADataclass:
        pass

    @dataclasses.dataclass
    class Thawed:
        name: str

    @dataclasses.dataclass(frozen=True)
    class WithDefault:
        name: str = "x"

    for kind in (NotADataclass, Thawed, WithDefault):
        with pytest.raises(TypeError):
            quick_init(kind)


def test_the_profile_classes_use_it() -> None:
    score = ScaleScore(Scale.DEPENDENCE, 3.0, Level.MODERATE, 1, 1, ())
    doc = type(score).__init__.__doc__
    assert doc is not None
    assert "core/frozen.py" in doc
    with pytest.raises(dataclasses.FrozenInstanceError):
        score.score = 4.0  # type: ignore[misc]
