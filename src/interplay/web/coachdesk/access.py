"""Scoped lookups for the coach's own records. A note or plan is reached only by the coach who
wrote it, about a client who is still theirs; anyone else gets a 404 (never a 403, so ids
reveal nothing)."""

from __future__ import annotations

from django.http import Http404

from interplay.web.accounts.models import User
from interplay.web.coachdesk.models import SessionNote, SessionPlan


def get_note_for_coach(coach: User, client: User, note_id: int) -> SessionNote:
    """Call only with a client returned by `access_client_for_coach`."""
    note = SessionNote.objects.filter(pk=note_id, coach=coach, client=client).first()
    if note is None:
        raise Http404
    return note


def get_plan_for_coach(coach: User, client: User, plan_id: int) -> SessionPlan:
    """Call only with a client returned by `access_client_for_coach`."""
    plan = SessionPlan.objects.filter(pk=plan_id, coach=coach, client=client).first()
    if plan is None:
        raise Http404
    return plan


def notes_about(coach: User, client: User, limit: int = 50) -> list[SessionNote]:
    return list(SessionNote.objects.filter(coach=coach, client=client)[:limit])


def open_follow_ups(coach: User, client: User) -> list[SessionNote]:
    return list(SessionNote.objects.filter(coach=coach, client=client, follow_up_open=True))


def plans_for(coach: User, client: User, limit: int = 20) -> list[SessionPlan]:
    return list(SessionPlan.objects.filter(coach=coach, client=client)[:limit])
