"""Safety pages: the client's own plan and the support page, the consent switch, and the
coach's acknowledgement of a flag. Coaching is not crisis care, and every page says so."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from interplay.web.accounts.decorators import client_required, coach_required
from interplay.web.kernel.errors import ActionError
from interplay.web.kernel.requests import ClientRequest, CoachRequest
from interplay.web.safety import actions
from interplay.web.safety.access import get_flag_for_coach
from interplay.web.safety.forms import SafetyPlanForm
from interplay.web.safety.presenters import support_context


@client_required
def support(request: ClientRequest) -> HttpResponse:
    user = request.user
    return render(request, "safety/support.html", support_context(user))


@sensitive_post_parameters(*actions.PLAN_FIELDS)
@client_required
def plan(request: ClientRequest) -> HttpResponse:
    user = request.user
    current = actions.plan_for(user)
    initial = {name: getattr(current, name) for name in actions.PLAN_FIELDS} if current else {}
    form = SafetyPlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_save_safety_plan(form.cleaned_data, actor=user)
        except ActionError as problem:
            messages.error(request, str(problem))
        else:
            messages.success(request, _("Your safety plan is saved. Only you can see it."))
            return redirect("safety:plan")
    return render(request, "safety/plan.html", {"form": form, "plan": current})


@client_required
@require_POST
def consent(request: ClientRequest) -> HttpResponse:
    user = request.user
    tell = request.POST.get("tell_coach") == "1"
    actions.do_set_safety_consent(tell, actor=user)
    messages.success(
        request,
        _("Your coach will get a flag (never your words) if the screen sees a risk.")
        if tell
        else _("Your coach will not be told. Your plan and the support page are still here."),
    )
    return redirect("accounts:settings")


@coach_required
@require_POST
def acknowledge(request: CoachRequest, flag_id: int) -> HttpResponse:
    coach = request.user
    flag = get_flag_for_coach(coach, flag_id)
    actions.do_acknowledge_flag(flag, actor=coach)
    messages.success(request, _("Flag acknowledged."))
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, {request.get_host()}):
        return redirect(back)
    return redirect("coaching:client", flag.client_id)
