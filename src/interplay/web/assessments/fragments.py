"""The profile page's findings, rendered once per finished assessment and language (and,
through `kept`, the other parts that are the same for the same key: the Balance Map's markup
per set of points, the growth sentence per pair of finished assessments).

A finished assessment's profile is written once, by `do_finish_assessment` (which returns
early for a finished one), and never changed after: the findings, scores, questions and
experiments rendered from it are the same HTML on every visit, and rendering them was most of
the page's cost. So that part is kept, in this process's memory only (never in a shared cache
or on disk: it is the person's own reading), keyed by the assessment's id, owner, the moment it
was finished and the language. The page around it (the map with its trail, which grows with
later check-ins, the sharing switch, earlier assessments) is rendered on every request, and
the view reaches this only after the scoped lookup let it in (`get_assessment_for_user`; for
the coach's profile section, the `ClientView`'s shared assessments, so an assessment the client
stops sharing is not found, and so not shown, whatever is kept)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from threading import Lock
from typing import TypeVar, cast

from django.utils.safestring import SafeString
from django.utils.translation import get_language

from interplay.web.assessments.models import Assessment

KEPT = 1024  # kept results per process (the findings about 15 kB each, the rest smaller)
T = TypeVar("T")
_kept: OrderedDict[tuple[object, ...], object] = OrderedDict()
_lock = Lock()


def findings_html(
    assessment: Assessment, render: Callable[[], SafeString], audience: str = "client"
) -> SafeString:
    """The findings' HTML for this finished assessment, `render()`ed at its first showing;
    `audience` "coach" keeps the coach's wording apart. `assessment` needs only its id, owner
    and finishing time here (its profile is read by `render`, on a miss only)."""
    if assessment.completed_at is None:
        return render()  # not finished: nothing is immutable yet
    key = (
        "findings",
        assessment.pk,
        assessment.user_id,
        assessment.completed_at.isoformat(),
        audience,
    )
    return kept(key, render)


def kept(key: tuple[object, ...], make: Callable[[], T]) -> T:
    """What `make()` gives for `key` (in this process's language), made at its first use.
    `key` must hold everything the result depends on: the same key, the same result."""
    full_key = (*key, get_language())
    with _lock:
        if full_key in _kept:
            _kept.move_to_end(full_key)
            return cast(T, _kept[full_key])
    found = make()
    with _lock:
        _kept[full_key] = found
        while len(_kept) > KEPT:
            _kept.popitem(last=False)
    return found


def forget_all() -> None:
    """Drop every kept fragment (tests; a restore of older data into a running process)."""
    with _lock:
        _kept.clear()
