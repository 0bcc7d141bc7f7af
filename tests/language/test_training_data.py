"""Training reads labelled files only through `read_training_file`, which refuses the blind
batches in data/language/blind/; and nothing shipped reads tests/ or data/."""

import re
from pathlib import Path

import pytest

from tools.language import data_files
from tools.language.data_files import BlindDataError, read_training_file
from tools.language.training import train_learned


@pytest.fixture
def layout(tmp_path):
    data = tmp_path / "data" / "language"
    (data / "blind" / "batch1").mkdir(parents=True)
    (data / "blind" / "batch1" / "a.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    (data / "train.jsonl").write_text('{"text": "y"}\n', encoding="utf-8")
    return data


def test_a_training_file_is_read(layout):
    assert read_training_file(layout / "train.jsonl", layout / "blind") == '{"text": "y"}\n'


@pytest.mark.parametrize(
    "spelling",
    ["blind/batch1/a.jsonl", "blind/../blind/batch1/a.jsonl", "corpus/../blind/batch1/a.jsonl"],
)
def test_a_blind_file_is_refused_however_its_path_is_spelt(layout, spelling):
    with pytest.raises(BlindDataError, match="blind evaluation"):
        read_training_file(layout / spelling, layout / "blind")


def test_a_link_into_the_blind_folder_is_refused(layout):
    link = layout / "innocent.jsonl"
    link.symlink_to(layout / "blind" / "batch1" / "a.jsonl")
    with pytest.raises(BlindDataError):
        read_training_file(link, layout / "blind")


def test_training_goes_through_the_guard(monkeypatch):
    monkeypatch.setattr(train_learned, "SAFETY_FILES", ("blind/anything.jsonl",))
    with pytest.raises(BlindDataError):
        train_learned.load("safety")


def test_the_blind_folder_is_the_one_under_data_language():
    assert data_files.BLIND == data_files.ROOT / "data" / "language" / "blind"


def test_nothing_shipped_reads_tests_or_data():
    package = Path(__file__).resolve().parents[2] / "src" / "interplay"
    # A path built to either folder: `... / "tests"`, `"data/language"`.
    reach = re.compile(r"""/\s*["'](tests|data)["']|["'](tests|data)/""")
    offenders = [
        f"{path.relative_to(package)}:{number}"
        for path in package.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if reach.search(line) and "migrations" not in path.parts
    ]
    assert not offenders, offenders
