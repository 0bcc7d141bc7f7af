"""Escaping for HTML written in Python (the rows of long lists and tables, where a template
loop's nodes cost more than the data behind them)."""

from __future__ import annotations

import html


def e(value: object) -> str:
    """`django.utils.html.conditional_escape` without its lazy-string wrapper: a value that is
    already safe HTML (it has `__html__`) as it is, anything else through `html.escape`, as
    Django's `escape` does, so the text is the same."""
    if type(value) is str:  # the common case, without the failed attribute look-up
        return html.escape(value)
    made = getattr(value, "__html__", None)
    return str(made()) if made is not None else html.escape(str(value))
