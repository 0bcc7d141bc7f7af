"""The belief pages that show what experiments found: the list of beliefs and one belief with
the experiments that tested it. They sit in the `values:` URL namespace beside the other
belief pages (see `interplay.web.urls`), but live here because they read experiments:
practice stands above values in the layers, and values never imports practice."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from interplay.core.values import belief_outcome
from interplay.web.accounts.decorators import client_required
from interplay.web.kernel.requests import ClientRequest
from interplay.web.practice.access import experiments_of
from interplay.web.practice.records import core_belief, record_of
from interplay.web.values.access import beliefs_of, get_belief_for_user


@client_required
def belief_list(request: ClientRequest) -> HttpResponse:
    user = request.user
    records = [record_of(e) for e in experiments_of(user) if e.accepted]
    beliefs = [(b, belief_outcome(core_belief(b), records)) for b in beliefs_of(user)]
    return render(request, "values/beliefs.html", {"beliefs": beliefs})


@client_required
def belief_detail(request: ClientRequest, pk: int) -> HttpResponse:
    user = request.user
    belief = get_belief_for_user(user, pk)
    tested = [e for e in experiments_of(user) if e.accepted and e.belief_id == belief.pk]
    outcome = belief_outcome(core_belief(belief), [record_of(e) for e in tested])
    return render(
        request,
        "values/belief.html",
        {"belief": belief, "outcome": outcome, "experiments": tested},
    )
