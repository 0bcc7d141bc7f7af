"""`loads`: json.loads with a limit on nesting, for everything the CLI reads.

Python's parser recurses once per level, so a file of a few thousand `[` crashes it with a
RecursionError (a traceback, not a message). Nothing Interplay reads is nested more than a few
levels, so anything deeper than MAX_DEPTH is refused first, with the line and column where it
went too deep, as the ordinary JSONDecodeError every caller already reports.
"""

from __future__ import annotations

import json
from typing import Any

MAX_DEPTH = 64


def _too_deep_at(text: str, limit: int) -> int | None:
    depth = 0
    in_string = escaped = False
    for position, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return position
        elif char in "]}":
            depth -= 1
    return None


def loads(text: str, max_depth: int = MAX_DEPTH) -> Any:
    position = _too_deep_at(text, max_depth)
    if position is not None:
        raise json.JSONDecodeError(f"nested more than {max_depth} levels deep", text, position)
    return json.loads(text)
