"""The API itself: one NinjaAPI under /api/v1/ with its routers, every error answered as a
problem document, and the OpenAPI schema at /api/v1/openapi.json saying so. No docs page: the
interactive one would load scripts from another host, which no page here does."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.openapi.schema import OpenAPISchema

from interplay.web.api import routes_calendar, routes_clients, routes_journal, routes_own
from interplay.web.api.problems import CONTENT_TYPE, Problem, problem_response
from interplay.web.kernel.errors import ActionError

ROUTERS = (routes_own, routes_journal, routes_clients, routes_calendar)


class InterplayAPI(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        for operations in schema["paths"].values():
            for operation in operations.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        content[CONTENT_TYPE] = content.pop("application/json")
                    elif operation.get("operationId", "").endswith("_calendar") and content:
                        content["text/calendar"] = {"schema": {"type": "string"}}
                        content.pop("application/json", None)
        return schema


api = InterplayAPI(
    title="Interplay API",
    version="1",
    description="Personal access tokens (Authorization: Bearer ...) with scopes; see docs/api.md.",
    docs_url=None,
    urls_namespace="api",
)
for module in ROUTERS:
    api.add_router("", module.router)


@api.exception_handler(Problem)
def _problem(request: HttpRequest, error: Problem) -> HttpResponse:
    return problem_response(request, error.status, error.code, error.detail, headers=error.headers)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, error: Http404) -> HttpResponse:
    return problem_response(request, 404, "not_found", _("There is nothing here."))


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
    detail = _("Send a valid personal access token: Authorization: Bearer <token>.")
    return problem_response(request, 401, "unauthenticated", detail)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
    errors = [
        {"where": [str(part) for part in item.get("loc", ())], "message": str(item.get("msg"))}
        for item in error.errors
    ]
    detail = _("Some of what was sent is not valid: see errors.")
    return problem_response(request, 422, "invalid", detail, errors=errors)


@api.exception_handler(ActionError)
def _refused(request: HttpRequest, error: ActionError) -> HttpResponse:
    return problem_response(request, 422, "refused", str(error))


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
    return problem_response(request, error.status_code, "http_error", str(error))
