"""The coach's dashboard: every current client in one table, sortable and paginated.

The latest shared activity, open follow-ups and next planned session are SQL annotations on
the coach's relationships; the sort column is computed in SQL too, so sorting and paging happen
in the database; the profile columns of the page's rows are then read in one query. A page
costs the same few queries whether the coach has three clients or three hundred. Only what
clients shared counts: a private journal entry or an unshared assessment never moves a column.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Count,
    DateField,
    DateTimeField,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from interplay.core.schedule import cutoffs, what_is_due
from interplay.core.vocabulary import BoundaryStyle, Focus, Stage
from interplay.web.accounts.models import CoachingRelationship, User
from interplay.web.assessments.models import Assessment
from interplay.web.coaching.client_view import (
    shared_assessments_of,
    shared_entries_of,
    shared_pulses_of,
)
from interplay.web.coaching.models import SessionNote, SessionPlan

PAGE_SIZE = 25
# "Never" stands in as 1 January 1970 so SQL can take the latest of several dates (GREATEST
# and SQLite's MAX(a, b) disagree about NULLs); it is shown as "nothing shared yet".


def _never() -> datetime:
    return datetime(1970, 1, 1, tzinfo=timezone.get_fixed_timezone(0))


def _ordinal(field: str, members: tuple[str, ...]) -> Case:
    """Sort by the method's own order (the journey, the vocabulary), unknowns last."""
    return Case(
        *[When(**{field: value}, then=Value(rank)) for rank, value in enumerate(members)],
        default=Value(len(members)),
        output_field=IntegerField(),
    )


def _shared_profiles() -> QuerySet[Assessment]:
    return shared_assessments_of(OuterRef("client_id")).order_by("-completed_at", "-id")


def _latest_of(shared: QuerySet[Any], owner: str, field: str) -> Subquery:
    """The latest `field` of a client's shared rows (`shared` from the ClientView module)."""
    rows = shared.order_by().values(owner).annotate(latest=Max(field)).values("latest")[:1]
    return Subquery(rows, output_field=DateTimeField())


# The profile columns the table shows: stored on the assessment when it was finished, so
# neither sorting nor listing reads the profile JSON.
PROFILE_COLUMNS = ("stage", "stage_mixed", "boundary_style", "focus")


def annotated_relationships(coach: User, sort: str = "name") -> QuerySet[CoachingRelationship]:
    """The coach's current clients with what every column needs. Columns that only matter
    for sorting are computed in SQL only when the table is sorted by them (building a query
    with every expression costs more than running it); `finish_rows` fills in the rest."""
    last_assessment = _latest_of(
        shared_assessments_of(OuterRef("client_id")), "user", "completed_at"
    )
    open_items = Subquery(
        SessionNote.objects.filter(coach=coach, client=OuterRef("client_id"), follow_up_open=True)
        .order_by()
        .values("client")
        .annotate(n=Count("id"))
        .values("n")[:1],
        output_field=IntegerField(),
    )
    next_session = Subquery(
        SessionPlan.objects.filter(
            coach=coach, client=OuterRef("client_id"), session_date__gte=timezone.localdate()
        )
        .order_by()
        .values("client")
        .annotate(first=Min("session_date"))
        .values("first")[:1],
        output_field=DateField(),
    )
    rows = (
        CoachingRelationship.objects.filter(coach=coach, ended_at__isnull=True)
        .select_related("client")
        .annotate(
            latest_profile_id=Subquery(_shared_profiles().values("id")[:1]),
            last_entry=_latest_of(shared_entries_of(OuterRef("client_id")), "owner", "created_at"),
            last_assessment=last_assessment,
            last_pulse=_latest_of(shared_pulses_of(OuterRef("client_id")), "user", "taken_at"),
            open_items=Coalesce(open_items, Value(0)),
            next_session=next_session,
        )
    )
    if sort in {"stage", "boundaries", "focus"}:
        field, members = {
            "stage": ("stage", tuple(stage.value for stage in Stage)),
            "boundaries": ("boundary_style", tuple(style.value for style in BoundaryStyle)),
            "focus": ("focus", tuple(focus.value for focus in Focus)),
        }[sort]
        value = Subquery(_shared_profiles().values(field)[:1])
        rows = rows.annotate(**{f"{field}_sorting": value}).annotate(
            **{f"{sort}_rank": _ordinal(f"{field}_sorting", members)}
        )
    elif sort == "activity":
        never = Value(_never(), output_field=DateTimeField())
        rows = rows.annotate(
            last_activity=Greatest(
                Coalesce("last_entry", never),
                Coalesce("last_assessment", never),
                Coalesce("last_pulse", never),
            )
        )
    elif sort == "due":
        # The same boundaries as `what_is_due` (core/schedule.py), in SQL.
        limits = cutoffs(timezone.now())
        check_in_due = Q(last_pulse__isnull=True) | Q(last_pulse__lte=limits.check_in)
        reassessment_due = Q(last_assessment__isnull=True) | Q(
            last_assessment__lte=limits.reassessment
        )
        rows = rows.annotate(
            due_count=Case(When(check_in_due, then=Value(1)), default=Value(0))
            + Case(When(reassessment_due, then=Value(1)), default=Value(0))
            + Case(When(open_items__gt=0, then=Value(1)), default=Value(0))
        )
    return rows


def finish_rows(rows: list[CoachingRelationship]) -> None:
    """Add the profile columns (one query for the whole page) and what is due."""
    ids = [row.latest_profile_id for row in rows if row.latest_profile_id]  # type: ignore[attr-defined]
    values = {
        found["pk"]: found
        for found in Assessment.objects.filter(pk__in=ids).values("pk", *PROFILE_COLUMNS)
    }
    now = timezone.now()
    for row in rows:
        found: Any = values.get(row.latest_profile_id, {})  # type: ignore[attr-defined]
        for name in PROFILE_COLUMNS:
            setattr(row, name, found.get(name))
        moments = [m for m in (row.last_entry, row.last_assessment, row.last_pulse) if m]  # type: ignore[attr-defined]
        row.last_activity = max(moments) if moments else None  # type: ignore[attr-defined]
        row.due = what_is_due(now, row.last_assessment, row.last_pulse)  # type: ignore[attr-defined]


# Column key -> the expressions it sorts by (ascending); the client's name breaks ties.
SORTS: dict[str, tuple[str, ...]] = {
    "name": ("client__name",),
    "stage": ("stage_rank",),
    "boundaries": ("boundaries_rank",),
    "focus": ("focus_rank",),
    "activity": ("last_activity",),
    "due": ("due_count", "next_session"),
}
DEFAULT_SORT = "name"


def parse_sort(raw: str | None) -> tuple[str, bool]:
    """`?sort=due` or `?sort=-due` as (column, descending); anything else is the default."""
    raw = (raw or "").strip()
    descending = raw.startswith("-")
    key = raw.lstrip("-")
    if key not in SORTS:
        return DEFAULT_SORT, False
    return key, descending


def ordered(
    queryset: QuerySet[CoachingRelationship], key: str, descending: bool
) -> QuerySet[CoachingRelationship]:
    from django.db.models import F

    fields = [
        F(name).desc(nulls_last=True) if descending else F(name).asc(nulls_last=True)
        for name in SORTS[key]
    ]
    return queryset.order_by(*fields, "client__name", "client_id")


@dataclass(frozen=True)
class DashboardPage:
    page: Page[CoachingRelationship]  # annotated rows
    sort: str
    descending: bool


def dashboard_page(coach: User, sort: str | None, page_number: str | None) -> DashboardPage:
    key, descending = parse_sort(sort)
    rows = ordered(annotated_relationships(coach, key), key, descending)
    page = Paginator(rows, PAGE_SIZE).get_page(page_number)
    page.object_list = list(page.object_list)
    finish_rows(page.object_list)
    return DashboardPage(page, key, descending)


def was_never(moment: datetime | None) -> bool:
    return moment is None or moment <= _never() + timedelta(days=1)
