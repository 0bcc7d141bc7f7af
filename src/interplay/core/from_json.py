"""Rebuilding the core's frozen dataclasses from their JSON (`to_jsonable`'s inverse).

`from_jsonable(SomeDataclass, data)` walks the dataclass's type hints: nested dataclasses,
enums (by value), `tuple[X, ...]`, `X | None`, mappings, and plain numbers and strings. Anything
that does not fit raises `ShapeError` naming the path at fault (`scales[3].level`), so a stored
profile of the wrong shape fails loudly at the edge instead of deep inside a page."""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from enum import Enum
from functools import cache
from typing import Any, TypeVar, Union

from interplay.core.reasons import Reason, from_stored

T = TypeVar("T")


class ShapeError(ValueError):
    """Data that does not have the shape the dataclass says."""


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_jsonable(kind: type[T], data: object, path: str = "") -> T:
    result: T = _convert(kind, data, path or kind.__name__)
    return result


def _convert(kind: Any, data: object, path: str) -> Any:
    origin = typing.get_origin(kind)
    if kind is Any:
        return data
    if kind is Reason:  # {"code", "params"}, or the text the first profile form stored
        try:
            return from_stored(data)
        except ValueError as error:
            raise ShapeError(f"{path}: {error}") from error
    if origin in (Union, types.UnionType):
        options = typing.get_args(kind)
        if data is None and type(None) in options:
            return None
        errors = []
        for option in options:
            if option is type(None):
                continue
            try:
                return _convert(option, data, path)
            except ShapeError as error:
                errors.append(str(error))
        raise ShapeError(errors[0] if errors else f"{path}: unexpected null")
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        if not isinstance(data, Mapping):
            raise ShapeError(f"{path}: expected an object, got {type(data).__name__}")
        hints = _hints(kind)
        values = {}
        for field in dataclasses.fields(kind):
            if not field.init:
                continue
            if field.name not in data:
                if (
                    field.default is not dataclasses.MISSING
                    or field.default_factory is not dataclasses.MISSING
                ):
                    continue
                raise ShapeError(f"{path}.{field.name}: missing")
            values[field.name] = _convert(
                hints[field.name], data[field.name], f"{path}.{field.name}"
            )
        return kind(**values)
    if isinstance(kind, type) and issubclass(kind, Enum):
        try:
            return kind(data)
        except ValueError as error:
            raise ShapeError(f"{path}: {data!r} is not a {kind.__name__}") from error
    if origin is tuple:
        args = typing.get_args(kind)
        if not isinstance(data, (list, tuple)):
            raise ShapeError(f"{path}: expected a list, got {type(data).__name__}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], item, f"{path}[{i}]") for i, item in enumerate(data))
        if len(args) != len(data):
            raise ShapeError(f"{path}: expected {len(args)} items, got {len(data)}")
        return tuple(
            _convert(a, item, f"{path}[{i}]")
            for i, (a, item) in enumerate(zip(args, data, strict=True))
        )
    if origin in (dict, Mapping, typing.get_origin(Mapping[str, int])):
        key_kind, value_kind = typing.get_args(kind)
        if not isinstance(data, Mapping):
            raise ShapeError(f"{path}: expected an object, got {type(data).__name__}")
        return {
            _convert(key_kind, key, f"{path}.{key}"): _convert(value_kind, value, f"{path}.{key}")
            for key, value in data.items()
        }
    if origin is list:
        (item_kind,) = typing.get_args(kind)
        if not isinstance(data, list):
            raise ShapeError(f"{path}: expected a list, got {type(data).__name__}")
        return [_convert(item_kind, item, f"{path}[{i}]") for i, item in enumerate(data)]
    if kind is float:
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            raise ShapeError(f"{path}: expected a number, got {data!r}")
        return float(data)
    if kind is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise ShapeError(f"{path}: expected a whole number, got {data!r}")
        return data
    if kind in (str, bool):
        if not isinstance(data, kind):
            raise ShapeError(f"{path}: expected {kind.__name__}, got {data!r}")
        return data
    raise ShapeError(f"{path}: cannot read a {kind!r}")
