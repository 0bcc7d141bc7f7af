"""The self-assessment instrument: its items, read from `content/items.toml`.

Item ids are stable forever: stored answers refer to them, so an item whose wording changes in
meaning gets a new id rather than an edited text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from interplay.core.content_files import (
    CONTENT_DIR,
    ContentError,
    Field,
    boolean,
    load_entries,
    one_of,
    read_toml,
    text,
)
from interplay.core.vocabulary import Scale

ITEMS_FILE = CONTENT_DIR / "items.toml"
ANSWER_MIN = 1  # strongly disagree
ANSWER_MAX = 5  # strongly agree


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    scale: Scale
    reverse: bool
    pulse: bool

    def keyed(self, answer: int) -> int:
        """The answer as it counts toward the scale: a reverse-keyed item is flipped."""
        return ANSWER_MIN + ANSWER_MAX - answer if self.reverse else answer


FIELDS = (
    Field("text", text),
    Field("scale", one_of(Scale)),
    Field("reverse", boolean, required=False, default=False),
    Field("pulse", boolean, required=False, default=False),
)


def load_items(path: Path = ITEMS_FILE) -> tuple[Item, ...]:
    return tuple(Item(**entry) for entry in load_entries(path, "item", FIELDS))


@cache
def instrument_items() -> tuple[Item, ...]:
    """The shipped instrument, read and validated once per process."""
    return load_items()


def items_by_id() -> dict[str, Item]:
    return {item.id: item for item in instrument_items()}


def load_version(path: Path = ITEMS_FILE) -> str:
    """The instrument's version (top-level `version` in the items file). It changes whenever an
    item is added, removed or re-keyed, so stored profiles say which instrument scored them."""
    version = read_toml(path).get("version")
    if not isinstance(version, str) or not version.strip():
        raise ContentError(path, None, "missing top-level 'version' (text, e.g. \"1.0\")")
    return version.strip()


@cache
def instrument_version() -> str:
    return load_version()


def pulse_items() -> tuple[Item, ...]:
    return tuple(item for item in instrument_items() if item.pulse)
