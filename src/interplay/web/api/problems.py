"""Errors as RFC 9457 problem details (`application/problem+json`): every refusal the API gives
has the same shape, a status, a short title and a detail a person can act on. A 404 says only
"not found", whether the id does not exist or belongs to someone else."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

CONTENT_TYPE = "application/problem+json"


class Problem(Exception):
    """Raised anywhere below an endpoint to answer with a problem document."""

    def __init__(
        self, status: int, code: str, detail: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail
        self.headers = headers or {}


def missing_scope(scope: str) -> Problem:
    return Problem(
        403,
        "insufficient_scope",
        _("This token may not do that: it needs the %(scope)s permission.") % {"scope": scope},
    )


def throttled(retry_after: int) -> Problem:
    return Problem(
        429,
        "throttled",
        _("Too many requests with this token: wait %(seconds)s seconds and try again.")
        % {"seconds": retry_after},
        {"Retry-After": str(retry_after)},
    )


TITLES = {
    400: "Bad request",
    401: "Not signed in",
    403: "Not allowed",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    413: "Too large",
    422: "Cannot be carried out",
    429: "Too many requests",
    500: "Server error",
    503: "Unavailable",
}


def problem_response(
    request: HttpRequest,
    status: int,
    code: str,
    detail: str,
    *,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "code": code,
        "instance": request.path,
    }
    if errors:
        body["errors"] = errors
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=CONTENT_TYPE
    )
    for name, value in (headers or {}).items():
        response[name] = value
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="interplay"'
    return response


API_PREFIX = "/api/"
# Headers of the original answer a client acts on, kept when it is rewritten as a problem.
KEPT_HEADERS = ("Allow", "Retry-After", "Cache-Control", "WWW-Authenticate")


def _detail_for(request: HttpRequest, response: HttpResponse) -> tuple[str, str]:
    """The code and detail for an error answered outside the API's own handlers."""
    status = response.status_code
    if status == 404:
        return "not_found", _("There is nothing here.")
    if status == 405:
        allowed = ", ".join(sorted(m.strip() for m in response.get("Allow", "").split(",")))
        return "method_not_allowed", _(
            "This address does not answer %(method)s; it answers %(allowed)s."
        ) % {"method": request.method, "allowed": allowed}
    if status == 413:
        return "too_large", _("What was sent is too large. Nothing was saved.")
    if status == 503:
        return "unavailable", _(
            "The server cannot store anything just now. Nothing was saved; try again later."
        )
    if status >= 500:
        return "server_error", _(
            "The server failed to answer this request. Try again later; if it keeps failing, "
            "tell the practice's administrator."
        )
    return "http_error", _("The request could not be carried out.")


class ProblemMiddleware:
    """Every error under /api/ as a problem document, including the ones that never reach
    the API's exception handlers: a method an address does not answer (django-ninja's bare
    405), an unknown address (Django's 404 page), a server error (Django's 500 page) and the
    storage and size refusals the kernel's middleware answers with pages. It sits inside the
    header middleware, so the rewritten answer still gets the privacy and security headers."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code < 400
            or not request.path.startswith(API_PREFIX)
            or response.get("Content-Type", "").startswith(CONTENT_TYPE)
        ):
            return response
        code, detail = _detail_for(request, response)
        kept = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
        return problem_response(request, response.status_code, code, detail, headers=kept)
