"""Escaping for HTML written in Python (the rows of long lists and tables, where a template
loop's nodes cost more than the data behind them)."""

from __future__ import annotations

import html
import re


def e(value: object) -> str:
    """`django.utils.html.conditional_escape` without its lazy-string wrapper: a value that is
    already safe HTML (it has `__html__`) as it is, anything else through `html.escape`, as
    Django's `escape` does, so the text is the same."""
    if type(value) is str:  # the common case, without the failed attribute look-up
        return html.escape(value)
    made = getattr(value, "__html__", None)
    return str(made()) if made is not None else html.escape(str(value))


_LINE_BREAK = re.compile(r"\r\n|\r")


def lines(value: object) -> str:
    """Django's `linebreaksbr` filter (autoescaping on) for text written in Python: line
    breaks made single `\\n`s, the text escaped as `e` escapes it, each break a `<br>`. The
    filter's decorators and lazy wrappers cost more than the work on a page of entries."""
    return e(_LINE_BREAK.sub("\n", str(value)) if type(value) is str else value).replace(
        "\n", "<br>"
    )
