"""One's due items as an iCalendar feed at a secret address (calendar apps cannot send a
token). The address is made, rotated and stopped on the tokens page; the feed holds only what
is due and when, never anything a person wrote."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router

from interplay.core.due_calendar import (
    CHECK_IN,
    FIRST_ASSESSMENT,
    FOLLOW_UP,
    REASSESSMENT,
    calendar_text,
    due_days,
)
from interplay.web.api.models import CalendarFeed
from interplay.web.api.schemas import ProblemOut
from interplay.web.schedule.access import own_schedule
from interplay.web.tokens import hash_token

router = Router(tags=["calendar"])
CONTENT_TYPE = "text/calendar; charset=utf-8"


@router.get("/calendar/{secret}.ics", auth=None, response={200: str, 404: ProblemOut})
def calendar(request: HttpRequest, secret: str) -> HttpResponse:
    """The calendar of one's due assessment and check-in (the secret address is the key)."""
    feed = (
        CalendarFeed.objects.select_related("owner")
        .filter(secret_hash=hash_token(secret), owner__is_active=True)
        .first()
    )
    if feed is None or not feed.owner.is_client:
        raise Http404
    schedule = own_schedule(feed.owner)
    days = due_days(
        timezone.localdate(),
        schedule.last_assessment,
        schedule.last_check_in,
        reassess_weeks=schedule.reassess_weeks,
        planned=schedule.planned,
    )
    text = calendar_text(
        days,
        owner_key=f"feed{feed.pk}",
        stamp=timezone.now(),  # UTC, as USE_TZ keeps it
        titles={
            FIRST_ASSESSMENT: _("Interplay: take your first self-assessment"),
            REASSESSMENT: _("Interplay: time to retake the self-assessment"),
            CHECK_IN: _("Interplay: weekly check-in"),
            FOLLOW_UP: _("Interplay: how did your experiment go?"),
        },
        url=request.build_absolute_uri(reverse("home")),
        calendar_name=_("Interplay: what is due"),
    )
    response = HttpResponse(text, content_type=CONTENT_TYPE)
    response["Cache-Control"] = "private, no-store"
    return response
