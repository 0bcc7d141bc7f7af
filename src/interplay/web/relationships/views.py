"""The client's relationship map: the people, the picture, and what it suggests."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interplay.core.relationship_layout import layout_map
from interplay.core.relationships import recommend
from interplay.web.accounts.decorators import client_required
from interplay.web.accounts.models import User
from interplay.web.kernel.errors import ActionError
from interplay.web.kernel.requests import ClientRequest
from interplay.web.labels import practice as labels
from interplay.web.relationships import actions
from interplay.web.relationships.access import (
    get_person_for_user,
    get_snapshot_for_user,
    map_is_shared,
    people_of,
    snapshots_of,
)
from interplay.web.relationships.changes import changes_since
from interplay.web.relationships.mapping import core_people, snapshot_of
from interplay.web.relationships.models import MapPerson
from interplay.web.relationships.presenters import (
    BOUNDARY_LABELS,
    ENERGY_LABELS,
    map_view,
    recommendation_rows,
)
from interplay.web.values.access import values_of

NEW_PERSON = {
    "kind": "friend",
    "give": "2",
    "receive": "2",
    "energy": "2",
    "boundary": "2",
    "trust": "2",
}


def _form_context(user: User, values: dict[str, str]) -> dict[str, object]:
    return {
        "form": values,
        "kinds": labels.choices(labels.KINDS),
        "scores": range(5),
        "energy_labels": list(enumerate(ENERGY_LABELS)),
        "boundary_labels": list(enumerate(BOUNDARY_LABELS)),
        "values": values_of(user),
    }


def _as_form(person: MapPerson) -> dict[str, str]:
    return {
        "name": person.name,
        "kind": person.kind,
        "give": str(person.give),
        "receive": str(person.receive),
        "energy": str(person.energy),
        "boundary": str(person.boundary),
        "trust": str(person.trust),
        "note": person.note,
        "value": str(person.value_id or ""),
    }


@client_required
def map_page(request: ClientRequest) -> HttpResponse:
    user = request.user
    form = dict(NEW_PERSON)
    error = None
    if request.method == "POST":
        form = {key: request.POST.get(key, "") for key in (*NEW_PERSON, "name", "note", "value")}
        try:
            person = actions.do_save_person(request.POST, actor=user)
        except ActionError as problem:
            error = str(problem)
        else:
            messages.success(request, _("%(name)s is on your map.") % {"name": person.name})
            return redirect("relationships:map")
    people = people_of(user)
    snapshots = snapshots_of(user)
    context = {
        "view": map_view(people),
        "people": people,
        "shared": map_is_shared(user),
        "snapshots": snapshots,
        "changes": changes_since(snapshot_of(snapshots[0]).people, core_people(people))
        if snapshots
        else None,
        "error": error,
        **_form_context(user, form),
    }
    return render(request, "relationships/map.html", context, status=422 if error else 200)


@client_required
def edit_person(request: ClientRequest, pk: int) -> HttpResponse:
    user = request.user
    person = get_person_for_user(user, pk)
    form = _as_form(person)
    error = None
    if request.method == "POST":
        form = {key: request.POST.get(key, "") for key in form}
        try:
            actions.do_save_person(request.POST, person, actor=user)
        except ActionError as problem:
            error = str(problem)
        else:
            messages.success(request, _("Saved."))
            return redirect("relationships:map")
    context = {"person": person, "error": error, **_form_context(user, form)}
    return render(request, "relationships/person.html", context, status=422 if error else 200)


@client_required
@require_POST
def delete_person(request: ClientRequest, pk: int) -> HttpResponse:
    person = get_person_for_user(request.user, pk)
    actions.do_delete_person(person, actor=request.user)
    messages.success(request, _("Removed from your map."))
    return redirect("relationships:map")


@client_required
@require_POST
def share_map(request: ClientRequest) -> HttpResponse:
    shared = request.POST.get("shared") == "1"
    actions.do_set_map_sharing(shared, actor=request.user)
    messages.success(
        request,
        _("Your whole map is shared with your coach.") if shared else _("Your map is private."),
    )
    return redirect("relationships:map")


@client_required
@require_POST
def take_snapshot(request: ClientRequest) -> HttpResponse:
    try:
        actions.do_take_snapshot(actor=request.user)
    except ActionError as problem:
        messages.error(request, str(problem))
    else:
        messages.success(request, _("Kept a snapshot of your map as it is today."))
    return redirect("relationships:map")


@client_required
def snapshot(request: ClientRequest, pk: int) -> HttpResponse:
    stored = get_snapshot_for_user(request.user, pk)
    snap = snapshot_of(stored)
    return render(
        request,
        "relationships/snapshot.html",
        {
            "stored": stored,
            "table": layout_map(snap.people).table,
            "recommendations": recommendation_rows(recommend(snap.people)),
        },
    )
