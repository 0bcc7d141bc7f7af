"""The experiment library: small, concrete boundary experiments, from low to high stakes,
each tagged with the technique it uses, the direction it moves a person and the scales it
serves."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from interplay.core.content_files import CONTENT_DIR, Field, list_of, load_entries, one_of, text
from interplay.core.vocabulary import Direction, Scale, Stakes, Technique

EXPERIMENTS_FILE = CONTENT_DIR / "experiments.toml"


@dataclass(frozen=True)
class Experiment:
    id: str
    title: str
    text: str
    technique: Technique
    direction: Direction
    stakes: Stakes
    scales: tuple[Scale, ...]


FIELDS = (
    Field("title", text),
    Field("text", text),
    Field("technique", one_of(Technique)),
    Field("direction", one_of(Direction)),
    Field("stakes", one_of(Stakes)),
    Field("scales", list_of(one_of(Scale))),
)


def load_experiments(path: Path = EXPERIMENTS_FILE) -> tuple[Experiment, ...]:
    return tuple(Experiment(**entry) for entry in load_entries(path, "experiment", FIELDS))


@cache
def experiment_library() -> tuple[Experiment, ...]:
    """The shipped library, read and validated once per process."""
    return load_experiments()


def experiment_by_id(experiment_id: str) -> Experiment:
    for experiment in experiment_library():
        if experiment.id == experiment_id:
            return experiment
    raise KeyError(experiment_id)
