"""What the coach's pages show, worked out from scoped queries. Layout and names only: every
score and finding comes from the stored profile as the core made it."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from interplay.core import profile_change as change
from interplay.core.psychometrics import ReliableChange
from interplay.core.reference_values import Reference
from interplay.core.schedule import Due, what_is_due
from interplay.core.vocabulary import Scale
from interplay.web import labels
from interplay.web.assessments import fragments
from interplay.web.assessments import presenters as profile_presenters
from interplay.web.assessments.models import Assessment
from interplay.web.coaching import access
from interplay.web.coaching.client_view import ClientView
from interplay.web.coaching.dashboard import DashboardPage, was_never
from interplay.web.coaching.planner import (
    RECENT_ENTRIES,
    Agenda,
    QuestionPart,
    propose_agenda,
    question_ids_in,
    question_sections,
)
from interplay.web.coaching.practice import add_to_agenda
from interplay.web.kernel.html import e as _e
from interplay.web.schedule.access import planned_of, reassess_weeks_of

COLUMNS = (
    ("name", gettext_lazy("Client")),
    ("stage", gettext_lazy("Stage")),
    ("boundaries", gettext_lazy("Boundary style")),
    ("focus", gettext_lazy("Focus")),
    ("activity", gettext_lazy("Last shared activity")),
    ("due", gettext_lazy("What is due")),
)
CLASSIFICATIONS = {
    ReliableChange.IMPROVED: gettext_lazy("reliable change toward balance"),
    ReliableChange.WORSE: gettext_lazy("reliable change away from balance"),
    ReliableChange.NO_RELIABLE_CHANGE: gettext_lazy("within measurement error"),
}


def _stage_name(stage: str | None, mixed: object, w: _TableWords) -> str:
    if not stage:
        return ""
    name = w.stages.get(stage, stage)
    if str(mixed).lower() in {"true", "1"}:
        return w.mixed % {"stage": name}
    return name


_ISO_CHARACTERS = frozenset("0123456789-+:.T")  # all `isoformat()` writes: nothing to escape


class _TableWords:
    """The table's fixed wording in one language, each phrase beside its escaped form, so a
    row escapes only what is its own (the client's name): translating and escaping the same
    phrases for every row was most of the table's cost."""

    def __init__(self) -> None:
        self.no_assessment = _("No shared assessment")
        self.mixed = _("%(stage)s (mixed picture)")
        self.nothing_shared = _("Nothing shared yet")
        self.next_session = _("Next session planned for %(when)s")
        self.reassessment = _("Re-assessment (last shared %(date)s)")
        self.first_assessment = _("First assessment")
        self.check_in = _("Weekly check-in")
        self.nothing_due = _e(_("Nothing due"))
        self.heads = [
            _e(word)
            for word in (
                _("Client"),
                _("Stage"),
                _("Boundary style"),
                _("Focus"),
                _("Last shared activity"),
                _("What is due"),
            )
        ]
        self.stages = dict(labels.names(labels.STAGES))
        self.styles = dict(labels.names(labels.BOUNDARY_STYLES))
        self.focuses = dict(labels.names(labels.FOCUSES))
        # Counted phrases by count, worked out at their first use.
        self.counted: dict[tuple[str, int], str] = {}
        # The client page's address up to its id, reversed once.
        self.client_prefix = reverse("coaching:client", args=[0]).removesuffix("0/")
        self.escaped: dict[str, str] = {}

    def html(self, text: str) -> str:
        """`text` escaped: the table's own phrases and names, each escaped once."""
        found = self.escaped.get(text)
        if found is None:
            found = self.escaped.setdefault(text, _e(text)) if len(self.escaped) < 512 else _e(text)
        return found

    def follow_ups(self, count: int) -> str:
        key = ("follow_ups", count)
        if key not in self.counted:
            self.counted[key] = ngettext(
                "%(count)d experiment to follow up", "%(count)d experiments to follow up", count
            ) % {"count": count}
        return self.counted[key]

    def open_items(self, count: int) -> str:
        key = ("open_items", count)
        if key not in self.counted:
            self.counted[key] = ngettext(
                "%(count)d open follow-up", "%(count)d open follow-ups", count
            ) % {"count": count}
        return self.counted[key]


@lru_cache(maxsize=16)
def _table_words(language: str | None) -> _TableWords:
    return _TableWords()


def _due_items(row: Any, w: _TableWords, dates: labels.DateWriter) -> list[str]:
    due = []
    if row.due.assessment:
        due.append(
            w.first_assessment
            if row.last_assessment is None
            else w.reassessment % {"date": dates.short(row.last_assessment)}
        )
    if row.due.check_in:
        due.append(w.check_in)
    if row.follow_ups_due:
        due.append(w.follow_ups(row.follow_ups_due))
    if row.open_items:
        due.append(w.open_items(row.open_items))
    return due


def _row_html(row: Mapping[str, Any], w: _TableWords) -> str:
    """One row of the table; every value escaped (a phrase of the table's own through
    `w.html`, which escapes each once; a timestamp's ISO text has nothing to escape)."""
    heads = w.heads
    iso = row["activity_iso"]
    if iso and not _ISO_CHARACTERS.issuperset(iso):
        iso = _e(iso)  # not what `isoformat` writes: escaped like any other value
    activity = (
        f'<time datetime="{iso}">{w.html(row["activity"])}</time>'
        if iso
        else w.html(row["activity"])
    )
    due = (
        "<ul>" + "".join(f"<li>{w.html(item)}</li>" for item in row["due"]) + "</ul>"
        if row["due"]
        else w.nothing_due
    )
    session = f'<p class="help">{w.html(row["next_session"])}</p>' if row["next_session"] else ""
    return (
        "<tr>\n"
        f'    <td data-label="{heads[0]}"><a href="{_e(row["href"])}">'
        f"{_e(row['client_name'])}</a></td>\n"
        f'    <td data-label="{heads[1]}">{w.html(row["stage"])}</td>\n'
        f'    <td data-label="{heads[2]}">{w.html(row["boundaries"])}</td>\n'
        f'    <td data-label="{heads[3]}">{w.html(row["focus"])}</td>\n'
        f'    <td data-label="{heads[4]}">{activity}</td>\n'
        f'    <td data-label="{heads[5]}">\n      {due}\n      {session}\n    </td>\n'
        "  </tr>"
    )


def dashboard_rows_html(rows: list[dict[str, Any]], language: str | None) -> SafeString:
    """The table's rows as HTML, written here rather than by the template (about twenty
    template nodes a row were most of the page's rendering); every value is escaped."""
    w = _table_words(language)
    return SafeString("\n  ".join(_row_html(row, w) for row in rows))


@lru_cache(maxsize=64)
def _sort_options_html(sort_param: str, language: str | None) -> SafeString:
    reversed_word = _("reversed")
    options = [
        (value, shown)
        for key, title in COLUMNS
        for value, shown in ((key, str(title)), (f"-{key}", f"{title} ({reversed_word})"))
    ]
    return SafeString(
        "".join(
            f'<option value="{_e(value)}"{" selected" if value == sort_param else ""}>'
            f"{_e(shown)}</option>"
            for value, shown in options
        )
    )


@lru_cache(maxsize=64)
def _head_html(sort: str, descending: bool, language: str | None) -> SafeString:
    cells = []
    for key, title in COLUMNS:
        active = key == sort
        next_sort = f"-{key}" if active and not descending else key
        aria = ("descending" if descending else "ascending") if active else "none"
        href = "?" + urlencode({"sort": next_sort})
        cells.append(
            f'<th scope="col" aria-sort="{aria}"><a href="{_e(href)}">{_e(title)}</a></th>'
        )
    return SafeString("".join(cells))


def dashboard_context(result: DashboardPage) -> dict[str, Any]:
    language = get_language()  # looked up once: each look-up goes through a context-local
    w = _table_words(language)  # the names and wording, translated once per language
    dates = labels.DateWriter(language)  # the dates of the whole table in one time zone
    rows = []
    for row in result.page.object_list:
        shared_at = None if was_never(row.last_activity) else row.last_activity
        local = dates.local(shared_at) if shared_at else None  # for both its texts
        rows.append(
            {
                "client_name": row.client_name,
                "href": f"{w.client_prefix}{row.client_id}/",
                "stage": _stage_name(row.stage, row.stage_mixed, w) or w.no_assessment,
                "boundaries": w.styles.get(row.boundary_style, row.boundary_style)
                if row.boundary_style
                else "–",
                "focus": w.focuses.get(row.focus, row.focus) if row.focus else "–",
                "activity_iso": local.isoformat() if local else "",
                "activity": dates.short(local, year=True) if local else w.nothing_shared,
                "due": _due_items(row, w, dates),
                "next_session": w.next_session % {"when": dates.short(row.next_session)}
                if row.next_session
                else "",
            }
        )
    sort_param = ("-" if result.descending else "") + result.sort
    return {
        # The sort menu and the table's head depend on the sort alone: written once per
        # sort and language.
        "sort_options_html": _sort_options_html(sort_param, language),
        "head_html": _head_html(result.sort, result.descending, language),
        "rows": rows,
        "rows_html": dashboard_rows_html(rows, language),
        "page": result.page,
        "sort_param": sort_param,
    }


def shared_due(view: ClientView, reassess_weeks: int) -> Due:
    """What is due by what the client shared, on the client's own interval (the one rule,
    core/schedule.py, as the client's Home and the reminders ask it). The interval is the
    coach's setting, not something the client shared, so it is read beside the view. Dates
    only: the latest shared assessment's and check-in's, both read with the access check
    (`with_facts`), so no assessment or check-in is read for them (a view made without it
    reads the headlines and the recent check-ins, without profiles or answers)."""
    now = timezone.now()
    return what_is_due(
        now,
        view.latest_assessment_at(),
        view.latest_check_in_at(),  # the date alone: no check-in decrypted for it
        reassess_weeks=reassess_weeks,
        today=timezone.localdate(now),
        planned=planned_of(view.experiments()),
    )


def weeks_of(view: ClientView) -> int:
    """The client's re-assessment interval: read with the access check, else on its own."""
    found = view.reassess_weeks()
    return reassess_weeks_of(view.client) if found is None else found


def due_reasons(view: ClientView, reassess_weeks: int | None = None) -> list[str]:
    """What is due, worded for the coach (shared activity only): the planner's open items and
    the client page's overview."""
    weeks = weeks_of(view) if reassess_weeks is None else reassess_weeks
    due = shared_due(view, weeks)
    reasons = []
    if due.first_assessment:
        reasons.append(_("Invite the client to take the self-assessment (none shared yet)."))
    elif due.reassessment:
        reasons.append(
            ngettext(
                "Suggest a re-assessment: the last shared one is over %(weeks)d week old.",
                "Suggest a re-assessment: the last shared one is over %(weeks)d weeks old.",
                weeks,
            )
            % {"weeks": weeks}
        )
    if due.check_in:
        reasons.append(_("No check-in shared this week: ask how the week has been."))
    if due.follow_ups:
        reasons.append(
            ngettext(
                "A shared experiment's planned day has come: ask how it went.",
                "%(count)d shared experiments' planned days have come: ask how they went.",
                len(due.follow_ups),
            )
            % {"count": len(due.follow_ups)}
        )
    return reasons


def _change_rows(changes: list[change.ScaleChange]) -> list[dict[str, Any]]:
    return [
        {
            "name": labels.label(labels.SCALES, item.scale),
            "before": item.before,
            "after": item.after,
            "change": item.change,
            "index": item.index,
            "reliable": item.reliable,
            "meaning": CLASSIFICATIONS[item.classification],
        }
        for item in changes
    ]


def since_first(
    assessments: list[Assessment],
    count: int | None = None,
    references: Mapping[Scale, Reference] | None = None,
) -> dict[str, Any] | None:
    """The latest shared assessment against the first: the change over the whole work
    (`count`: how many there are, when only the first and latest were passed), judged against
    the same reference values as the client's own progress page."""
    if (len(assessments) if count is None else count) < 3:
        return None  # with two, the history already says it
    first, latest = assessments[0], assessments[-1]
    rows = _change_rows(change.changes_between(first.profile, latest.profile, references))
    return {"first": first, "latest": latest, "reliable": [r for r in rows if r["reliable"]]}


def history_rows(
    assessments: list[Assessment], references: Mapping[Scale, Reference] | None = None
) -> list[dict[str, Any]]:
    rows = []
    for step in reversed(change.history(assessments, references)):
        changes = _change_rows(step.changes or [])
        rows.append(
            {
                "assessment": step.assessment,
                "summary": profile_presenters.summary(step.assessment.profile),
                "first": step.changes is None,
                "reliable": [c for c in changes if c["reliable"]],
                "changes": changes,
            }
        )
    return rows


def proposed_agenda(view: ClientView, previous_agenda: str | None) -> Agenda:
    """The planner's proposal from what the coach can see: the latest shared profile, the
    latest shared entries, open follow-ups, what is due, and the shared practice.
    `previous_agenda`: the coach's latest plan for this client (None without one), whose bank
    questions are left out so sessions vary (`access.access_client_for_planner` reads it)."""
    latest = view.latest_assessment_key()
    skip = question_ids_in(previous_agenda) if previous_agenda else frozenset()

    def from_profile() -> QuestionPart:
        full = view.latest_assessment()
        return question_sections(full.profile if full else None, skip)

    # A finished assessment's profile never changes: the lines it gives are kept per
    # assessment and skipped questions, and the profile is decrypted and read only then.
    questions = (
        fragments.kept(("planner", latest[0], view.pk, latest[1], skip), from_profile)
        if latest is not None
        else question_sections(None, skip)
    )
    proposal = propose_agenda(
        None,
        view.latest_entries(RECENT_ENTRIES),  # their titles and dates: no analysis needed
        access.open_follow_ups(view.coach, view.client),
        due_reasons(view),
        skip_questions=skip,
        questions=questions,
    )
    return add_to_agenda(proposal, view)  # shared values, beliefs, experiments and map
