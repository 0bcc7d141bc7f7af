"""Reading the method's content files (TOML) with validation that names the problem.

Content is data a coach can read and extend without Python, so a mistake in it must stop
loading with a message that says which file, which entry and what is wrong, never a KeyError
three modules later. Each content module describes its entries with `Field`s and calls
`load_entries`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

CONTENT_DIR = Path(__file__).parent / "content"


class ContentError(ValueError):
    """A content file is malformed. The message names the file, the entry and the problem."""

    def __init__(self, path: Path | str, entry: str | None, problem: str) -> None:
        self.path = str(path)
        self.entry = entry
        self.problem = problem
        where = f"{Path(path).name}" + (f", entry {entry!r}" if entry else "")
        super().__init__(f"{where}: {problem}")


Check = Callable[[Any], Any]
E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")


@dataclass(frozen=True)
class Field:
    """One key of an entry: its name, a converter that raises ValueError on a bad value,
    and whether it must be present."""

    name: str
    convert: Check
    required: bool = True
    default: Any = None


def text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be non-empty text")
    return value.strip()


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def integer_between(low: int, high: int) -> Check:
    def convert(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError(f"must be a whole number from {low} to {high}")
        return value

    return convert


def one_of(enum: type[E]) -> Callable[[Any], E]:
    def convert(value: Any) -> E:
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(member.value for member in enum)
            raise ValueError(f"unknown value {value!r} (expected one of: {allowed})") from None

    return convert


def list_of(
    convert_item: Callable[[Any], T], *, allow_empty: bool = False
) -> Callable[[Any], tuple[T, ...]]:
    def convert(value: Any) -> tuple[T, ...]:
        if not isinstance(value, list):
            raise ValueError("must be a list")
        if not value and not allow_empty:
            raise ValueError("must not be empty")
        items = tuple(convert_item(item) for item in value)
        if len(set(items)) != len(items):
            raise ValueError("lists the same value twice")
        return items

    return convert


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ContentError(path, None, "file not found") from None
    except tomllib.TOMLDecodeError as error:
        raise ContentError(path, None, f"not valid TOML: {error}") from None


def load_entries(path: Path, table: str, fields: Iterable[Field]) -> list[dict[str, Any]]:
    """Read `[[table]]` entries from a TOML file, each with a unique `id`, converting every
    field and rejecting unknown keys (an unknown key is usually a typo of a known one)."""
    fields = list(fields)
    known = {"id"} | {field.name for field in fields}
    document = read_toml(path)
    raw_entries = document.get(table)
    if not isinstance(raw_entries, list) or not raw_entries:
        raise ContentError(path, None, f"expected one or more [[{table}]] entries")
    seen: set[str] = set()
    entries: list[dict[str, Any]] = []
    for position, raw in enumerate(raw_entries, start=1):
        entry_id = raw.get("id") if isinstance(raw, dict) else None
        label = entry_id if isinstance(entry_id, str) and entry_id else f"#{position}"
        if not isinstance(entry_id, str) or not entry_id.strip():
            raise ContentError(path, label, "missing field 'id'")
        if entry_id in seen:
            raise ContentError(path, label, "duplicate id")
        seen.add(entry_id)
        unknown = sorted(set(raw) - known)
        if unknown:
            raise ContentError(path, label, f"unknown field(s): {', '.join(unknown)}")
        entry: dict[str, Any] = {"id": entry_id}
        for field in fields:
            if field.name not in raw:
                if field.required:
                    raise ContentError(path, label, f"missing field '{field.name}'")
                entry[field.name] = field.default
                continue
            try:
                entry[field.name] = field.convert(raw[field.name])
            except ValueError as error:
                raise ContentError(path, label, f"field '{field.name}' {error}") from None
        entries.append(entry)
    return entries
