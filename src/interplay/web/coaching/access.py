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
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    BooleanField,
    DateField,
    ExpressionWrapper,
    F,
    Field,
    OuterRef,
    QuerySet,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import Cast
from django.http import Http404

from interplay.web import crypto
from interplay.web.accounts.coaches import passed_two_factor
from interplay.web.accounts.models import User
from interplay.web.assessments.models import Assessment
from interplay.web.coaching.client_view import ClientView, with_facts
from interplay.web.coaching.models import SessionNote, SessionPlan
from interplay.web.journal.models import Entry
from interplay.web.kernel.audit import Audit, record
from interplay.web.kernel.compiled import compiled, compiled_instances, compiled_union
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


# The notes page's three reads of the coach's own records (a page of notes, the open
# follow-ups, the latest plans' dates) as one statement (`kernel.compiled.compiled_union`).
# Its columns, each part's in the same places (a part without one selects a typed NULL):
# the record's id, coach, client, a note's body and follow-up as stored (sealed: decrypted
# by `notes_page`, only those it shows), whether the follow-up is open, the record's time
# and a plan's date. `Model.from_db` takes its fields in the model's order.
_OWNERS = ("id", "coach_id", "client_id")
_NOTE_FIELDS = (*_OWNERS, "body", "follow_up", "follow_up_open", "created_at")
_FOLLOW_UP_FIELDS = (*_OWNERS, "follow_up", "follow_up_open", "created_at")
_PLAN_FIELDS = (*_OWNERS, "session_date", "created_at")
_COLUMNS = (*_OWNERS, "body_", "follow_up_", "follow_up_open_", "created_at", "session_date_")
PLAN_DATES = 20  # plans listed on the notes page


@dataclass(frozen=True)
class NotesPage:
    """What the notes page shows of the coach's own records about one client."""

    notes: list[SessionNote]  # the page, newest first
    older: bool  # whether there are older notes than the page's
    follow_ups: list[SessionNote]  # every open follow-up, newest first, without the body
    plans: list[SessionPlan]  # the latest `PLAN_DATES` plans, newest first, dates only


def _no(field: Field[Any, Any]) -> Cast:
    return Cast(Value(None), field)


def _sealed(name: str) -> ExpressionWrapper[Any]:
    """An encrypted column as stored (a text column: not decrypted when read)."""
    return ExpressionWrapper(F(name), output_field=TextField())


def _page_of_notes(v: Mapping[str, Any]) -> QuerySet[Any]:
    rows: QuerySet[Any] = (
        SessionNote.objects.filter(coach_id=v["coach"], client_id=v["client"])
        .annotate(
            body_=_sealed("body"),
            follow_up_=_sealed("follow_up"),
            follow_up_open_=F("follow_up_open"),
            session_date_=_no(DateField()),
        )
        .values(*_COLUMNS)
    )
    return rows


def _open_follow_ups(v: Mapping[str, Any]) -> QuerySet[Any]:
    rows: QuerySet[Any] = (
        SessionNote.objects.filter(coach_id=v["coach"], client_id=v["client"], follow_up_open=True)
        .order_by()  # the union sorts its rows
        .annotate(
            body_=_no(TextField()),
            follow_up_=_sealed("follow_up"),
            follow_up_open_=F("follow_up_open"),
            session_date_=_no(DateField()),
        )
        .values(*_COLUMNS)
    )
    return rows


def _latest_plans(v: Mapping[str, Any]) -> QuerySet[Any]:
    rows: QuerySet[Any] = (
        SessionPlan.objects.filter(coach_id=v["coach"], client_id=v["client"])
        .annotate(
            body_=_no(TextField()),
            follow_up_=_no(TextField()),
            follow_up_open_=_no(BooleanField()),
            session_date_=F("session_date"),
        )
        .values(*_COLUMNS)[:PLAN_DATES]
    )
    return rows


def _opened(token: str | None) -> str | None:
    return None if token is None else crypto.decrypt(token)  # as `EncryptedTextField` reads


def notes_page(coach: User, client: User, size: int, offset: int = 0) -> NotesPage:
    """A page of the coach's notes about this client (`size` from `offset`, newest first),
    their open follow-ups and their latest plans' dates, in one statement compiled once.
    Only what the page shows is read and decrypted: no note's `updated_at`, no follow-up's
    body, no plan's agenda; the note read to tell whether an older page exists is not
    decrypted, and an open follow-up on the page is decrypted once, with its note."""
    union = compiled_union(
        ("access", "notes page"),
        (_page_of_notes, _open_follow_ups, _latest_plans),
        {"client": "int", "coach": "int"},
        order_by=("-created_at", "-id"),
        paged=True,
    )
    page, follow_ups, plans = union.part_rows(
        {"client": client.pk, "coach": coach.pk}, limit=size + 1, offset=offset
    )
    alias = union.alias
    notes = [
        SessionNote.from_db(
            alias, _NOTE_FIELDS, [*row[:3], _opened(row[3]), _opened(row[4]), *row[5:7]]
        )
        for row in page[:size]
    ]
    shown = {note.pk: note.follow_up for note in notes}
    return NotesPage(
        notes,
        len(page) > size,
        [
            SessionNote.from_db(
                alias,
                _FOLLOW_UP_FIELDS,
                [*row[:3], shown[row[0]] if row[0] in shown else _opened(row[4]), *row[5:7]],
            )
            for row in follow_ups
        ],
        [SessionPlan.from_db(alias, _PLAN_FIELDS, [*row[:3], row[7], row[6]]) for row in plans],
    )


def open_follow_ups(coach: User, client: User) -> list[SessionNote]:
    """The open follow-ups (the follow-up text only, not the note's body), newest first."""
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
