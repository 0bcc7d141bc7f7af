"""The coach's dashboard: every current client in one table, sortable and paginated.

The latest shared activity, open follow-ups, next planned session and the latest shared
profile's headline columns are SQL annotations on the coach's relationships; the sort column
is computed in SQL too, so sorting and paging happen in the database. A page costs the same
few queries whether the coach has three clients or three hundred. Only what clients shared
counts: a private journal entry or an unshared assessment never moves a column.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Count,
    DateField,
    DateTimeField,
    F,
    IntegerField,
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

from interplay.core.schedule import (
    DEFAULT_REASSESS_WEEKS,
    REASSESS_WEEKS,
    Due,
    cutoffs,
    what_is_due,
)
from interplay.core.vocabulary import BoundaryStyle, ExperimentStatus, Focus, Stage
from interplay.web.accounts.models import CoachingRelationship, User
from interplay.web.assessments.models import Assessment
from interplay.web.coaching.client_view import (
    shared_assessments_of,
    shared_entries_of,
    shared_experiments_of,
    shared_pulses_of,
)
from interplay.web.coaching.models import SessionNote, SessionPlan
from interplay.web.kernel.compiled import CompiledQuery, Kind, compiled

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


def _latest_of(shared: QuerySet[Any], field: str) -> Subquery:
    """The latest `field` of a client's shared rows (`shared` from the ClientView module).
    The newest row's value, read from the partial index `(owner, -field, -id)` in one probe:
    `MAX(field) ... GROUP BY owner` gave the same value but walked every shared row of the
    client, so the dashboard grew with the journal (per client, two to three times slower at
    100k entries and six times at 1M; docs/benchmarks.md)."""
    rows = shared.order_by(f"-{field}", "-id").values(field)[:1]
    return Subquery(rows, output_field=DateTimeField())


# The profile columns the table shows: stored on the assessment when it was finished, so
# neither sorting nor listing reads the profile JSON.
PROFILE_COLUMNS = ("stage", "stage_mixed", "boundary_style", "focus")


def annotated_relationships(values: Mapping[str, Any], sort: str) -> QuerySet[CoachingRelationship]:
    """The coach's current clients with what every column needs, for `values` (the coach's
    id, today's date and, for the "due" sort, its two cut-offs). Columns that only matter
    for sorting are computed in SQL only when the table is sorted by them; `finish_rows`
    fills in the rest."""
    coach = values["coach"]
    last_assessment = _latest_of(shared_assessments_of(OuterRef("client_id")), "completed_at")
    open_items = Subquery(
        SessionNote.objects.filter(
            coach_id=coach, client=OuterRef("client_id"), follow_up_open=True
        )
        .order_by()
        .values("client")
        .annotate(n=Count("id"))
        .values("n")[:1],
        output_field=IntegerField(),
    )
    next_session = Subquery(
        SessionPlan.objects.filter(
            coach_id=coach, client=OuterRef("client_id"), session_date__gte=values["today"]
        )
        .order_by()
        .values("client")
        .annotate(first=Min("session_date"))
        .values("first")[:1],
        output_field=DateField(),
    )
    # Shared experiments still planned whose day has come: their follow-ups are due.
    follow_ups = Subquery(
        shared_experiments_of(OuterRef("client_id"))
        .filter(status=ExperimentStatus.PLANNED, planned_for__lte=values["today"])
        .order_by()
        .values("owner")
        .annotate(n=Count("id"))
        .values("n")[:1],
        output_field=IntegerField(),
    )
    rows = CoachingRelationship.objects.filter(coach_id=coach, ended_at__isnull=True).annotate(
        latest_profile_id=Subquery(_shared_profiles().values("id")[:1]),
        # The latest shared profile's headline columns, in the same query (SQL works them
        # out for the page's rows only).
        **{
            f"latest_{name}": Subquery(_shared_profiles().values(name)[:1])
            for name in PROFILE_COLUMNS
        },
        last_entry=_latest_of(shared_entries_of(OuterRef("client_id")), "created_at"),
        last_assessment=last_assessment,
        last_pulse=_latest_of(shared_pulses_of(OuterRef("client_id")), "taken_at"),
        open_items=Coalesce(open_items, Value(0)),
        next_session=next_session,
        follow_ups_due=Coalesce(follow_ups, Value(0)),
        # The client's re-assessment interval (no schedule row: the default).
        reassess_weeks=Coalesce(
            F("client__schedule__reassess_weeks"), Value(DEFAULT_REASSESS_WEEKS)
        ),
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
        # The later of the last check-in and assessment at or before the cut-off (nulls left
        # out); with neither, no check-in is due yet.
        check_in_due = (
            (Q(last_pulse__isnull=False) | Q(last_assessment__isnull=False))
            & (Q(last_pulse__isnull=True) | Q(last_pulse__lte=values["check_in"]))
            & (Q(last_assessment__isnull=True) | Q(last_assessment__lte=values["check_in"]))
        )
        # One cut-off per interval a coach may choose (`REASSESS_WEEKS`), each a slot.
        reassessment_due = Q(last_assessment__isnull=True)
        for weeks in REASSESS_WEEKS:
            reassessment_due |= Q(
                reassess_weeks=weeks, last_assessment__lte=values[_reassess_slot(weeks)]
            )
        rows = rows.annotate(
            due_count=Case(When(check_in_due, then=Value(1)), default=Value(0))
            + Case(When(reassessment_due, then=Value(1)), default=Value(0))
            + Case(When(open_items__gt=0, then=Value(1)), default=Value(0))
            + F("follow_ups_due")
        )
    return rows


def _reassess_slot(weeks: int) -> str:
    return f"reassessment_{weeks}"


SLOTS: dict[str, Kind] = {"coach": "int", "today": "date"}
DUE_SLOTS: dict[str, Kind] = {
    **SLOTS,
    "check_in": "datetime",
    **{_reassess_slot(weeks): "datetime" for weeks in REASSESS_WEEKS},
}
ROW_COLUMNS = (
    "client_id",
    "client__name",
    "latest_profile_id",
    "last_entry",
    "last_assessment",
    "last_pulse",
    "open_items",
    "next_session",
    "follow_ups_due",
    "reassess_weeks",
    *(f"latest_{name}" for name in PROFILE_COLUMNS),
)


def dashboard_query(key: str, descending: bool) -> CompiledQuery:
    """The dashboard's SQL for this sort, built and compiled once (see `kernel.compiled`)."""

    def build(values: Mapping[str, Any]) -> QuerySet[Any]:
        rows = ordered(annotated_relationships(values, key), key, descending)
        return rows.values(*ROW_COLUMNS)  # type: ignore[no-any-return]

    query = compiled(("dashboard", key, descending), build, DUE_SLOTS if key == "due" else SLOTS)
    if query.names != ROW_COLUMNS:  # what `DashboardRow.from_tuple` reads
        raise ValueError(f"the dashboard's columns are {query.names}, not {ROW_COLUMNS}")
    return query


@dataclass
class DashboardRow:
    """One client's line in the table: what SQL found, then what `finish_rows` adds."""

    client_id: int
    client_name: str
    latest_profile_id: int | None
    last_entry: datetime | None
    last_assessment: datetime | None
    last_pulse: datetime | None
    open_items: int
    next_session: date | None
    follow_ups_due: int = 0
    reassess_weeks: int = DEFAULT_REASSESS_WEEKS
    stage: str | None = None
    stage_mixed: bool | None = None
    boundary_style: str | None = None
    focus: str | None = None
    last_activity: datetime | None = None
    due: Due | None = None

    @classmethod
    def from_tuple(cls, found: Sequence[Any]) -> DashboardRow:
        """A row of `dashboard_query` as `tuples()` reads it: its columns are `ROW_COLUMNS`,
        in this class's field order (a dictionary a row, then keyword arguments, cost more
        than the rest of the row's Python). The counts and the interval are never NULL: the
        SQL coalesces them."""
        return cls(*found)


class _PageableRows:
    """The compiled query as the paginator sees it: a count and slices (LIMIT / OFFSET)."""

    def __init__(
        self,
        query: CompiledQuery,
        values: Mapping[str, Any],
        total: int,
        first: list[DashboardRow] | None = None,
    ) -> None:
        self.query, self.values, self.total, self.first = query, values, total, first

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, window: slice) -> list[DashboardRow]:
        start = window.start or 0
        stop = self.total if window.stop is None else window.stop
        if self.first is not None and start == 0 and stop <= len(self.first):  # read already
            return self.first[:stop]
        found = self.query.tuples(self.values, limit=max(0, stop - start), offset=start)
        return [DashboardRow.from_tuple(row) for row in found]


def finish_rows(rows: list[DashboardRow]) -> None:
    """Add what is due (the profile columns came with the rows)."""
    now = timezone.now()
    for row in rows:
        moments = [m for m in (row.last_entry, row.last_assessment, row.last_pulse) if m]
        row.last_activity = max(moments) if moments else None
        # Follow-ups were counted in SQL by the same rule (planned, its day come).
        row.due = what_is_due(
            now, row.last_assessment, row.last_pulse, reassess_weeks=row.reassess_weeks
        )


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
    fields = [
        F(name).desc(nulls_last=True) if descending else F(name).asc(nulls_last=True)
        for name in SORTS[key]
    ]
    return queryset.order_by(*fields, "client__name", "client_id")


@dataclass(frozen=True)
class DashboardPage:
    page: Page[DashboardRow]
    sort: str
    descending: bool


def current_client_count(coach: User) -> int:
    """How many current clients the coach has (the page count), its SQL compiled once."""
    rows = compiled(
        ("dashboard", "client count"),
        lambda v: (
            CoachingRelationship.objects.filter(coach_id=v["coach"], ended_at__isnull=True)
            .values("coach_id")
            .annotate(n=Count("id"))
            .values("n")
        ),
        {"coach": "int"},
    ).rows({"coach": coach.pk})
    return int(rows[0]["n"]) if rows else 0


def dashboard_page(coach: User, sort: str | None, page_number: str | None) -> DashboardPage:
    key, descending = parse_sort(sort)
    now = timezone.now()
    values: dict[str, Any] = {"coach": coach.pk, "today": timezone.localdate(now)}
    if key == "due":
        values["check_in"] = cutoffs(now).check_in
        for weeks in REASSESS_WEEKS:
            values[_reassess_slot(weeks)] = cutoffs(now, weeks).reassessment
    query = dashboard_query(key, descending)
    first, total = None, None
    if page_number in (None, "", "1"):
        # The first page (where a coach lands) is read with one row more than it shows: most
        # practices fit on it, and only when that row is there is a count needed.
        found = query.tuples(values, limit=PAGE_SIZE + 1)
        first = [DashboardRow.from_tuple(row) for row in found[:PAGE_SIZE]]
        if len(found) <= PAGE_SIZE:
            total = len(found)
    if total is None:
        total = current_client_count(coach)
    rows = _PageableRows(query, values, total, first)
    page: Page[DashboardRow] = Paginator(rows, PAGE_SIZE).get_page(page_number)  # type: ignore[arg-type]
    page.object_list = list(page.object_list)
    finish_rows(page.object_list)
    return DashboardPage(page, key, descending)


_NEVER_CUT_OFF = datetime(1970, 1, 2, tzinfo=UTC)  # `_never()` and a day: worked out once


def was_never(moment: datetime | None) -> bool:
    return moment is None or moment <= _NEVER_CUT_OFF
