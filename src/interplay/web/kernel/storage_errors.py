"""Honest answers when the server cannot store anything, and when a post is too large.

A full disk or a read-only database used to end on the generic error page, which says that
what was saved is safe: true of what was saved before, but the person's latest text was not.
This middleware recognises those failures and answers 503 with "this was not saved", the
text the person sent shown back to them (their own words, in their own session, never
stored or logged), so they can copy it somewhere before going. A post larger than
DATA_UPLOAD_MAX_MEMORY_SIZE gets its own page (413) instead of Django's bare "Bad Request".
"""

from __future__ import annotations

import errno
from collections.abc import Callable

from django.core.exceptions import RequestDataTooBig
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from interplay.web.kernel.headers import mark_no_store

FULL = ("database or disk is full", "no space left on device", "could not extend file")
READ_ONLY = ("readonly database", "read-only", "read only")
STORAGE_ERRNOS = {errno.ENOSPC, errno.EROFS, errno.EDQUOT}
# Never shown back: secrets and the form machinery.
HIDDEN_FIELDS = {"csrfmiddlewaretoken", "idempotency_key", "password", "token", "code"}


def storage_problem(exception: BaseException) -> str | None:
    """ "full" or "read-only" when `exception` is the server failing to store, else None."""
    if isinstance(exception, OSError) and exception.errno in STORAGE_ERRNOS:
        return "read-only" if exception.errno == errno.EROFS else "full"
    if isinstance(exception, DatabaseError):
        text = str(exception).lower()
        if any(marker in text for marker in FULL):
            return "full"
        if any(marker in text for marker in READ_ONLY):
            return "read-only"
    return None


def sent_text(request: HttpRequest) -> list[tuple[str, str]]:
    """The text fields of a POST that could not be kept, to show back (never secrets)."""
    if request.method != "POST":
        return []
    try:
        names = list(request.POST.keys())
    except RequestDataTooBig:
        return []
    return [
        (name, value)
        for name in names
        for value in [str(request.POST.get(name, ""))]
        if value.strip() and not any(secret in name.lower() for secret in HIDDEN_FIELDS)
    ]


def not_saved_response(request: HttpRequest, problem: str) -> HttpResponse:
    if request.headers.get("HX-Request"):
        message = _(
            "This was not saved: the server cannot store anything just now. Your text is still "
            "here; copy it somewhere safe."
        )
        response = HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
    else:
        context = {"problem": problem, "fields": sent_text(request)}
        response = render(request, "not_saved.html", context, status=503)
    response["Retry-After"] = "300"
    mark_no_store(response)
    return response


def too_large_response(request: HttpRequest) -> HttpResponse:
    response = render(request, "too_large.html", status=413)
    mark_no_store(response)
    return response


class StorageErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        problem = storage_problem(exception)
        if problem is not None:
            return not_saved_response(request, problem)
        return None


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler400: a post over the size limit gets a page saying so; anything else, Django's."""
    if isinstance(exception, RequestDataTooBig):
        return too_large_response(request)
    from django.views.defaults import bad_request as django_bad_request

    return django_bad_request(request, exception or Exception())
