"""The one way a coach reaches a client's data.

`access_client_for_coach` (and `access_client_for_planner`, the same check for the session
planner, its statement reading a little more) returns a `ClientView` (the proof of access, and
the owner of every read of what the client shared) only while the client is this coach's
current client and the coach has signed in with their authenticator; anyone else gets a 404,
the same answer as for an id that does not exist, so ids reveal nothing. Access writes
nothing: the view that was granted it records the read with one
`kernel.audit.record(coach_read(view, ...))` call, so a refused request leaves no trace.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404

from interplay.web.accounts.coaches import passed_two_factor
from interplay.web.accounts.models import User
from interplay.web.assessments.models import Assessment
from interplay.web.coaching.client_view import ClientView, with_facts
from interplay.web.coaching.models import SessionNote, SessionPlan
from interplay.web.journal.models import Entry
from interplay.web.kernel.audit import Audit, record
from interplay.web.kernel.compiled import compiled, compiled_instances
from interplay.web.kernel.models import AuditEvent, AuditKind


def access_client_for_coach(coach: User, client_id: int) -> ClientView:
    """What `coach` may see of the client with this id, if they are the coach's current
    client; else Http404. Records nothing: call `record_coach_read` once access is granted."""
    return _access(coach, client_id, planner=False)[0]


def access_client_for_planner(coach: User, client_id: int) -> tuple[ClientView, str | None]:
    """As `access_client_for_coach`, for the session planner: the same check, whose one
    statement also reads the latest shared assessment's id and time (in the view) and the
    agenda of the coach's latest plan for this client (None without one; the proposal varies
    the questions it used), each a query of its own before."""
    return _access(coach, client_id, planner=True)


def _access_rows(values: Mapping[str, Any], planner: bool) -> QuerySet[Any]:
    rows = with_facts(
        User.objects.filter(
            pk=values["client"], coaching__coach_id=values["coach"], coaching__ended_at__isnull=True
        ),
        values["coach"],
        latest_assessment=planner,
    )
    if planner:
        # The coach's own plans (`plans_for`'s order): no sharing rule, this coach's text.
        plans = SessionPlan.objects.filter(
            coach_id=values["coach"], client_id=OuterRef("pk")
        ).order_by("-created_at", "-id")
        rows = rows.annotate(last_plan_agenda=Subquery(plans.values("agenda")[:1]))
    return rows


def _access(coach: User, client_id: int, *, planner: bool) -> tuple[ClientView, str | None]:
    if not coach.is_authenticated or not coach.is_coach or not passed_two_factor(coach):
        raise Http404
    # Every coach page asks this: its SQL is compiled once (kernel.compiled), not per request,
    # and the same statement reads the small facts the pages need (`with_facts`).
    query = compiled(
        ("access", "current client", planner),
        lambda v: _access_rows(v, planner),
        {"client": "int", "coach": "int"},
    )
    found = query.rows({"client": int(client_id), "coach": coach.pk})
    if not found:
        raise Http404
    row = found[0]
    return ClientView.from_access_row(coach, row, query.alias), row.get("last_plan_agenda")


def coach_read(view: ClientView, what: str, object_id: int | None = None) -> Audit:
    """The audit row of one coach read (`what`: which page or object), for the view that was
    granted access to `record()`."""
    return Audit(
        AuditKind.COACH_READ,
        client_id=view.pk,
        actor_id=view.coach.pk,
        what=what,
        object_id=object_id,
    )


def flags_first_seen(view: ClientView) -> list[Audit]:
    """Audit rows for the client's safety flags this coach is shown for the first time."""
    shown = view.safety_flags()
    if not shown:
        return []
    # Safety steps are stored sealed (kernel.models.SEALED_KINDS): read the step in Python.
    seen = {
        event.object_id
        for event in AuditEvent.objects.filter(
            kind=AuditKind.SAFETY, actor=view.coach, object_id__in=[f.pk for f in shown]
        )
        if event.step == AuditKind.FLAG_SEEN
    }
    return [
        Audit(AuditKind.FLAG_SEEN, client_id=view.pk, actor_id=view.coach.pk, object_id=flag.pk)
        for flag in shown
        if flag.pk not in seen
    ]


def list_reads(coach: User, client_ids: list[int], what: str) -> list[Audit]:
    """One coach-read row per client a coach's list page showed (the dashboard). Only for
    clients from the coach's own current relationships."""
    actor = int(coach.pk)  # read once: `coach` is often the request's lazy user
    return [
        Audit(AuditKind.COACH_READ, client_id=pk, actor_id=actor, what=what) for pk in client_ids
    ]


def get_shared_entry_for_coach(coach: User, client_id: int, pk: int) -> Entry:
    """One entry the client shared, for their current coach (audited); 404 for anything else,
    including the client's private entries."""
    view = access_client_for_coach(coach, client_id)
    entry = view.entry(pk)
    record(coach_read(view, "journal entry", entry.pk))
    return entry


def get_shared_assessment_for_coach(coach: User, client_id: int, pk: int) -> Assessment:
    """A finished assessment the client shared, for their current coach (audited); else 404."""
    view = access_client_for_coach(coach, client_id)
    assessment = view.assessment(pk)
    record(coach_read(view, "assessment", assessment.pk))
    return assessment


def reads_of(client: User, limit: int = 20) -> list[AuditEvent]:
    """The latest coach reads of this client's data, for the client to see."""
    return list(
        AuditEvent.objects.filter(client=client, kind=AuditKind.COACH_READ).select_related("actor")[
            :limit
        ]
    )


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


def notes_about(coach: User, client: User, limit: int = 50, offset: int = 0) -> list[SessionNote]:
    return list(SessionNote.objects.filter(coach=coach, client=client)[offset : offset + limit])


def note_page(coach: User, client: User, limit: int, offset: int = 0) -> list[SessionNote]:
    """As `notes_about`, its SQL compiled once (the notes page, every visit)."""
    query = compiled(
        ("access", "note page"),
        lambda v: SessionNote.objects.filter(coach_id=v["coach"], client_id=v["client"]),
        {"client": "int", "coach": "int"},
    )
    values = {"client": client.pk, "coach": coach.pk}
    return [
        SessionNote.from_db(query.alias, query.names, row)
        for row in query.tuples(values, limit=limit, offset=offset)
    ]


def plan_dates_for(coach: User, client: User, limit: int = 20) -> list[SessionPlan]:
    """As `plans_for`, without the agendas (a list of plans shows their dates only)."""
    return compiled_instances(
        ("access", "plan dates", limit),
        lambda v: SessionPlan.objects.filter(coach_id=v["coach"], client_id=v["client"]).only(
            "id", "coach_id", "client_id", "session_date", "created_at"
        )[:limit],
        {"client": "int", "coach": "int"},
        {"client": client.pk, "coach": coach.pk},
    )


def open_follow_ups(coach: User, client: User) -> list[SessionNote]:
    """The open follow-ups (the follow-up text only, not the note's body), oldest first."""
    return compiled_instances(
        ("access", "open follow-ups"),
        lambda v: SessionNote.objects.filter(
            coach_id=v["coach"], client_id=v["client"], follow_up_open=True
        ).only("id", "coach_id", "client_id", "follow_up", "follow_up_open", "created_at"),
        {"client": "int", "coach": "int"},
        {"client": client.pk, "coach": coach.pk},
    )


def plans_for(coach: User, client: User, limit: int = 20) -> list[SessionPlan]:
    """The coach's latest plans for this client, newest first (compiled once per limit)."""
    return compiled_instances(
        ("access", "plans", limit),
        lambda v: SessionPlan.objects.filter(coach_id=v["coach"], client_id=v["client"])[:limit],
        {"client": "int", "coach": "int"},
        {"client": client.pk, "coach": coach.pk},
    )
