"""Values and beliefs with their reframes. Private until shared one item at a time.

The two belief pages that show the experiments which tested a belief (the list and one
belief) are served by `practice.belief_views`: practice stands above values in the layers, so
values never imports it."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interplay.core.values import value_list
from interplay.web.accounts.decorators import client_required
from interplay.web.kernel.errors import ActionError
from interplay.web.kernel.requests import ClientRequest
from interplay.web.values import actions
from interplay.web.values.access import (
    get_belief_for_user,
    get_value_for_user,
    values_of,
)
from interplay.web.values.actions import BELIEF_FIELDS
from interplay.web.values.models import Belief


@client_required
def value_page(request: ClientRequest) -> HttpResponse:
    user = request.user
    error = None
    own_words = ""
    if request.method == "POST":
        own_words = request.POST.get("own_words", "")
        try:
            value = actions.do_add_value(request.POST.get("value_id", ""), own_words, actor=user)
        except ActionError as problem:
            error = str(problem)
        else:
            messages.success(
                request, _("Added “%(value)s”. Only you can see it.") % {"value": value.label}
            )
            return redirect("values:list")
    mine = values_of(user)
    named = {v.value_id for v in mine if v.value_id}
    context = {
        "values": mine,
        "choices": [v for v in value_list() if v.id not in named],
        "own_words": own_words,
        "error": error,
    }
    return render(request, "values/values.html", context, status=422 if error else 200)


@client_required
@require_POST
def share_value(request: ClientRequest, pk: int) -> HttpResponse:
    value = get_value_for_user(request.user, pk)
    shared = request.POST.get("shared") == "1"
    actions.do_set_value_sharing(value, shared, actor=request.user)
    messages.success(request, _("Shared with your coach.") if shared else _("Private again."))
    return redirect("values:list")


@client_required
@require_POST
def delete_value(request: ClientRequest, pk: int) -> HttpResponse:
    actions.do_delete_value(get_value_for_user(request.user, pk), actor=request.user)
    messages.success(request, _("Removed."))
    return redirect("values:list")


def _belief_editor(request: ClientRequest, belief: Belief | None) -> HttpResponse:
    user = request.user
    form = {name: getattr(belief, name) if belief else "" for name in BELIEF_FIELDS}
    error = None
    if request.method == "POST":
        form = {name: request.POST.get(name, "") for name in BELIEF_FIELDS}
        try:
            saved = actions.do_save_belief(form, belief, actor=user)
        except ActionError as problem:
            error = str(problem)
        else:
            messages.success(request, _("Saved. Only you can see this belief."))
            return redirect("values:belief", saved.pk)
    return render(
        request,
        "values/belief_edit.html",
        {"belief": belief, "form": form, "error": error},
        status=422 if error else 200,
    )


@client_required
def new_belief(request: ClientRequest) -> HttpResponse:
    return _belief_editor(request, None)


@client_required
def edit_belief(request: ClientRequest, pk: int) -> HttpResponse:
    return _belief_editor(request, get_belief_for_user(request.user, pk))


@client_required
@require_POST
def share_belief(request: ClientRequest, pk: int) -> HttpResponse:
    belief = get_belief_for_user(request.user, pk)
    shared = request.POST.get("shared") == "1"
    actions.do_set_belief_sharing(belief, shared, actor=request.user)
    messages.success(request, _("Shared with your coach.") if shared else _("Private again."))
    return redirect("values:belief", pk)


@client_required
@require_POST
def delete_belief(request: ClientRequest, pk: int) -> HttpResponse:
    actions.do_delete_belief(get_belief_for_user(request.user, pk), actor=request.user)
    messages.success(request, _("The belief has been deleted."))
    return redirect("values:beliefs")
