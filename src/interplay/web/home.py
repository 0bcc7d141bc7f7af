"""The front door: what to do next, for a client; the client list, for a coach."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.csrf import csrf_failure as django_csrf_failure

from interplay.core.schedule import what_is_due
from interplay.web.assessments import presenters
from interplay.web.assessments.access import latest_profile, latest_pulse, open_assessment
from interplay.web.assessments.mapping import profile_of
from interplay.web.journal.prompts import choose_prompt
from interplay.web.practice.access import finished_library_ids


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("account_login")
    user = request.user
    if user.is_coach:
        return redirect("coaching:dashboard")
    assessment = latest_profile(user)
    profile = assessment.profile if assessment else None
    last_pulse = latest_pulse(user)
    due = what_is_due(
        timezone.now(),
        assessment.completed_at if assessment else None,
        last_pulse.taken_at if last_pulse else None,
    )
    pulse_due = assessment is not None and due.check_in  # check-ins begin after the first
    typed = profile_of(assessment)
    finished = finished_library_ids(user) if typed else set()
    experiments = [e for e in (typed.experiments if typed else ()) if e.id not in finished]
    context = {
        "assessment": assessment,
        "summary": presenters.summary(profile) if assessment else None,
        "unfinished": open_assessment(user),
        "pulse_due": pulse_due,
        "last_pulse": last_pulse,
        "prompt": choose_prompt(profile, timezone.localdate()),
        "experiment": experiments[timezone.localdate().toordinal() % len(experiments)]
        if experiments
        else None,
    }
    return render(request, "home.html", context)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A rejected form post. For htmx autosaves a short line (the text stays in the page and on
    this device); for ordinary posts, Django's explanation."""
    if request.headers.get("HX-Request"):
        message = _(
            "This page is out of date, so the draft could not be saved to the server. Your text "
            "is kept on this device: sign in again in a new tab, then reload this page."
        )
        return HttpResponse(message, status=403, content_type="text/plain; charset=utf-8")
    return django_csrf_failure(request, reason)
