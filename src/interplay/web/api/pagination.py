"""Pagination by cursor: a page holds up to `limit` rows newest first, and `next_cursor` names
the last row shown, so the next page starts after it even while new rows arrive (an offset
would repeat or skip rows then). A cursor is opaque to the caller: URL-safe base64 of the last
row's time and id."""

from __future__ import annotations

import base64
import binascii
import json
from datetime import datetime
from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet
from django.utils.translation import gettext as _

from interplay.web.api.problems import Problem

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
M = TypeVar("M", bound=Model)


def encode(moment: datetime, pk: int) -> str:
    raw = json.dumps([moment.isoformat(), pk]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str) -> tuple[datetime, int]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        moment, pk = json.loads(base64.urlsafe_b64decode(padded.encode()))
        found = (datetime.fromisoformat(moment), int(pk))
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
        raise Problem(400, "bad_cursor", _("This cursor is not one the API gave out.")) from None
    if found[0].tzinfo is None:
        raise Problem(400, "bad_cursor", _("This cursor is not one the API gave out."))
    return found


def newest_first(
    rows: QuerySet[M], field: str, cursor: str | None, limit: int
) -> tuple[list[M], str | None]:
    """One page of `rows` ordered by `field` then id, newest first, after `cursor`."""
    limit = max(1, min(limit, MAX_LIMIT))
    ordered = rows.order_by(f"-{field}", "-id")
    if cursor:
        moment, pk = decode(cursor)
        ordered = ordered.filter(Q(**{f"{field}__lt": moment}) | Q(**{field: moment, "id__lt": pk}))
    page = list(ordered[: limit + 1])
    more = len(page) > limit
    page = page[:limit]
    last: Any = page[-1] if page else None
    return page, encode(getattr(last, field), last.pk) if more and last is not None else None
