"""A cheaper constructor for the profile's frozen dataclasses.

A frozen dataclass's generated `__init__` sets every field through `object.__setattr__`, to get
past its own `__setattr__` that refuses changes. A profile makes about fifty such objects with
some 270 fields, and those calls were a fifth of building it. `quick_init` gives the class an
`__init__` that sets the new instance's `__dict__` to one dictionary of its fields: the same
signature, the same instance afterwards (equality, hashing, `repr`, `dataclasses.replace` and
the refusal to change a field afterwards are all the dataclass's own, untouched).
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """Decorate a `@dataclass(frozen=True)` class (outermost) with fields that have no
    defaults, no `__post_init__` and no slots; anything else is refused at import."""
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen:
        raise TypeError(f"{cls.__name__}: quick_init is for frozen dataclasses")
    if hasattr(cls, "__post_init__") or hasattr(cls, "__slots__"):
        raise TypeError(f"{cls.__name__}: quick_init cannot run __post_init__ or fill slots")
    names = []
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]  # checked a dataclass above
        has_default = field.default is not dataclasses.MISSING
        if has_default or field.default_factory is not dataclasses.MISSING or not field.init:
            raise TypeError(f"{cls.__name__}.{field.name}: quick_init needs plain fields")
        names.append(field.name)
    # Generated once per class, as dataclasses does: the fields are one dictionary literal,
    # set as the instance's `__dict__` through the class's own `__dict__` descriptor (the
    # frozen `__setattr__` would refuse it). Filling `self.__dict__` key by key instead makes
    # a split dictionary (keys shared with the class), and CPython 3.11 cannot specialise
    # reading an attribute from a split `__dict__` that was materialised: every later
    # `score.level` went the slow, generic way (about 2.5 times the cost of a read from the
    # combined dictionary set here).
    set_fields = _dict_descriptor(cls).__set__
    entries = ", ".join(f"{name!r}: {name}" for name in names)
    source = f"def __init__(self, {', '.join(names)}):\n    set_fields(self, {{{entries}}})\n"
    namespace: dict[str, Any] = {}
    # our own field names, checked by dataclasses
    exec(source, {"set_fields": set_fields}, namespace)  # noqa: S102
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = f"Set every field of {cls.__name__} (see core/frozen.py)."
    setattr(cls, "__init__", init)  # noqa: B010  # mypy refuses assigning to __init__
    return cls


def _dict_descriptor(cls: type) -> Any:
    # the `__dict__` descriptor lives in the first class of the line that has an instance dict
    for kind in cls.__mro__:
        if "__dict__" in vars(kind):
            return vars(kind)["__dict__"]
    raise TypeError(f"{cls.__name__}: quick_init needs instances with a __dict__")
