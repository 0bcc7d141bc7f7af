"""The real URLs plus two baselines for bench/bench_web.py:

- `/__bench__/bare/<size>/`: `size` bytes of HTML through the same middleware, no database,
  no template;
- `/__bench__/floor/`: the *signed-in floor*, a page with the same session, user and base
  layout as the real pages and no data, so a page's ratio to it is what its own data costs."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from interplay.web.urls import urlpatterns as site_patterns

FLOOR = engines["django"].from_string(
    '{% extends "base.html" %}{% load i18n %}{% block title %}{% translate "Floor" %}'
    '{% endblock %}{% block content %}<h1>{% translate "Floor" %}</h1>{% endblock %}'
)


def bare(request: HttpRequest, size: int) -> HttpResponse:
    return HttpResponse(b"x" * size, content_type="text/html; charset=utf-8")


@login_required
def floor(request: HttpRequest) -> HttpResponse:
    return HttpResponse(FLOOR.render({}, request))


urlpatterns = [
    path("__bench__/bare/<int:size>/", bare),
    path("__bench__/floor/", floor),
    *site_patterns,
]
