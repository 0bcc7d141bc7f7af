"""The real URLs plus `/__bench__/bare/<size>/`: a view that returns `size` bytes of HTML
through the same middleware, as the baseline for bench/bench_web.py."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from interplay.web.urls import urlpatterns as site_patterns


def bare(request: HttpRequest, size: int) -> HttpResponse:
    return HttpResponse(b"x" * size, content_type="text/html; charset=utf-8")


urlpatterns = [path("__bench__/bare/<int:size>/", bare), *site_patterns]
