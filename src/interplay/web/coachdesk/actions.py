"""Writes for the coach's notes and session plans. Views, the demo and the CLI call these."""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from interplay.web.accounts.actions import ActionError
from interplay.web.accounts.models import User
from interplay.web.coachdesk.models import SessionNote, SessionPlan
from interplay.web.coaching.models import CoachingRelationship

MAX_NOTE = 50_000
MAX_AGENDA = 50_000


def _check_current(coach: User, client: User) -> None:
    if not CoachingRelationship.objects.filter(
        coach=coach, client=client, ended_at__isnull=True
    ).exists():
        raise ActionError(_("You can only keep notes about your current clients."))


def do_add_note(coach: User, client: User, body: str, follow_up: str = "") -> SessionNote:
    body, follow_up = body.strip(), follow_up.strip()
    if not body:
        raise ActionError(_("The note is empty: write something first."))
    if len(body) > MAX_NOTE or len(follow_up) > MAX_NOTE:
        raise ActionError(_("This note is too long to save; please split it in two."))
    _check_current(coach, client)
    return SessionNote.objects.create(
        coach=coach, client=client, body=body, follow_up=follow_up, follow_up_open=bool(follow_up)
    )


def do_update_note(note: SessionNote, body: str, follow_up: str) -> SessionNote:
    body, follow_up = body.strip(), follow_up.strip()
    if not body:
        raise ActionError(_("The note is empty: write something first."))
    if len(body) > MAX_NOTE or len(follow_up) > MAX_NOTE:
        raise ActionError(_("This note is too long to save; please split it in two."))
    changed_follow_up = follow_up != note.follow_up
    note.body, note.follow_up = body, follow_up
    if changed_follow_up:
        note.follow_up_open = bool(follow_up)
    note.updated_at = timezone.now()
    note.save(update_fields=["body", "follow_up", "follow_up_open", "updated_at"])
    return note


def do_close_follow_up(note: SessionNote) -> SessionNote:
    note.follow_up_open = False
    note.updated_at = timezone.now()
    note.save(update_fields=["follow_up_open", "updated_at"])
    return note


def do_save_plan(
    coach: User,
    client: User,
    agenda: str,
    session_date: date | None,
    plan: SessionPlan | None = None,
) -> SessionPlan:
    """Create or update a session plan (the agenda as the coach edited it)."""
    agenda = agenda.strip()
    if not agenda:
        raise ActionError(_("The agenda is empty: keep at least one line."))
    if len(agenda) > MAX_AGENDA:
        raise ActionError(_("This agenda is too long to save."))
    _check_current(coach, client)
    if plan is None:
        return SessionPlan.objects.create(
            coach=coach, client=client, agenda=agenda, session_date=session_date
        )
    if plan.coach_id != coach.pk or plan.client_id != client.pk:
        raise ActionError(_("You can only change your own plans."))
    plan.agenda, plan.session_date, plan.updated_at = agenda, session_date, timezone.now()
    plan.save(update_fields=["agenda", "session_date", "updated_at"])
    return plan
