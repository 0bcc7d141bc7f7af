"""A coach and a client's guided path: give the path to a client, see where they are when they
share it (on the client page, through `ClientView.path()`), suggest the step to take next."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interplay.web.accounts.decorators import coach_required
from interplay.web.coaching.access import access_client_for_coach, coach_read
from interplay.web.coaching.client_view import ClientView
from interplay.web.kernel.audit import record
from interplay.web.kernel.errors import ActionError
from interplay.web.kernel.requests import CoachRequest
from interplay.web.path import actions
from interplay.web.path.labels import STATUS_NAMES


def path_summary(view: ClientView) -> dict[str, object]:
    """What the client page shows of the path: the shared progress, or whether this coach gave
    the path (and may give it)."""
    state = view.path()
    rows = []
    if state is not None:
        rows = [
            {"step": s.step, "status": s.status.value, "status_name": STATUS_NAMES[s.status]}
            for s in state.steps
        ]
    return {
        "state": state,
        "rows": rows,
        "given_by_me": view.path_given_by_me(),
        "total": len(rows),
    }


@coach_required
@require_POST
def assign_path(request: CoachRequest, client_id: int) -> HttpResponse:
    view = access_client_for_coach(request.user, client_id)
    record(coach_read(view, "path assign"))
    actions.do_assign_path(view.client, actor=request.user)
    messages.success(
        request,
        _("The path is on %(name)s's Home. Their progress stays private until they share it.")
        % {"name": view.client.name},
    )
    return redirect("coaching:client", view.client.pk)


@coach_required
@require_POST
def suggest_step(request: CoachRequest, client_id: int) -> HttpResponse:
    view = access_client_for_coach(request.user, client_id)
    record(coach_read(view, "path suggest"))
    if view.path() is None:  # only a shared path: the coach has seen where the client is
        messages.error(request, _("This person has not shared their path with you."))
        return redirect("coaching:client", view.client.pk)
    try:
        actions.do_suggest_step(view.client, request.POST.get("step", ""), actor=request.user)
    except ActionError as problem:
        messages.error(request, str(problem))
    else:
        messages.success(
            request,
            _("Suggested. %(name)s will see it on their path.") % {"name": view.client.name},
        )
    return redirect("coaching:client", view.client.pk)
