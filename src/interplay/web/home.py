"""The front door: what to do next, for a client; the client list, for a coach."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.csrf import csrf_failure as django_csrf_failure

from interplay.web.assessments import presenters
from interplay.web.assessments.access import latest_profile, latest_pulse, open_assessment
from interplay.web.assessments.mapping import profile_of
from interplay.web.journal.prompts import choose_prompt
from interplay.web.path.access import progress_of
from interplay.web.path.progress import PathState, path_state
from interplay.web.practice.access import experiments_of, finished_library_ids
from interplay.web.schedule.access import own_schedule


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("account_login")
    user = request.user
    if user.is_coach:
        return redirect("coaching:dashboard")
    assessment = latest_profile(user)
    profile = assessment.profile if assessment else None
    last_pulse = latest_pulse(user)
    # The one rule (core/schedule.py), on the client's own data.
    schedule = own_schedule(user, latest=(assessment, last_pulse))
    due = schedule.due
    follow_ups = (
        [e for e in experiments_of(user) if e.pk in due.follow_ups] if due.follow_ups else []
    )
    unfinished = open_assessment(user)
    typed = profile_of(assessment)
    finished = finished_library_ids(user) if typed else set()
    experiments = [e for e in (typed.experiments if typed else ()) if e.id not in finished]
    on_path = progress_of(user) is not None
    context = {
        "path": _path_lead(path_state(user)) if on_path else None,
        "assessment": assessment,
        "summary": presenters.summary(profile) if assessment else None,
        "unfinished": unfinished,
        "pulse_due": due.check_in,
        "reassessment_due": due.reassessment and unfinished is None,
        "reassess_weeks": schedule.reassess_weeks,
        "follow_ups": follow_ups,
        "last_pulse": last_pulse,
        "prompt": choose_prompt(profile, timezone.localdate()),
        "experiment": experiments[timezone.localdate().toordinal() % len(experiments)]
        if experiments
        else None,
    }
    return render(request, "home.html", context)


def _path_lead(state: PathState) -> dict[str, object]:
    """For someone on the guided path: the step to take next (a coach's suggestion first, while
    it is not done), and how far along they are."""
    return {
        "next": state.suggested or state.next,
        "suggested": state.suggested is not None,
        "done": state.done_count,
        "total": len(state.steps),
    }


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
