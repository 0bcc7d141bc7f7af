"""The shipped experiment library: every technique in both directions at every level of stakes,
each experiment saying what to do and what to notice, and broken copies rejected clearly."""

import itertools
import re
import tomllib
from pathlib import Path

import pytest

from interplay.core.content_files import ContentError
from interplay.core.experiments import EXPERIMENTS_FILE, experiment_library, load_experiments
from interplay.core.vocabulary import CORE_SCALES, Direction, Scale, Stakes, Technique

MINIMUM_EXPERIMENTS = 44
ID_PATTERN = re.compile(r"^x-[a-z0-9]+(-[a-z0-9]+)+$")
# Words that show the text asks the person to look back at what happened.
REFLECTION_WORDS = ("notice", "note", "write", "reflect", "compare")


def test_library_holds_enough_experiments():
    assert len(experiment_library()) >= MINIMUM_EXPERIMENTS


@pytest.mark.parametrize(
    ("technique", "direction", "stakes"),
    list(itertools.product(Technique, Direction, Stakes)),
    ids=lambda value: str(value),
)
def test_every_technique_direction_and_stakes_cell_has_an_experiment(technique, direction, stakes):
    cell = [
        x.id
        for x in experiment_library()
        if (x.technique, x.direction, x.stakes) == (technique, direction, stakes)
    ]
    assert cell, f"no {stakes.value} {technique.value} experiment {direction.value}"


@pytest.mark.parametrize("scale", CORE_SCALES, ids=str)
def test_every_core_scale_is_served_by_several_experiments(scale):
    assert sum(scale in x.scales for x in experiment_library()) >= 3


def test_every_scale_is_served_by_at_least_one_experiment():
    served = {scale for x in experiment_library() for scale in x.scales}
    assert served == set(Scale)


def test_ids_are_unique_and_follow_the_pattern():
    ids = [x.id for x in experiment_library()]
    assert len(ids) == len(set(ids))
    assert [i for i in ids if not ID_PATTERN.match(i)] == []


def test_titles_and_texts_are_present_and_never_repeated():
    for field in ("title", "text"):
        values = [" ".join(getattr(x, field).lower().split()) for x in experiment_library()]
        assert all(values)
        assert len(values) == len(set(values)), field


def test_titles_are_short():
    assert [x.title for x in experiment_library() if len(x.title) > 40] == []


def test_every_text_says_what_to_notice_afterwards():
    silent = [
        x.id
        for x in experiment_library()
        if not any(word in x.text.lower() for word in REFLECTION_WORDS)
    ]
    assert silent == []


def test_i_statement_experiments_give_an_example_in_the_first_person():
    example = re.compile(r"for example: '.*\bI\b")
    missing = [
        x.id
        for x in experiment_library()
        if x.technique is Technique.I_STATEMENT and not example.search(x.text)
    ]
    assert missing == []


# --- Broken copies of the file --------------------------------------------------------------


def broken_copy(tmp_path: Path, entry_id: str, **changes: object) -> Path:
    """Copy the shipped file with one entry changed; a value of None removes the field."""
    document = tomllib.loads(EXPERIMENTS_FILE.read_text(encoding="utf-8"))
    (entry,) = [e for e in document["experiment"] if e["id"] == entry_id]
    for key, value in changes.items():
        if value is None:
            entry.pop(key)
        else:
            entry[key] = value
    path = tmp_path / "experiments.toml"
    path.write_text(to_toml(document["experiment"]), encoding="utf-8")
    return path


def to_toml(entries: list[dict[str, object]]) -> str:
    def value(v: object) -> str:
        if isinstance(v, list):
            return "[" + ", ".join(value(item) for item in v) + "]"
        return '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'

    return "\n".join(
        "[[experiment]]\n" + "".join(f"{k} = {value(v)}\n" for k, v in e.items()) for e in entries
    )


def test_round_trip_copy_loads_like_the_shipped_file(tmp_path):
    path = broken_copy(tmp_path, "x-ra-yes-log")
    assert load_experiments(path) == load_experiments()


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"technique": "shouting"}, "field 'technique' unknown value 'shouting'"),
        ({"direction": "sideways"}, "field 'direction' unknown value 'sideways'"),
        ({"stakes": "enormous"}, "field 'stakes' unknown value 'enormous'"),
        ({"scales": ["grit"]}, "field 'scales' unknown value 'grit'"),
        ({"scales": []}, "field 'scales' must not be empty"),
        ({"title": None}, "missing field 'title'"),
        ({"text": ""}, "field 'text' must be non-empty text"),
        ({"stake": "low"}, "unknown field(s): stake"),
    ],
)
def test_broken_entry_is_reported_with_file_entry_and_problem(tmp_path, changes, problem):
    path = broken_copy(tmp_path, "x-ra-yes-log", **changes)
    with pytest.raises(ContentError) as caught:
        load_experiments(path)
    message = str(caught.value)
    assert message.startswith("experiments.toml, entry 'x-ra-yes-log': ")
    assert problem in message


def test_unknown_value_message_lists_the_allowed_values(tmp_path):
    path = broken_copy(tmp_path, "x-ra-yes-log", stakes="enormous")
    with pytest.raises(ContentError, match="expected one of: low, medium, high"):
        load_experiments(path)
