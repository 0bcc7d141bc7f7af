"""The reminder pages: the person's settings (linked from Account) and the signed unsubscribe
link from every email, which needs no sign-in. Thin: reads through `access`/`presenters`,
writes through `actions`."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from interplay.web.accounts.decorators import client_required
from interplay.web.kernel.errors import ActionError
from interplay.web.kernel.requests import ClientRequest
from interplay.web.reminders import actions
from interplay.web.reminders.presenters import posted_values, settings_context
from interplay.web.reminders.unsubscribe import person_of


@client_required
def reminder_settings(request: ClientRequest) -> HttpResponse:
    person = request.user
    if request.method == "POST":
        try:
            actions.do_save_reminder_settings(person, request.POST, actor=person)
        except ActionError as problem:
            context = settings_context(person, posted_values(request.POST))
            context["error"] = str(problem)
            return render(request, "reminders/settings.html", context, status=422)
        messages.success(request, _("Your reminder choices are saved."))
        return redirect("reminders:settings")
    return render(request, "reminders/settings.html", settings_context(person))


# A mail program's one-click unsubscribe (RFC 8058) posts with no CSRF token and no session:
# the signed link is the only credential, and it can do one thing, stop reminder emails.
@csrf_exempt
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    person = person_of(token)
    if person is None:
        return render(request, "reminders/unsubscribe_invalid.html", status=404)
    if request.method == "POST":
        actions.do_unsubscribe(person)
        return render(request, "reminders/unsubscribed.html")
    return render(request, "reminders/unsubscribe.html", {"token": token})
