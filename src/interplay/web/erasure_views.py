"""Delete my account (a client) or close my practice (a coach), with the full export offered
first. Both are in sudo mode (`accounts.decorators.reauthenticated`, allauth's
reauthentication: confirmed within ten minutes); a coach must also have passed two-factor in
this session."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interplay.web.accounts.decorators import reauthenticated
from interplay.web.erasure import do_delete_account
from interplay.web.exports.archive import zip_export
from interplay.web.exports.serialise import coach_own_export, owner_export
from interplay.web.kernel.audit import Audit, record
from interplay.web.kernel.models import WEB, AuditKind
from interplay.web.kernel.requests import AuthenticatedRequest

CONFIRM_WORD = "delete"


def _page(request: AuthenticatedRequest, error: str = "", status: int = 200) -> HttpResponse:
    context = {"error": error, "confirm_word": CONFIRM_WORD}
    return render(request, "accounts/delete.html", context, status=status)


@reauthenticated
def delete_account(request: AuthenticatedRequest) -> HttpResponse:
    if request.method != "POST":
        return _page(request)
    if request.POST.get("confirm", "").strip().lower() != CONFIRM_WORD:
        return _page(
            request,
            _('Type the word "%(word)s" to confirm. Nothing was deleted.') % {"word": CONFIRM_WORD},
            422,
        )
    user = request.user
    was_coach = user.is_coach
    logout(request)
    do_delete_account(user, actor=user)
    messages.info(
        request,
        _("Your practice is closed and everything you wrote in it is erased.")
        if was_coach
        else _("Your account and everything in it are erased."),
    )
    return redirect("account_login")


@require_POST
@reauthenticated
def export_zip(request: AuthenticatedRequest) -> HttpResponse:
    """Everything as a zip of JSON and CSV (exports/archive.py), POST only, in sudo mode."""
    user = request.user
    data = coach_own_export(user) if user.is_coach else owner_export(user)
    record(Audit(AuditKind.OWN_EXPORT, client_id=user.pk, actor_id=user.pk, what=WEB))
    response = HttpResponse(zip_export(data), content_type="application/zip")
    name = f"interplay-everything-{timezone.localdate():%Y-%m-%d}.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


app_name = "erasure"
urlpatterns = [
    path("account/delete/", delete_account, name="delete_account"),
    path("account/everything.zip", export_zip, name="export_zip"),
]
