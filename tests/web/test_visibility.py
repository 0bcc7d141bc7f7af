"""One owner of what a coach may see: the sharing rule is written in `coaching/client_view.py`
and nowhere else, so a new page cannot grow its own (possibly wrong) idea of "shared"."""

from __future__ import annotations

import ast
from pathlib import Path

import interplay.web

WEB = Path(interplay.web.__file__).resolve().parent
OWNER = WEB / "coaching" / "client_view.py"
# Keyword arguments that filter on what a client shared, in any call (filter, exclude, get, Q,
# annotate ...): `shared_with_coach=True`, `shared_with_coach__in=...`, and so on.
SHARING_FIELDS = ("shared_with_coach",)


def _sharing_filters(path: Path) -> list[str]:
    return _filters_in(path.read_text(encoding="utf-8"), str(path.relative_to(WEB)))


def _filters_in(source: str, name: str) -> list[str]:
    tree = ast.parse(source, filename=name)
    # A partial index's condition (`models.Index(..., condition=Q(shared_with_coach=True))`)
    # is the database's shape, not a read: it is not a sharing filter.
    index_conditions = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "Index"
        for keyword in node.keywords
        if keyword.arg == "condition"
        for inner in ast.walk(keyword.value)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and id(node) not in index_conditions:
            for keyword in node.keywords:
                if keyword.arg and keyword.arg.startswith(SHARING_FIELDS):
                    found.append(f"{name}:{node.lineno}: {keyword.arg}=")
    return found


def _modules() -> list[Path]:
    return [
        path
        for path in sorted(WEB.rglob("*.py"))
        if "migrations" not in path.parts and path != OWNER
    ]


def test_no_sharing_filter_is_written_outside_the_client_view():
    found = [line for path in _modules() for line in _sharing_filters(path)]
    assert found == [], "filter on sharing only in coaching/client_view.py:\n" + "\n".join(found)


def test_the_guard_sees_a_sharing_filter():
    source = "rows = Entry.objects.filter(Q(shared_with_coach__in=[True]), owner=client)\n"
    assert _filters_in(source, "sample.py") == ["sample.py:1: shared_with_coach__in="]
    source = "rows = Entry.objects.filter(owner=client, shared_with_coach=True)\n"
    assert _filters_in(source, "sample.py") == ["sample.py:1: shared_with_coach="]


def test_a_partial_index_condition_is_not_a_filter():
    source = "i = models.Index(fields=['owner'], condition=Q(shared_with_coach=True), name='x')\n"
    assert _filters_in(source, "models.py") == []


def test_the_owner_module_holds_the_rule():
    assert _sharing_filters(OWNER), "the ClientView module should be where sharing is filtered"
