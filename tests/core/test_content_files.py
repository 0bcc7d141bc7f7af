from pathlib import Path

import pytest

from interplay.core.content_files import (
    ContentError,
    Field,
    list_of,
    load_entries,
    one_of,
    text,
)
from interplay.core.vocabulary import Scale

FIELDS = [Field("text", text), Field("scales", list_of(one_of(Scale)))]


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "things.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_valid_entries_are_converted_to_vocabulary(tmp_path):
    path = write(tmp_path, '[[thing]]\nid = "a"\ntext = "Hello"\nscales = ["confluence"]\n')
    (entry,) = load_entries(path, "thing", FIELDS)
    assert entry == {"id": "a", "text": "Hello", "scales": (Scale.CONFLUENCE,)}


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ('[[thing]]\nid = "a"\ntext = "x"\nscales = ["grit"]\n', "unknown value 'grit'"),
        ('[[thing]]\nid = "a"\nscales = ["confluence"]\n', "missing field 'text'"),
        (
            '[[thing]]\nid = "a"\ntext = "x"\nscales = ["confluence"]\n'
            '[[thing]]\nid = "a"\ntext = "y"\nscales = ["confluence"]\n',
            "duplicate id",
        ),
        ('[[thing]]\nid = "a"\ntext = "x"\nscales = ["confluence"]\ncolour = 1\n', "colour"),
    ],
)
def test_bad_entry_names_file_entry_and_problem(tmp_path, body, problem):
    path = write(tmp_path, body)
    with pytest.raises(ContentError) as caught:
        load_entries(path, "thing", FIELDS)
    message = str(caught.value)
    assert "things.toml" in message
    assert "'a'" in message
    assert problem in message


def test_broken_toml_is_reported_with_file_name(tmp_path):
    path = write(tmp_path, "[[thing]\n")
    with pytest.raises(ContentError, match="things.toml: not valid TOML"):
        load_entries(path, "thing", FIELDS)
