"""Errors as RFC 9457 problem details (`application/problem+json`): every refusal the API gives
has the same shape, a status, a short title and a detail a person can act on. A 404 says only
"not found", whether the id does not exist or belongs to someone else."""

from __future__ import annotations

import json
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
    422: "Cannot be carried out",
    429: "Too many requests",
    500: "Server error",
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
