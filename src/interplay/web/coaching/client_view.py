"""Everything a coach may see of one client, in one place.

A `ClientView` is the proof that a coach may look at a client: only
`coaching.access.access_client_for_coach` (and the planner's `access_client_for_planner`, the
same check) makes one for a request (the client is the coach's current client and the coach
passed two-factor). Every read of what a client shared with their
coach is a method here, and the sharing rule (`shared_with_coach`, the map's switch, accepted
experiments) is written only in this module: a guard test (`tests/web/test_visibility.py`)
fails if it appears anywhere else. The coach's pages, the dashboard's subqueries, the coach's
export, the session planner and the journal insights all read through here, so what a coach can
see is decided once.

Each read is fetched once per view (a page that asks twice costs one query).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, TypeVar, cast

from django.db.models import Exists, Expression, F, OuterRef, QuerySet, Subquery
from django.http import Http404

from interplay.core.schedule import DEFAULT_REASSESS_WEEKS
from interplay.web.accounts.models import User
from interplay.web.assessments.models import Assessment, PulseCheck
from interplay.web.journal.glance import (
    GLANCE_COLUMNS,
    SEALED_ENTRY_NAMES,
    EntryGlance,
    SealedEntry,
    sealed_entry_columns,
)
from interplay.web.journal.models import Entry
from interplay.web.kernel.compiled import Kind, compiled, compiled_instances
from interplay.web.path.models import PathProgress
from interplay.web.path.progress import PathState, path_state
from interplay.web.practice.models import Experiment
from interplay.web.progress.models import Review
from interplay.web.relationships.models import MapPerson, MapSharing, MapSnapshot
from interplay.web.safety.models import SafetyFlag
from interplay.web.values.models import Belief, PersonalValue

TIMELINE_LIMIT = 30
_SLOTS: dict[str, Kind] = {"client": "int", "coach": "int"}
SEARCH_SCAN_LIMIT = 500  # shared entries decrypted per search, newest first
RECENT_CHECK_INS = 10  # the overview's timeline, what is due and a page of the history
T = TypeVar("T")

# The sharing rule, as querysets over one owner (a user, an id, or an `OuterRef` for the
# dashboard's subqueries). Nothing else in the code base filters on what a client shared.


def shared_assessments_of(owner: User | int | Expression | Any) -> QuerySet[Assessment]:
    """Finished assessments the owner left shared."""
    return Assessment.objects.filter(user=owner, completed_at__isnull=False, shared_with_coach=True)


def shared_pulses_of(owner: User | int | Expression | Any) -> QuerySet[PulseCheck]:
    return PulseCheck.objects.filter(user=owner, shared_with_coach=True)


def shared_entries_of(owner: User | int | Expression | Any) -> QuerySet[Entry]:
    return Entry.objects.filter(owner=owner, shared_with_coach=True)


def shared_experiments_of(owner: User | int | Expression | Any) -> QuerySet[Experiment]:
    """Experiments the owner took up and shared (a pending suggestion is not theirs yet)."""
    return Experiment.objects.filter(owner=owner, shared_with_coach=True, accepted=True)


def shared_values_of(owner: User | int | Expression | Any) -> QuerySet[PersonalValue]:
    return PersonalValue.objects.filter(owner=owner, shared_with_coach=True)


def shared_beliefs_of(owner: User | int | Expression | Any) -> QuerySet[Belief]:
    return Belief.objects.filter(owner=owner, shared_with_coach=True)


def _pending_suggestions(
    owner: int | Expression | Any, coach: int | Expression | Any
) -> QuerySet[Experiment]:
    """What `coach` suggested to `owner` that the client has not taken up yet (the coach
    wrote these, so they may see them)."""
    return Experiment.objects.filter(owner_id=owner, suggested_by_id=coach, accepted=False)


def _map_shared(owner: User) -> bool:
    return bool(
        compiled(  # its SQL compiled once
            ("view", "map shared"),
            lambda v: MapSharing.objects.filter(owner=v["owner"], shared_with_coach=True).values(
                "id"
            )[:1],
            {"owner": "int"},
        ).rows({"owner": owner.pk})
    )


# The client's user row and, in the same statement, the small facts several coach pages need
# (`with_facts`): each was a query of its own per page, about as costly as the access check
# itself, while as scalar subqueries of the access row they cost the database a few index
# probes. Every coach client page reads the access row anyway.
USER_FIELDS = tuple(field.attname for field in User._meta.concrete_fields)
FACTS = (
    "reassess_weeks",
    "map_shared",
    "path_shared",
    "path_assigned_by",
    "last_check_in_at",
    "last_assessment_at",
    "any_values",
    "any_beliefs",
    "any_experiments",
    "any_flags",
    "any_suggestions",
)
# Read by the session planner's access check only (`with_facts(..., latest_assessment=True)`):
# the latest shared assessment's id, which with its finishing time (`last_assessment_at`) is
# all the planner needs of it on a visit (what is due, and the key of the questions kept for
# that assessment), which was a query.
LATEST_ASSESSMENT_FACTS = ("latest_assessment_id",)


def with_facts(
    users: QuerySet[User], coach: int | Expression | Any, *, latest_assessment: bool = False
) -> QuerySet[Any]:
    """`users` (the access check's one row) as `.values()` with every user field and the
    facts: the re-assessment interval (the coach's setting, None for the default), whether the
    map is shared, the path row's sharing switch and who gave it (None without a row), the
    latest shared check-in's time and the latest shared assessment's finishing time (None
    without one; what is due asks only these two), and whether any value, belief or
    experiment is shared, any safety flag raised for this coach and any suggestion of this
    coach's still waiting (each read of them is a query of its own, and most clients have
    none of some: none is then run). `coach`: the access check's coach (the flags and the
    suggestions are theirs). `latest_assessment`: the `LATEST_ASSESSMENT_FACTS` too (None
    without a shared assessment)."""
    path = PathProgress.objects.filter(owner=OuterRef("pk")).order_by("pk")
    rows: QuerySet[Any] = users.values(
        *USER_FIELDS,
        reassess_weeks=F("schedule__reassess_weeks"),
        map_shared=Exists(MapSharing.objects.filter(owner=OuterRef("pk"), shared_with_coach=True)),
        path_shared=Subquery(path.values("shared_with_coach")[:1]),
        path_assigned_by=Subquery(path.values("assigned_by_id")[:1]),
        last_check_in_at=Subquery(
            shared_pulses_of(OuterRef("pk")).order_by("-taken_at", "-id").values("taken_at")[:1]
        ),
        last_assessment_at=Subquery(
            shared_assessments_of(OuterRef("pk"))
            .order_by("-completed_at", "-id")
            .values("completed_at")[:1]
        ),
        any_values=Exists(shared_values_of(OuterRef("pk"))),
        any_beliefs=Exists(shared_beliefs_of(OuterRef("pk"))),
        any_experiments=Exists(shared_experiments_of(OuterRef("pk"))),
        any_flags=Exists(SafetyFlag.objects.filter(client=OuterRef("pk"), coach_id=coach)),
        any_suggestions=Exists(_pending_suggestions(OuterRef("pk"), coach)),
    )
    if latest_assessment:
        latest = shared_assessments_of(OuterRef("pk")).order_by("-completed_at", "-id")
        rows = rows.annotate(latest_assessment_id=Subquery(latest.values("id")[:1]))
    return rows


class ClientView:
    """What `coach` may see of `client`. Build one only through `access_client_for_coach`
    (or, in trusted code with no request such as the demo seed, for a current client)."""

    def __init__(self, coach: User, client: User, facts: Mapping[str, Any] | None = None) -> None:
        self.coach = coach
        self.client = client
        self._cache: dict[Any, Any] = {}
        # What `with_facts` read with the access check; without it (a view made in trusted
        # code) each is read when asked, as before.
        self._facts = facts
        # The ids every read is run with, taken once: `coach` is usually `request.user`, a
        # lazy object whose every attribute read goes through Django's proxy.
        self._ids = {"client": int(client.pk), "coach": int(coach.pk)}

    @classmethod
    def from_access_row(cls, coach: User, row: Mapping[str, Any], alias: str) -> ClientView:
        """The view for the row `with_facts` read (its user built as the ORM builds one)."""
        client = User.from_db(alias, USER_FIELDS, [row[name] for name in USER_FIELDS])
        names = FACTS + LATEST_ASSESSMENT_FACTS if "latest_assessment_id" in row else FACTS
        return cls(coach, client, {name: row[name] for name in names})

    def reassess_weeks(self) -> int | None:
        """The client's re-assessment interval as the access row read it (the coach's
        setting, not something shared); None when the view was made without that row
        (`schedule.access.reassess_weeks_of` reads it then)."""
        if self._facts is None:
            return None
        found = self._facts["reassess_weeks"]
        return int(found) if found is not None else DEFAULT_REASSESS_WEEKS

    def latest_check_in_at(self) -> datetime | None:
        """When the latest shared check-in was taken (what is due asks only that): from the
        access row, else from the check-ins already read, else read with their results."""
        if self._facts is not None:
            return self._facts["last_check_in_at"]  # type: ignore[no-any-return]
        pulses = self.recent_check_ins()
        return pulses[0].taken_at if pulses else None

    def latest_assessment_at(self) -> datetime | None:
        """When the latest shared assessment was finished (what is due asks only that): from
        the access row, else from the headlines (read once per view)."""
        if self._facts is not None:
            return self._facts["last_assessment_at"]  # type: ignore[no-any-return]
        headlines = self.headlines()
        return headlines[-1].completed_at if headlines else None

    def __repr__(self) -> str:
        return f"ClientView(coach={self.coach.pk}, client={self.client.pk})"

    @property
    def pk(self) -> int:
        return self._ids["client"]

    def _once(self, key: Any, load: Any) -> Any:
        if key not in self._cache:
            self._cache[key] = load()
        return self._cache[key]

    def _fetch(self, key: str, build: Any) -> list[Any]:
        """`build({"client": id, "coach": id})`'s rows, its SQL compiled once for every view
        (building and compiling these small queries cost more Python than running them)."""
        return self._once(key, lambda: compiled_instances(("view", key), build, _SLOTS, self._ids))  # type: ignore[no-any-return]

    # Assessments and check-ins -------------------------------------------------------------

    def assessments(self) -> list[Assessment]:
        """Finished, shared assessments, oldest first (the order the history reads in)."""
        return list(
            self._once(
                "assessments",
                lambda: self._fetch(
                    "assessments",
                    lambda v: shared_assessments_of(v["client"]).order_by("completed_at", "id"),
                ),
            )
        )

    def latest_assessment(self) -> Assessment | None:
        """The latest finished, shared assessment in full; the others' profiles are not read
        unless `assessments()` already was."""
        if "assessments" in self._cache:
            found = self.assessments()
            return found[-1] if found else None

        def load() -> Assessment | None:
            found = self._fetch(
                "latest_assessment",
                lambda v: shared_assessments_of(v["client"]).order_by("-completed_at", "-id")[:1],
            )
            return found[0] if found else None

        return self._once("latest_assessment", load)  # type: ignore[no-any-return]

    def headlines(self) -> list[Assessment]:
        """Finished, shared assessments, oldest first, with their dates and headline columns
        only (stage, boundary style, focus, balance): the stored profile JSON is neither
        decrypted nor parsed, so lists and the overview cost the same at any profile size."""
        return list(
            self._once(
                "headlines",
                lambda: self._fetch(
                    "headlines",
                    lambda v: (
                        shared_assessments_of(v["client"])
                        .only(
                            "id",
                            "user_id",
                            "completed_at",
                            "shared_with_coach",
                            *Assessment.HEADLINE,
                        )
                        .order_by("completed_at", "id")
                    ),
                ),
            )
        )

    def latest_assessment_key(self) -> tuple[int, datetime] | None:
        """The latest finished, shared assessment's id and finishing time (None without one):
        from the access row when it read them (the planner's), else from `headlines()`."""
        if self._facts is not None and "latest_assessment_id" in self._facts:
            found = self._facts["latest_assessment_id"]
            return None if found is None else (int(found), self._facts["last_assessment_at"])
        headlines = self.headlines()
        if not headlines:
            return None
        latest = headlines[-1]
        return int(latest.pk), cast(datetime, latest.completed_at)

    def assessments_among(self, pks: list[int]) -> list[Assessment]:
        """The shared assessments with these ids, in full (profiles too), oldest first: a page
        of the history reads only the assessments it shows."""
        return list(
            shared_assessments_of(self.client).filter(pk__in=pks).order_by("completed_at", "id")
        )

    def profiles_among(self, pks: list[int]) -> list[Assessment]:
        """As `assessments_among`, with the profiles but not the answers behind them (each a
        decryption and a parse): the history compares profiles and shows their dates."""
        return list(
            shared_assessments_of(self.client)
            .filter(pk__in=pks)
            .defer("answers")
            .order_by("completed_at", "id")
        )

    def assessment(self, pk: int) -> Assessment:
        """One shared assessment, or Http404 (also for an unshared or unfinished one)."""
        found = shared_assessments_of(self.client).filter(pk=pk).first()
        if found is None:
            raise Http404
        return found

    def pulses(self) -> list[PulseCheck]:
        """Shared check-ins, newest first."""
        return list(
            self._once(
                "pulses",
                lambda: self._fetch(
                    "pulses", lambda v: shared_pulses_of(v["client"]).order_by("-taken_at", "-id")
                ),
            )
        )

    def check_ins(self) -> list[PulseCheck]:
        """Shared check-ins, newest first, with their results but not the answers behind
        them (what the pages show; the export reads `pulses()`)."""
        return list(
            self._once(
                "check_ins",
                lambda: self._fetch(
                    "check_ins",
                    lambda v: (
                        shared_pulses_of(v["client"])
                        .only(
                            "id",
                            "user_id",
                            "taken_at",
                            "result",
                            "autonomy",
                            "connection",
                            "shared_with_coach",
                        )
                        .order_by("-taken_at", "-id")
                    ),
                ),
            )
        )

    def recent_check_ins(self) -> list[PulseCheck]:
        """The latest `RECENT_CHECK_INS` shared check-ins, newest first: what the overview,
        what-is-due and the history show. A weekly check-in adds fifty a year, so pages that
        show a few read a few; and they show its two balance scores, read from their columns
        (the result is left unread, and so not decrypted: a row without the columns reads it
        when asked)."""
        if "check_ins" in self._cache:
            return self.check_ins()[:RECENT_CHECK_INS]
        return list(
            self._once(
                "recent_check_ins",
                lambda: self._fetch(
                    "recent_check_ins",
                    lambda v: (
                        shared_pulses_of(v["client"])
                        .only(
                            "id",
                            "user_id",
                            "taken_at",
                            "autonomy",
                            "connection",
                            "shared_with_coach",
                        )
                        .order_by("-taken_at", "-id")[:RECENT_CHECK_INS]
                    ),
                ),
            )
        )

    def check_in_scores(self, limit: int | None = None) -> list[PulseCheck]:
        """Shared check-ins, newest first (the latest `limit` of them, or all), with their
        dates and the two balance columns only: nothing is decrypted, and a check-in without
        the columns reads its result when asked (the profile section's trail and the
        history's latest check-ins; `check_ins()` read the result, and the trail then asked
        the columns it had left out one query each)."""
        key = f"check_in_scores_{limit or 'all'}"

        def build(v: Mapping[str, Any]) -> QuerySet[PulseCheck]:
            rows = (
                shared_pulses_of(v["client"])
                .only("id", "user_id", "taken_at", "autonomy", "connection", "shared_with_coach")
                .order_by("-taken_at", "-id")
            )
            return rows[:limit] if limit else rows

        return list(self._once(key, lambda: self._fetch(key, build)))

    # Journal -------------------------------------------------------------------------------

    def entries(self, query: str = "", limit: int = TIMELINE_LIMIT, offset: int = 0) -> list[Entry]:
        """Shared entries newest first, with their stored analysis (from `offset` on, for a
        page of them); with `query`, those containing every word (the text is encrypted, so
        shared rows are decrypted and filtered here, never private ones)."""
        words = tuple(word.casefold() for word in query.split())
        return list(
            self._once(
                ("entries", words, limit, offset), lambda: self._entries(words, limit, offset)
            )
        )

    def _entries(self, words: tuple[str, ...], limit: int, offset: int) -> list[Entry]:
        rows = (
            shared_entries_of(self.client).select_related("analysis").order_by("-created_at", "-id")
        )
        if not words:
            return list(rows[offset : offset + limit])
        found = []
        for entry in rows[:SEARCH_SCAN_LIMIT]:
            text = f"{entry.title}\n{entry.body}".casefold()
            if all(word in text for word in words):
                found.append(entry)
                if len(found) >= limit:
                    break
        return found

    def journal_page(self, limit: int, offset: int = 0) -> list[SealedEntry]:
        """Shared entries newest first with their stored analysis, but not their listing,
        sealed: their ids, dates and reader versions at once, their text, themes and evidence
        decrypted only when a page opens one (`SealedEntry.open`; the shared journal keeps
        what it made of an entry under its seal, so a repeat visit decrypts nothing). One
        statement (the analysis joined), its SQL compiled once for every view."""
        return list(
            self._once(("journal_page", limit, offset), lambda: self._journal(limit, offset))
        )

    def _journal(self, limit: int, offset: int) -> list[SealedEntry]:
        query = compiled(
            ("view", "journal page"),
            lambda v: (
                shared_entries_of(v["client"])
                .order_by("-created_at", "-id")
                .values(*SEALED_ENTRY_NAMES, **sealed_entry_columns())
            ),
            {"client": "int"},
        )
        alias = query.alias
        return [
            SealedEntry(row, alias) for row in query.rows(self._ids, limit=limit, offset=offset)
        ]

    def latest_entries(self, limit: int) -> list[EntryGlance]:
        """The latest `limit` shared entries, newest first, as glances: their dates, and
        their titles and text decrypted only when read (the overview shows those that fit
        among the check-ins and assessments, the planner three titles), no analyses."""

        def load() -> list[EntryGlance]:
            rows = compiled(  # its SQL compiled once
                ("view", f"latest_entries_{limit}"),
                lambda v: (
                    shared_entries_of(v["client"])
                    .order_by("-created_at", "-id")
                    .values("id", "created_at", **GLANCE_COLUMNS)[:limit]
                ),
                _SLOTS,
            ).rows(self._ids)
            return [EntryGlance.from_row(row) for row in rows]

        return list(self._once(("latest_entries", limit), load))

    def all_entries(self) -> list[Entry]:
        """Every shared entry, oldest first (each is reachable on the coach's pages: the
        timeline, search and the entry by id), for the coach's export."""
        return list(
            self._once(
                "all_entries",
                lambda: list(
                    shared_entries_of(self.client).select_related("analysis").order_by("id")
                ),
            )
        )

    def entry(self, pk: int) -> Entry:
        """One shared entry, or Http404 (also for the client's private entries)."""
        found = shared_entries_of(self.client).select_related("analysis").filter(pk=pk).first()
        if found is None:
            raise Http404
        return found

    # Practice ------------------------------------------------------------------------------

    def _none_by_facts(self, fact: str) -> bool:
        """Whether the access row already said there is nothing to read (a view made without
        it reads, as before)."""
        return self._facts is not None and not self._facts[fact]

    def values(self) -> list[PersonalValue]:
        if self._none_by_facts("any_values"):
            return []
        return list(
            self._once(
                "values",
                lambda: self._fetch("values", lambda v: shared_values_of(v["client"])),
            )
        )

    def beliefs(self) -> list[Belief]:
        if self._none_by_facts("any_beliefs"):
            return []
        return list(
            self._once(
                "beliefs",
                lambda: self._fetch("beliefs", lambda v: shared_beliefs_of(v["client"])),
            )
        )

    def experiments(self) -> list[Experiment]:
        """Experiments the client took up and shared (a pending suggestion is not theirs yet)."""
        if self._none_by_facts("any_experiments"):
            return []
        return list(
            self._once(
                "experiments",
                lambda: self._fetch(
                    "experiments",
                    lambda v: shared_experiments_of(v["client"]),
                ),
            )
        )

    def suggestions(self) -> list[Experiment]:
        """What this coach suggested and the client has not yet taken up (the coach wrote
        these, so they may see them)."""
        return list(
            self._once(
                "suggestions",
                lambda: list(
                    Experiment.objects.filter(
                        owner=self.client, suggested_by=self.coach, accepted=False
                    )
                ),
            )
        )

    def pending_suggestions(self) -> list[Experiment]:
        """As `suggestions()`, its SQL compiled once for every view (the practice page asks
        it on every visit), and not run when the access row said there are none."""
        if self._none_by_facts("any_suggestions"):
            return []
        return list(
            self._once(
                "pending_suggestions",
                lambda: self._fetch(
                    "pending_suggestions",
                    lambda v: _pending_suggestions(v["client"], v["coach"]),
                ),
            )
        )

    def _map_is_shared(self) -> bool:
        if self._facts is not None:
            return bool(self._facts["map_shared"])
        return self._once("map shared", lambda: _map_shared(self.client))  # type: ignore[no-any-return]

    def map(self) -> list[MapPerson] | None:
        """The people on the relationship map while the client shares it as a whole, else
        None."""
        return self._once(  # type: ignore[no-any-return]
            "map",
            lambda: (
                list(MapPerson.objects.select_related("value").filter(owner=self.client))
                if self._map_is_shared()
                else None
            ),
        )

    def snapshots(self) -> list[MapSnapshot] | None:
        """The map's dated snapshots while the client shares the map as a whole, else None."""
        return self._once(  # type: ignore[no-any-return]
            "snapshots",
            lambda: (
                list(MapSnapshot.objects.filter(owner=self.client))
                if self._map_is_shared()
                else None
            ),
        )

    # The guided path ------------------------------------------------------------------------

    def _path_row(self) -> PathProgress | None:
        def load() -> PathProgress | None:
            found = compiled_instances(  # its SQL compiled once
                ("view", "path row"),
                lambda v: PathProgress.objects.filter(owner=v["client"]).order_by("pk")[:1],
                {"client": "int"},
                {"client": self.client.pk},
            )
            return found[0] if found else None

        return self._once("path_row", load)  # type: ignore[no-any-return]

    def path(self) -> PathState | None:
        """Where the client is on the guided path (which steps are done, skipped, next; never
        what they wrote) while they share it, else None."""
        if self._facts is not None:
            shared = bool(self._facts["path_shared"])
        else:
            row = self._path_row()
            shared = row is not None and row.shared_with_coach
        return self._once("path", lambda: path_state(self.client) if shared else None)  # type: ignore[no-any-return]

    def path_given_by_me(self) -> bool:
        """Whether this coach gave the client the path (the coach did it, so they may know)."""
        if self._facts is not None:
            return self._facts["path_assigned_by"] == self._ids["coach"]  # type: ignore[no-any-return]
        row = self._path_row()
        return row is not None and row.assigned_by_id == self._ids["coach"]

    # Integration reviews -------------------------------------------------------------------

    def reviews(self) -> list[Review]:
        """Reviews the client shared, oldest first."""
        return list(
            self._once(
                "reviews",
                lambda: list(
                    Review.objects.filter(owner=self.client, shared_with_coach=True)
                    .select_related("assessment")
                    .order_by("created_at", "id")
                ),
            )
        )

    def shares_all(self, holds: Mapping[str, Sequence[int]]) -> bool:
        """Whether the client still shares every record in `holds` (ids by kind, as a
        prepared report recorded them: `progress.report_files.holds_of`)."""
        shared: dict[str, QuerySet[Any]] = {
            "assessments": shared_assessments_of(self.client),
            "pulses": shared_pulses_of(self.client),
            "experiments": shared_experiments_of(self.client),
            "beliefs": shared_beliefs_of(self.client),
            "reviews": Review.objects.filter(owner=self.client, shared_with_coach=True),
        }
        for name, ids in holds.items():
            wanted = set(ids)
            if name not in shared:
                return False
            if wanted and shared[name].filter(pk__in=wanted).count() != len(wanted):
                return False
        return True

    def review(self, pk: int) -> Review:
        """One shared review, or Http404 (also for a private one)."""
        found = next((r for r in self.reviews() if r.pk == pk), None)
        if found is None:
            raise Http404
        return found

    # Safety --------------------------------------------------------------------------------

    def safety_flags(self) -> list[SafetyFlag]:
        """Flags raised for this coach about this client (kind and date only; they exist only
        where the client agreed that the coach is told), newest first."""
        if self._none_by_facts("any_flags"):
            return []
        return list(
            self._once(
                "flags",
                lambda: self._fetch(
                    "flags",
                    lambda v: SafetyFlag.objects.filter(coach_id=v["coach"], client_id=v["client"])[
                        :20
                    ],
                ),
            )
        )

    # For callers that page through a client's shared entries (the API) ------------------

    def entry_rows(self) -> QuerySet[Entry]:
        """Every shared entry with its analysis, unordered, for a caller that pages by cursor."""
        return shared_entries_of(self.client).select_related("analysis")
