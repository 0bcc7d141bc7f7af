"""The coach's client page in sections: an overview a coach lands on, and one page for each
part of the work (the profile, how it has moved, the shared journal, notes and plans; the
shared practice is `coaching.practice`'s page). Each section reads only what it shows through
the `ClientView`, and the long ones are paged, so no page grows with the client's history.

Presenters only: strings are worked out here once per page (dates, labels, headings), so the
templates format and loop, nothing more."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from interplay.core.schedule import REASSESS_WEEKS
from interplay.language.theme_summary import SUMMARY_WINDOW
from interplay.web import labels
from interplay.web.assessments import fragments
from interplay.web.assessments import presenters as profile_presenters
from interplay.web.assessments.models import Assessment, PulseCheck
from interplay.web.assessments.reference import practice_references
from interplay.web.coaching import access
from interplay.web.coaching.client_view import ClientView
from interplay.web.coaching.presenters import due_reasons, history_rows, since_first, weeks_of
from interplay.web.coaching.timeline import timeline
from interplay.web.journal.insights import any_stale, entry_themes, theme_summary
from interplay.web.journal.models import Entry
from interplay.web.kernel.html import e
from interplay.web.progress.presenters import reference_note

OVERVIEW_MOMENTS = 5  # the latest shared things on the overview
EXCERPT = 240  # characters of an entry shown on the overview
HISTORY_PAGE = 5  # steps of the history per page
JOURNAL_PAGE = 20  # shared entries per page
NOTES_PAGE = 10  # session notes per page


@dataclass(frozen=True)
class Section:
    key: str
    url_name: str
    title: Promise


SECTIONS = (
    Section("overview", "coaching:client", gettext_lazy("Overview")),
    Section("profile", "coaching:client_profile", gettext_lazy("Profile")),
    Section("history", "coaching:client_history", gettext_lazy("How it has moved")),
    Section("journal", "coaching:client_journal", gettext_lazy("Shared journal")),
    Section("practice", "coaching:practice", gettext_lazy("Practice")),
    Section("sessions", "coaching:client_sessions", gettext_lazy("Notes and plans")),
)


def _section_paths() -> dict[str, str]:
    """Each section's address with a placeholder id, reversed once per process (a page
    would otherwise reverse six addresses per request)."""
    global _PATHS
    if _PATHS is None:
        _PATHS = {s.key: reverse(s.url_name, args=[PLACEHOLDER]) for s in SECTIONS}
    return _PATHS


PLACEHOLDER = 987654321
SECOND_PLACEHOLDER = 987654322
_PATHS: dict[str, str] | None = None
# The client page's other addresses (its buttons and forms), by name, with a placeholder id.
ACTION_URLS = {
    "new_plan": "coaching:new_plan",
    "progress": "coaching:progress",
    "schedule": "coaching:schedule",
    "export": "exports:client_export",
    "path_suggest": "coaching:path_suggest",
    "path_assign": "coaching:path_assign",
}
_ACTIONS: dict[str, str] | None = None
_DONE: str | None = None
_DASHBOARD: str | None = None


def action_urls(client_id: int) -> dict[str, str]:
    """The client page's action addresses for this client, reversed once per process (a
    `{% url %}` tag reverses on every render)."""
    global _ACTIONS
    if _ACTIONS is None:
        _ACTIONS = {key: reverse(name, args=[PLACEHOLDER]) for key, name in ACTION_URLS.items()}
    pk = str(int(client_id))
    return {key: path.replace(str(PLACEHOLDER), pk) for key, path in _ACTIONS.items()}


def dashboard_url() -> str:
    """The dashboard's address (the overview's way back), reversed once per process."""
    global _DASHBOARD
    if _DASHBOARD is None:
        _DASHBOARD = reverse("coaching:dashboard")
    return _DASHBOARD


def done_url(client_id: int, note_id: int) -> str:
    """Where "Mark done" posts for one follow-up (reversed once per process, as above)."""
    global _DONE
    if _DONE is None:
        _DONE = reverse("coaching:done", args=[PLACEHOLDER, SECOND_PLACEHOLDER])
    return _DONE.replace(str(PLACEHOLDER), str(int(client_id))).replace(
        str(SECOND_PLACEHOLDER), str(int(note_id))
    )


def section_links(client_id: int, current: str) -> list[dict[str, Any]]:
    """The tabs every section page shows, the current one marked."""
    paths = _section_paths()
    placeholder, pk = str(PLACEHOLDER), str(int(client_id))
    return [
        {
            "href": paths[section.key].replace(placeholder, pk),
            "title": section.title,
            "current": section.key == current,
        }
        for section in SECTIONS
    ]


def page_number(raw: str | None) -> int:
    """A page number from the query string; anything that is not a positive number is 1."""
    return int(raw) if raw and raw.isdigit() and 0 < int(raw) < 10_000 else 1


def _base(view: ClientView, current: str) -> dict[str, Any]:
    links = section_links(view.pk, current)
    return {
        "client": view.client,
        "section": current,
        "sections": links,
        "href": {section.key: link["href"] for section, link in zip(SECTIONS, links, strict=True)},
        "safety_flags": view.safety_flags(),
    }


def headline(assessment: Assessment | None) -> dict[str, Any] | None:
    """The profile's headline as `assessments/profile_summary.html` shows it, from the stored
    columns (the profile JSON is not read)."""
    if assessment is None:
        return None
    stage = labels.label(labels.STAGES, assessment.stage) if assessment.stage else ""
    if stage and assessment.stage_mixed:
        stage = _("%(stage)s (mixed picture)") % {"stage": stage}
    return {
        "pattern": labels.label(labels.PATTERNS, assessment.pattern or None),
        "autonomy": assessment.autonomy,
        "connection": assessment.connection,
        "focus": labels.label(labels.FOCUSES, assessment.focus) if assessment.focus else "",
        "stage": stage,
        "boundaries": labels.label(labels.BOUNDARY_STYLES, assessment.boundary_style)
        if assessment.boundary_style
        else "",
    }


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"


def _moment_rows(moments: list[Any]) -> list[dict[str, Any]]:
    names = {
        "entry": _("Journal entry"),
        "assessment": _("Assessment"),
        "check-in": _("Check-in"),
    }
    untitled, assessed, checked_in = _("Untitled"), _("Completed the self-assessment."), None
    dates = labels.DateWriter()
    rows = []
    for moment in moments:
        item = moment.item
        if moment.kind == "entry":
            title, text = item.title or untitled, _excerpt(item.body)
        elif moment.kind == "assessment":
            title, text = "", assessed
        else:
            checked_in = checked_in or _("Checked in.")
            title, text = "", _pulse_text(item) or checked_in
        rows.append(
            {
                "kind": names[moment.kind],
                "iso": dates.iso(moment.when),
                "date": dates.short(moment.when, year=True),
                "title": title,
                "text": text,
            }
        )
    return rows


def _pulse_text(pulse: PulseCheck) -> str:
    # The two scores' columns (`ClientView.recent_check_ins` reads them, not the result);
    # a check-in without both (an axis the core could not score, or a row written around
    # `save()`) says what its result says, read and decrypted only then.
    autonomy, connection = pulse.autonomy, pulse.connection
    if autonomy is None or connection is None:
        result = pulse.result or {}
        autonomy, connection = result.get("autonomy"), result.get("connection")
    if autonomy is None:
        return ""
    return _("Autonomy %(a)s, connection %(c)s (a rough weekly estimate).") % {
        "a": round(autonomy),
        "c": round(connection or 0),
    }


def _latest_pulse_at(pulses: list[PulseCheck]) -> datetime | None:
    return pulses[0].taken_at if pulses else None


@lru_cache(maxsize=32)
def _reassess_words(language: str | None) -> tuple[tuple[int, str], ...]:
    return tuple(
        (weeks, ngettext("%(n)s week", "%(n)s weeks", weeks) % {"n": weeks})
        for weeks in REASSESS_WEEKS
    )


def reassess_options(current: int) -> SafeString:
    """The re-assessment interval's options (the current one selected), worded once per
    language rather than by a translation tag per option on every page."""
    return _reassess_options(current, get_language())


@lru_cache(maxsize=64)
def _reassess_options(current: int, language: str | None) -> SafeString:
    return SafeString(
        "".join(
            f'<option value="{weeks}"{" selected" if weeks == current else ""}>{e(words)}</option>'
            for weeks, words in _reassess_words(language)
        )
    )


def moments_html(rows: list[dict[str, Any]]) -> SafeString:
    """The timeline's items as HTML (`_moment_rows`), written here rather than by a template
    loop; every value is escaped."""
    return SafeString(
        "\n".join(
            f'  <li><span class="kind">{e(row["kind"])}</span> '
            f'<time datetime="{e(row["iso"])}">{e(row["date"])}</time>\n    '
            + (f"<h3>{e(row['title'])}</h3>" if row["title"] else "")
            + f"<p>{e(row['text'])}</p></li>"
            for row in rows
        )
    )


def overview_context(view: ClientView) -> dict[str, Any]:
    """The page a coach lands on: safety, the profile's headline, what is due, open
    follow-ups and the latest few things shared, each linking to its section."""
    headlines = view.headlines()
    latest = headlines[-1] if headlines else None
    pulses = view.recent_check_ins()
    entries = view.latest_entries(OVERVIEW_MOMENTS)
    moments = timeline(entries, headlines, pulses, limit=OVERVIEW_MOMENTS)
    weeks = weeks_of(view)
    moment_rows = _moment_rows(moments)
    follow_ups = access.open_follow_ups(view.coach, view.client)
    return {
        **_base(view, "overview"),
        "latest": latest,
        "latest_date": labels.short_date(latest.completed_at, year=True)
        if latest and latest.completed_at
        else "",
        "summary": headline(latest),
        "due": due_reasons(view, weeks),
        "reassess_weeks": weeks,
        "reassess_options": reassess_options(weeks),
        "follow_ups": follow_ups,
        "follow_up_rows": [
            {"text": note.follow_up, "done_href": done_url(view.pk, note.pk)} for note in follow_ups
        ],
        "urls": action_urls(view.pk),
        "dashboard_href": dashboard_url(),
        "moments": moment_rows,
        "moments_html": moments_html(moment_rows),
    }


def profile_context(view: ClientView) -> dict[str, Any]:
    """The latest shared profile in full: the map with its trail, and every finding with the
    reason behind it, worded for the coach."""
    headlines = view.headlines()
    latest = headlines[-1] if headlines else None  # its headline columns, not the profile
    pulses = view.check_ins()
    until = timezone.now() + timedelta(seconds=1)
    points = profile_presenters.trail_points(headlines, pulses, until)
    current = next(
        (
            p
            for p in points
            if latest is not None and p.kind == "assessment" and p.when == latest.completed_at
        ),
        None,
    )
    return {
        **_base(view, "profile"),
        "latest": latest,
        "summary": headline(latest),
        # The findings of a finished assessment are rendered once per language and kept;
        # only then is its profile read (the latest shared one, through the `ClientView`).
        "findings_html": fragments.findings_html(
            latest, lambda: _coach_findings_html(view), audience="coach"
        )
        if latest
        else "",
        "map_html": profile_presenters.map_html(points, current, latest.pattern if latest else None)
        if points
        else "",
    }


def _coach_findings_html(view: ClientView) -> SafeString:
    latest = view.latest_assessment()
    profile = latest.profile if latest else None
    findings = profile_presenters.findings(profile, "coach") if profile else None
    return SafeString(render_to_string("coaching/_coach_findings.html", {"findings": findings}))


def history_context(view: ClientView, page: int) -> dict[str, Any]:
    """How the profile has moved, newest first, `HISTORY_PAGE` steps a page: only the
    assessments a page shows (and the one before its oldest, to compare with) are read."""
    headlines = view.headlines()
    count = len(headlines)
    pages = max(1, -(-count // HISTORY_PAGE))
    page = min(page, pages)
    start, end = (page - 1) * HISTORY_PAGE, page * HISTORY_PAGE  # newest-first positions
    low, high = max(0, count - end - 1), count - start
    wanted = [a.pk for a in headlines[low:high]]
    if count >= 3:
        wanted += [headlines[0].pk, headlines[-1].pk]  # the whole work: first against latest
    full = {a.pk: a for a in view.assessments_among(sorted(set(wanted)))}
    references = practice_references()  # the same figures as the client's progress page
    rows = history_rows([full[a.pk] for a in headlines[low:high]], references)
    if low > 0:
        rows = rows[:-1]  # the oldest was read only to compare the one after it with
    return {
        **_base(view, "history"),
        "history": rows,
        "since_first": since_first(
            [full[headlines[0].pk], full[headlines[-1].pk]], count, references
        )
        if count >= 3
        else None,
        "page": page,
        "pages": pages,
        "newer": page - 1 if page > 1 else None,
        "older": page + 1 if page < pages else None,
        "check_ins": _moment_rows(timeline([], [], view.recent_check_ins()[:HISTORY_PAGE])),
        "reference_note": reference_note(references),
    }


def _entry_rows(entries: list[Entry]) -> list[dict[str, Any]]:
    untitled = _("Untitled")
    return [
        {
            "iso": labels.iso_moment(entry.created_at),
            "date": labels.short_date(entry.created_at, year=True),
            "title": entry.title or untitled,
            "body": entry.body,
            "themes": entry_themes(entry),
        }
        for entry in entries
    ]


def journal_context(view: ClientView, query: str, page: int) -> dict[str, Any]:
    """The shared journal: the themes across the latest entries, a search, and the entries
    themselves, `JOURNAL_PAGE` a page, newest first."""
    context = _base(view, "journal")
    if query:
        found = view.entries(query)
        context.update(query=query, search_results=_entry_rows(found), found=len(found))
        return context
    offset = (page - 1) * JOURNAL_PAGE
    # One extra row says whether an older page exists, with no count over every entry.
    rows = view.entries(limit=max(JOURNAL_PAGE + 1, SUMMARY_WINDOW), offset=offset)
    shown = rows[:JOURNAL_PAGE]
    latest = rows if page == 1 else view.entries(limit=SUMMARY_WINDOW)
    context.update(
        query="",
        entries=_entry_rows(shown),
        theme_summary=theme_summary(latest),
        themes_updating=any_stale(shown),
        page=page,
        newer=page - 1 if page > 1 else None,
        older=page + 1 if len(rows) > JOURNAL_PAGE else None,
    )
    return context


def sessions_context(view: ClientView, page: int) -> dict[str, Any]:
    """The coach's own notes and plans (visible to them alone): what is due, open
    follow-ups, a new note, the notes `NOTES_PAGE` a page, and the session plans."""
    offset = (page - 1) * NOTES_PAGE
    notes = access.notes_about(view.coach, view.client, limit=NOTES_PAGE + 1, offset=offset)
    return {
        **_base(view, "sessions"),
        "due": due_reasons(view),
        "follow_ups": access.open_follow_ups(view.coach, view.client),
        "notes": notes[:NOTES_PAGE],
        "plans": access.plans_for(view.coach, view.client),
        "page": page,
        "newer": page - 1 if page > 1 else None,
        "older": page + 1 if len(notes) > NOTES_PAGE else None,
    }
