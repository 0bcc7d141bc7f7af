"""The client's progress page and integration reviews. Thin views: lookups through
`progress.access`, writes through `progress.actions`, everything shown from the presenters."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from interplay.web.accounts.decorators import client_required
from interplay.web.assessments.reference import practice_references
from interplay.web.kernel.requests import ClientRequest
from interplay.web.progress.data import own_data
from interplay.web.progress.presenters import progress_context


def query_int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None  # a hand-edited address falls back to the first and latest


@client_required
def progress(request: ClientRequest) -> HttpResponse:
    context = progress_context(
        own_data(request.user),
        practice_references(),
        query_int(request.GET.get("from")),
        query_int(request.GET.get("to")),
    )
    return render(request, "progress/progress.html", context)
