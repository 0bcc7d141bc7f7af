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

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from interplay.core.schedule import REASSESS_WEEKS
from interplay.core.vocabulary import Theme
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
from interplay.web.journal.analysis import stored_themes, versions_are_current
from interplay.web.journal.glance import SealedEntry
from interplay.web.journal.insights import entry_themes, themes_summary
from interplay.web.journal.models import Entry
from interplay.web.kernel.html import e, lines
from interplay.web.kernel.templatetags.idempotency import idempotency_field
from interplay.web.progress.presenters import reference_note
from interplay.web.safety.presenters import coach_flags_html

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


@lru_cache(maxsize=16)
def _header_words(language: str | None) -> tuple[str, str]:
    # Not escaped, as `{% translate %}` does not escape a literal (the wording is ours).
    return _("← All clients"), _("Sections about %(name)s")


def header_html(context: dict[str, Any], request: HttpRequest) -> SafeString:
    """`coaching/_client_header.html` (the way back, the name, the section tabs and the
    safety flags) for a section's `context`, written here: its include, tag and loop cost
    every section about a million instructions. Every value is escaped; the flags, when
    there are any, are still their template."""
    all_clients, sections_about = _header_words(get_language())
    name = context["client"].name
    current = ' aria-current="page"'
    items = "".join(
        f'<li><a href="{e(link["href"])}"{current if link["current"] else ""}>'
        f"{e(link['title'])}</a></li>"
        for link in context["sections"]
    )
    # Without flags: the template's two line ends around its empty `{% if %}`.
    flags = coach_flags_html(context["safety_flags"], request, show_client=False, empty="\n\n")
    return SafeString(
        f'<p><a href="{e(dashboard_url())}">{all_clients}</a></p>\n<h1>{e(name)}</h1>\n'
        f'<nav class="section-tabs" aria-label="{sections_about % {"name": e(name)}}">\n'
        f"  <ul>{items}</ul>\n</nav>\n\n{flags}\n"
    )


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
    pulses = view.check_in_scores()  # their balance columns: no result decrypted
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
    assessments a page shows (and the one before its oldest, to compare with) are read.

    Finished assessments never change, so a page of steps (its rows, the change since the
    first and its HTML) is the same for the same assessments, page and reference figures:
    it is kept (`fragments.kept`, this process's memory), and the profiles are decrypted and
    compared only the first time. The headlines say which assessments are still shared, so
    one the client stops sharing leaves the key, and the page, at once."""
    headlines = view.headlines()
    count = len(headlines)
    pages = max(1, -(-count // HISTORY_PAGE))
    page = min(page, pages)
    start, end = (page - 1) * HISTORY_PAGE, page * HISTORY_PAGE  # newest-first positions
    low, high = max(0, count - end - 1), count - start
    shown = headlines[low:high]
    ends = [headlines[0], headlines[-1]] if count >= 3 else []  # first against latest
    references = practice_references()  # the same figures as the client's progress page
    key = (
        "coach history",
        tuple((a.pk, a.user_id, _stamp(a.completed_at)) for a in (*shown, *ends)),
        len(ends),
        low > 0,
        page,
        pages,
        tuple(references.items()),
        timezone.get_current_timezone_name(),
    )
    steps = fragments.kept(
        key, lambda: _history_steps(view, shown, ends, low, page, pages, references)
    )
    return {
        **_base(view, "history"),
        **steps,
        "page": page,
        "pages": pages,
        "newer": page - 1 if page > 1 else None,
        "older": page + 1 if page < pages else None,
        "check_ins": _check_in_rows(view.check_in_scores(HISTORY_PAGE)),
    }


def _stamp(when: datetime | None) -> str:
    return when.isoformat() if when else ""


def _history_steps(
    view: ClientView,
    shown: list[Assessment],
    ends: list[Assessment],
    low: int,
    page: int,
    pages: int,
    references: dict[Any, Any],
) -> dict[str, Any]:
    """A page of the history worked out from the profiles (read here, without the answers)
    and written as HTML (`coaching/_client_history_steps.html`)."""
    full = {a.pk: a for a in view.profiles_among(sorted({a.pk for a in (*shown, *ends)}))}
    rows = history_rows([full[a.pk] for a in shown], references)
    if low > 0:
        rows = rows[:-1]  # the oldest was read only to compare the one after it with
    # `ends` holds the first and latest only when there are three or more.
    first = since_first([full[a.pk] for a in ends], 3, references) if ends else None
    context = {
        "history": rows,
        "since_first": first,
        "page": page,
        "newer": page - 1 if page > 1 else None,
        "older": page + 1 if page < pages else None,
        "reference_note": reference_note(references),
    }
    html = SafeString(render_to_string("coaching/_client_history_steps.html", context))
    return {"history": rows, "since_first": first, "history_html": html}


def _check_in_rows(pulses: list[PulseCheck]) -> list[dict[str, Any]]:
    """The latest check-ins as the history lists them, from their balance columns (a
    check-in without them reads its result, as the timeline did)."""
    kind, checked_in = _("Check-in"), _("Checked in.")
    dates = labels.DateWriter()
    rows = []
    for pulse in pulses:
        if pulse.autonomy is None or pulse.connection is None:
            text = _pulse_text(pulse)
        else:
            text = _("Autonomy %(a)s, connection %(c)s (a rough weekly estimate).") % {
                "a": round(pulse.autonomy),
                "c": round(pulse.connection),
            }
        rows.append(
            {
                "kind": kind,
                "iso": dates.iso(pulse.taken_at),
                "date": dates.short(pulse.taken_at, year=True),
                "title": "",
                "text": text or checked_in,
            }
        )
    return rows


def _entry_rows(entries: list[Entry]) -> list[dict[str, Any]]:
    untitled = _("Untitled")
    dates = labels.DateWriter()  # the same text as `short_date` and `iso_moment`
    return [
        {
            "iso": dates.iso(entry.created_at),
            "date": dates.short(entry.created_at, year=True),
            "title": entry.title or untitled,
            "body": entry.body,
            "themes": entry_themes(entry),
        }
        for entry in entries
    ]


def entries_html(rows: list[dict[str, Any]], before: str = "", after: str = "") -> SafeString:
    """The shared journal's entries (`_entry_rows`) as the template's loop wrote them, each
    with `insights/_shared_entry_themes.html`'s list: written here, the wording translated
    once a page, not by two tags and an include a row (`before` and `after` each row: the
    list's loop put it on a line of its own, the search's did not). Every value is escaped."""
    kind, themes_word = e(_("Journal entry")), e(_("Themes:"))
    made = []
    for row in rows:
        themes = ""
        if row["themes"]:
            items = "".join(
                f"<li>{e(theme.name)}"
                + (
                    ': <span class="evidence">'
                    + "; ".join(f"“{e(quote)}”" for quote in theme.quotes)
                    + "</span>"
                    if theme.quotes
                    else ""
                )
                + "</li>"
                for theme in row["themes"]
            )
            themes = (
                f'\n<div class="shared-themes">\n  <p><strong>{themes_word}</strong></p>\n'
                f"  <ul>{items}</ul>\n</div>\n"
            )
        made.append(
            f'{before}<li><span class="kind">{kind}</span> <time datetime="{e(row["iso"])}">'
            f"{e(row['date'])}</time>\n    <h3>{e(row['title'])}</h3>"
            f"<p>{lines(row['body'])}</p>\n{themes}\n</li>{after}"
        )
    return SafeString("".join(made))


@lru_cache(maxsize=16)
def _summary_words(language: str | None) -> tuple[str, str, str, str]:
    # Not escaped, as `{% translate %}` and `{% blocktranslate %}` leave the wording as is.
    return (
        _("Themes across shared entries"),
        _(
            "Counted over the latest shared journal entries only; private entries never "
            "count. A prompt for conversation, not a judgement."
        ),
        _("No themes in the shared entries yet."),
        _("%(name)s in %(n)s of the last %(out_of)s shared entries"),
    )


def summary_html(summary: list[dict[str, Any]]) -> SafeString:
    """`insights/_shared_summary.html` for the shared journal's `theme_summary`, written
    here: its wording translated once per language. Every value is escaped."""
    heading, help_text, none_yet, row_words = _summary_words(get_language())
    if summary:
        items = "".join(
            "<li>"
            + row_words % {"name": e(row["name"]), "n": e(row["n"]), "out_of": e(row["out_of"])}
            + "</li>"
            for row in summary
        )
        inside = f"\n  <ul>{items}</ul>\n  "
    else:
        inside = f"\n  <p>{none_yet}</p>\n  "
    return SafeString(
        '\n<section class="card theme-summary" aria-labelledby="theme-summary-heading">\n'
        f'  <h3 id="theme-summary-heading">{heading}</h3>\n'
        f'  <p class="help">{help_text}</p>\n  {inside}\n</section>\n'
    )


@lru_cache(maxsize=16)
def _journal_words(language: str | None) -> tuple[str, str, str, str, str]:
    # Not escaped, as `{% translate %}` and `{% blocktranslate %}` leave the wording as is.
    return (
        _("%(name)s: shared journal"),
        _("What they shared from their journal"),
        _("Search their shared entries"),
        _("Search"),
        _(
            "Some themes were found by an older version of the reader and are being brought "
            "up to date; what you see is the stored reading."
        ),
    )


@lru_cache(maxsize=16)
def _journal_body_words(language: str | None) -> dict[str, str]:
    # Not escaped, as `{% translate %}` leaves the wording as is.
    return {
        "back": _("Back to every shared entry"),
        "pages": _("Pages"),
        "newer": _("Newer entries"),
        "older": _("Older entries"),
        "nothing": _(
            "Nothing shared yet. Journal entries stay private unless your client shares them "
            "one by one."
        ),
    }


def pager_html(newer: int | None, older: int | None, newer_label: str, older_label: str) -> str:
    """`coaching/_pager.html` as it renders (its file's last line break included)."""
    if not (newer or older):
        return "\n"
    pages = _journal_body_words(get_language())["pages"]
    newer_item = f'<li><a href="?page={int(newer)}">{newer_label}</a></li>' if newer else ""
    older_item = f'<li><a href="?page={int(older)}">{older_label}</a></li>' if older else ""
    return (
        f'<nav class="pager" aria-label="{pages}"><ul class="inline-list">\n'
        f"  {newer_item}\n  {older_item}\n</ul></nav>\n"
    )


def journal_body_html(context: dict[str, Any]) -> SafeString:
    """What `coaching/client_journal.html` wrote below the search form, from the context
    `journal_context` made: the search's results, or the theme summary, the note on themes
    being updated and a page of entries with its pager. Every value is escaped (the parts
    given as HTML were escaped where they were made)."""
    w = _journal_body_words(get_language())
    if context["query"]:
        found = ngettext(
            "%(total)s shared entry contains “%(query)s”.",
            "%(total)s shared entries contain “%(query)s”.",
            context["found"],
        ) % {"total": context["found"], "query": e(context["query"])}
        return SafeString(
            f'\n  <p>{found} <a href="{e(context["href"]["journal"])}">{w["back"]}</a></p>\n'
            f'  <ul class="timeline">{e(context["entries_html"])}</ul>\n'
        )
    summary = e(context["summary_html"]) if context["page"] == 1 else ""
    updating = e(context["updating_html"]) if context["themes_updating"] else ""
    if context["entries"]:
        pager = pager_html(context["newer"], context["older"], w["newer"], w["older"])
        shown = f'\n<ul class="timeline">\n{e(context["entries_html"])}\n</ul>\n{pager}\n'
    else:
        shown = f"\n<p>{w['nothing']}</p>\n"
    return SafeString(f"\n{summary}\n{updating}\n{shown}\n")


def _journal_wording(name: str, query: str) -> dict[str, SafeString]:
    """The shared journal's title, heading and search form, and its note on themes being
    brought up to date, as its template wrote them, worded once per language."""
    title, heading, label, search, updating = _journal_words(get_language())
    return {
        "title": SafeString(title % {"name": e(name)}),
        "search_html": SafeString(
            f'<h2 id="shared">{heading}</h2>\n<form method="get" role="search" '
            f'class="sort-form">\n  <div><label for="q">{label}</label>\n'
            f'  <input type="search" id="q" name="q" value="{e(query)}"></div>\n'
            f'  <button type="submit" class="button-quiet">{search}</button>\n</form>'
        ),
        "updating_html": SafeString(f'<p class="help" role="status">{updating}</p>'),
    }


def _shown_entry(row: SealedEntry) -> tuple[str, tuple[tuple[Theme, float], ...]]:
    """One shared entry as the journal's list writes it (`entries_html`) and its stored
    themes (for the summary), decrypted at its first showing and then kept under its seal
    (`fragments.kept`: this process's memory only, never a shared cache or disk, as the
    profile's findings are). An edit, a new reading or a re-encryption changes the seal, and
    an entry the client stops sharing is not fetched, so is not shown, whatever is kept; the
    date is written in the current time zone, so that is in the key too."""
    key = ("shared entry", row.pk, row.seal, row.created_at, timezone.get_current_timezone_name())

    def make() -> tuple[str, tuple[tuple[Theme, float], ...]]:
        entry = row.open()
        return str(entries_html(_entry_rows([entry]), "\n  ", "\n")), stored_themes(entry)

    return fragments.kept(key, make)


def journal_context(view: ClientView, query: str, page: int) -> dict[str, Any]:
    """The shared journal: the themes across the latest entries, a search, and the entries
    themselves, `JOURNAL_PAGE` a page, newest first."""
    context = _base(view, "journal")
    context.update(_journal_wording(view.client.name, query))
    if query:
        found = view.entries(query)
        found_rows = _entry_rows(found)
        context.update(
            query=query,
            search_results=found_rows,
            found=len(found),
            entries_html=entries_html(found_rows),
        )
        context["journal_html"] = journal_body_html(context)
        return context
    offset = (page - 1) * JOURNAL_PAGE
    # One extra row says whether an older page exists, with no count over every entry.
    rows = view.journal_page(max(JOURNAL_PAGE + 1, SUMMARY_WINDOW), offset)
    shown = rows[:JOURNAL_PAGE]
    latest = rows if page == 1 else view.journal_page(SUMMARY_WINDOW)
    # Each entry looked up once, though the page's first entries are also the latest.
    made: dict[int, tuple[str, tuple[tuple[Theme, float], ...]]] = {}
    for row in (*shown, *latest[:SUMMARY_WINDOW]):
        if row.pk not in made:
            made[row.pk] = _shown_entry(row)
    summary = themes_summary(made[row.pk][1] for row in latest[:SUMMARY_WINDOW])
    context.update(
        query="",
        entries=shown,
        entries_html=SafeString("".join(made[row.pk][0] for row in shown)),
        theme_summary=summary,
        summary_html=summary_html(summary) if page == 1 else "",
        themes_updating=any(
            row.versions is None or not versions_are_current(*row.versions) for row in shown
        ),
        page=page,
        newer=page - 1 if page > 1 else None,
        older=page + 1 if len(rows) > JOURNAL_PAGE else None,
    )
    context["journal_html"] = journal_body_html(context)
    return context


_REVERSED: dict[str, str] = {}


def address(name: str, client_id: int, other_id: int | None = None) -> str:
    """`reverse(name, args=[client_id(, other_id)])`, reversed once per process and name
    (with placeholder ids, as `done_url`): a `{% url %}` tag reverses on every render."""
    if name not in _REVERSED:
        args = [PLACEHOLDER] if other_id is None else [PLACEHOLDER, SECOND_PLACEHOLDER]
        _REVERSED[name] = reverse(name, args=args)
    found = _REVERSED[name].replace(str(PLACEHOLDER), str(int(client_id)))
    return found if other_id is None else found.replace(str(SECOND_PLACEHOLDER), str(int(other_id)))


@lru_cache(maxsize=16)
def _note_words(language: str | None) -> tuple[str, str, str]:
    # Not escaped, as `{% translate %}` does not escape a literal.
    return _("Next time:"), _("done"), _("Edit note")


def notes_html(rows: list[dict[str, Any]]) -> SafeString:
    """The notes page's notes (`note_rows`) as the template's loop wrote them, the wording
    translated once per language; every value is escaped."""
    next_time, done, edit = _note_words(get_language())
    dates = labels.DateWriter()  # the same text as `date:'c'` and `date:"j F Y"`
    made = []
    for row in rows:
        note = row["note"]
        when, iso = dates.long(note.created_at), dates.iso(note.created_at)
        follow_up = ""
        if note.follow_up:
            closed = "" if note.follow_up_open else f' <span class="muted">({done})</span>'
            follow_up = f"<p><strong>{next_time}</strong> {e(note.follow_up)}{closed}</p>"
        made.append(
            f'\n<article class="card">\n  <h3><time datetime="{e(iso)}">{e(when)}</time></h3>\n'
            f"  <p>{lines(note.body)}</p>\n  {follow_up}\n"
            f'  <a href="{e(row["href"])}">{edit}<span class="visually-hidden"> {e(when)}</span>'
            "</a>\n</article>\n"
        )
    return SafeString("".join(made))


@lru_cache(maxsize=16)
def _sessions_words(language: str | None) -> dict[str, str]:
    # Not escaped, as `{% translate %}` and `{% blocktranslate %}` leave the wording as is.
    return {
        "due": _("Due"),
        "open_follow_ups": _("Your open follow-ups"),
        "mark_done": _("Mark done"),
        "session_on": _("Session on %(when)s"),
        "plan_written": _("Plan written %(when)s"),
        "no_plans": _("No plans yet."),
        "title": _("%(name)s: notes and plans"),
        "your_notes": _("Your session notes"),
        "private": _("Encrypted, and visible to you alone."),
        "add_note": _("Add a note"),
        "save_note": _("Save note"),
        "newer": _("Newer notes"),
        "older": _("Older notes"),
        "your_plans": _("Your session plans"),
        "plan_next": _("Plan the next session"),
    }


def due_html(due: list[str]) -> SafeString:
    """The notes page's "Due" list (`due_reasons`) as its template wrote it; "" for none."""
    if not due:
        return SafeString("")
    heading = _sessions_words(get_language())["due"]
    items = "".join(f"<li>{e(reason)}</li>" for reason in due)
    return SafeString(f"\n<h3>{heading}</h3>\n<ul>{items}</ul>\n")


def follow_ups_html(rows: list[dict[str, Any]], csrf: str) -> SafeString:
    """The notes page's open follow-ups (`follow_up_rows`), each with its "Mark done" form,
    as its template wrote them; "" for none. `csrf`: the request's token field, as
    `{% csrf_token %}` writes it (`csrf_field`)."""
    if not rows:
        return SafeString("")
    w = _sessions_words(get_language())
    items = "".join(
        f'\n  <li class="card">{lines(row["note"].follow_up)}\n'
        f'    <form method="post" action="{e(row["done_href"])}" class="actions">'
        f"{csrf}{idempotency_field()}\n"
        f'      <button type="submit" class="button-quiet">{w["mark_done"]}</button>\n'
        "    </form></li>\n"
        for row in rows
    )
    return SafeString(f'\n<h3>{w["open_follow_ups"]}</h3>\n<ul class="plain">\n{items}\n</ul>\n')


def plans_html(rows: list[dict[str, Any]]) -> SafeString:
    """The notes page's plans (`plan_rows`: each linked, by its session's date or else the
    day it was written) as its template wrote them, or that there are none."""
    w = _sessions_words(get_language())
    if not rows:
        return SafeString(f"\n<p>{w['no_plans']}</p>\n")
    dates = labels.DateWriter()  # the same text as `date:"j F Y"`
    items = []
    for row in rows:
        plan = row["plan"]
        if plan.session_date:
            text = w["session_on"] % {"when": e(dates.long(plan.session_date))}
        else:
            text = w["plan_written"] % {"when": e(dates.long(plan.created_at))}
        items.append(f'<li><a href="{e(row["href"])}">{text}</a></li>')
    return SafeString(f"\n<ul>{''.join(items)}</ul>\n")


def csrf_field(request: HttpRequest) -> str:
    """The request's CSRF token as a hidden field, as `{% csrf_token %}` writes it."""
    return f'<input type="hidden" name="csrfmiddlewaretoken" value="{e(get_token(request))}">'


def sessions_html(context: dict[str, Any], request: HttpRequest) -> SafeString:
    """`coaching/client_sessions.html`'s content below the header, as the template wrote it
    (its loops and tags written here, the wording translated once per language), from the
    context `sessions_context` made with the note form's HTML (`note_form_html`). Every
    value is escaped (the parts given as HTML were escaped where they were made)."""
    w = _sessions_words(get_language())
    csrf = csrf_field(request)
    pager = pager_html(context["newer"], context["older"], w["newer"], w["older"])
    return SafeString(
        f'<h2 id="notes">{w["your_notes"]}</h2>\n'
        f'<p class="private-mark">{w["private"]}</p>\n'
        f"{due_html(context['due'])}\n"
        f"{follow_ups_html(context['follow_up_rows'], csrf)}\n"
        f'<form method="post" action="{e(context["add_note_href"])}" class="card" '
        f'id="add-note">{csrf}{idempotency_field()}\n'
        f"  <h3>{w['add_note']}</h3>\n"
        f"  {e(context['note_form_html'])}\n"
        f'  <div class="actions"><button type="submit">{w["save_note"]}</button></div>\n'
        "</form>\n"
        f"{e(context['notes_html'])}\n"
        f"{pager}\n\n"
        f'<h2 id="plans">{w["your_plans"]}</h2>\n'
        f'<p><a class="button" href="{e(context["new_plan_href"])}">{w["plan_next"]}</a></p>\n'
        f"{plans_html(context['plan_rows'])}"
    )


def sessions_context(view: ClientView, page: int) -> dict[str, Any]:
    """The coach's own notes and plans (visible to them alone): what is due, open
    follow-ups, a new note, the notes `NOTES_PAGE` a page, and the session plans."""
    offset = (page - 1) * NOTES_PAGE
    # One statement: the page, the open follow-ups and the plans' dates, nothing of them
    # that the page does not show.
    records = access.notes_page(view.coach, view.client, NOTES_PAGE, offset)
    notes, follow_ups, plans = records.notes, records.follow_ups, records.plans
    pk = view.pk
    note_rows = [{"note": note, "href": address("coaching:note", pk, note.pk)} for note in notes]
    due = due_reasons(view)
    plan_rows = [{"plan": plan, "href": address("coaching:plan", pk, plan.pk)} for plan in plans]
    return {
        **_base(view, "sessions"),
        "title": SafeString(
            _sessions_words(get_language())["title"] % {"name": e(view.client.name)}
        ),
        "due": due,
        "follow_ups": follow_ups,
        "follow_up_rows": [
            {"note": note, "done_href": address("coaching:done", pk, note.pk)}
            for note in follow_ups
        ],
        "notes": notes,
        "note_rows": note_rows,
        "notes_html": notes_html(note_rows),
        "plans": plans,
        "plan_rows": plan_rows,
        "add_note_href": address("coaching:add_note", pk),
        "new_plan_href": address("coaching:new_plan", pk),
        "page": page,
        "newer": page - 1 if page > 1 else None,
        "older": page + 1 if records.older else None,
    }
