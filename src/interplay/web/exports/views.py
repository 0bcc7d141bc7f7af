"""Download views. Both are POST-only (with CSRF), so a link or image elsewhere cannot make a
browser fetch someone's data, and each download is recorded."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from interplay.web.accounts.decorators import client_required, coach_required
from interplay.web.exports.actions import do_export_own_data, do_export_shared_data
from interplay.web.kernel.requests import ClientRequest, CoachRequest


def _download(text: str, name: str) -> HttpResponse:
    response = HttpResponse(text, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    # Never kept by a shared cache or the browser's back button.
    response["Cache-Control"] = "no-store"
    return response


@client_required
@require_POST
def my_data(request: ClientRequest) -> HttpResponse:
    user = request.user
    text = do_export_own_data(actor=user)
    return _download(text, f"interplay-my-data-{timezone.localdate():%Y-%m-%d}.json")


@coach_required
@require_POST
def client_shared_data(request: CoachRequest, client_id: int) -> HttpResponse:
    coach = request.user
    client, text = do_export_shared_data(client_id, actor=coach)
    return _download(
        text, f"interplay-client-{client.pk}-shared-{timezone.localdate():%Y-%m-%d}.json"
    )
