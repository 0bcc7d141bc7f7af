"""docs/security.md lists every column of every Interplay table on the side it is stored:
encrypted or plain. A new column fails here until it is listed, with its reason."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.apps import apps

from interplay.web.crypto import EncryptedTextField

DOC = Path("docs/security.md").read_text(encoding="utf-8")
ROW = re.compile(r"^\| `(?P<model>\w+\.\w+)` \(`\w+`\) \| (?P<sealed>[^|]*) \| (?P<plain>[^:|]*):")


def documented() -> dict[str, tuple[set[str], set[str]]]:
    rows = {}
    for line in DOC.splitlines():
        match = ROW.match(line)
        if match:
            sealed = set(re.findall(r"`(\w+)`", match["sealed"]))
            plain = set(re.findall(r"`(\w+)`", match["plain"]))
            rows[match["model"]] = (sealed, plain)
    return rows


MODELS = [m for m in apps.get_models() if m.__module__.startswith("interplay.")]


@pytest.mark.parametrize("model", MODELS, ids=[m._meta.label for m in MODELS])
def test_every_column_is_listed_on_the_side_it_is_stored(model):
    rows = documented()
    assert model._meta.label in rows, f"{model._meta.label} is missing from docs/security.md"
    sealed, plain = rows[model._meta.label]
    fields = model._meta.concrete_fields
    assert sealed == {f.name for f in fields if isinstance(f, EncryptedTextField)}
    assert plain == {f.name for f in fields if not isinstance(f, EncryptedTextField)}


def test_the_table_has_no_model_that_is_gone():
    assert set(documented()) == {m._meta.label for m in MODELS}
