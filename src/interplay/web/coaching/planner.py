"""The session planner: a proposed agenda from what the coach can see.

It draws on three things, and says which each line came from: the client's latest shared
profile (questions from the bank for each phase of the session, chosen for this profile, and
a starter experiment), what the client shared recently (journal entries, the last check-in)
and the open items (follow-ups from the coach's notes, a check-in or re-assessment that is
due). The coach edits the text freely before saving it; nothing is sent to the client.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from threading import Lock
from typing import Any

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from interplay.core.session_plan import needs_from_profile, questions_by_phase
from interplay.core.vocabulary import SessionPhase
from interplay.web.coaching.models import SessionNote
from interplay.web.journal.glance import EntryGlance
from interplay.web.journal.models import Entry
from interplay.web.kernel.html import e
from interplay.web.labels import short_date_as_given
from interplay.web.reasons import render_all

PHASE_NAMES = {
    SessionPhase.OPENING: gettext_lazy("Opening"),
    SessionPhase.EXPLORING: gettext_lazy("Exploring"),
    SessionPhase.EMOTIONAL_ROOTS: gettext_lazy("Emotional roots"),
    SessionPhase.EXPERIMENTING: gettext_lazy("Experimenting"),
    SessionPhase.INTEGRATING: gettext_lazy("Integrating"),
}
RECENT_ENTRIES = 3


@dataclass(frozen=True)
class Line:
    text: str
    why: str  # where the line came from, shown beside it and kept in the saved text


@dataclass
class Section:
    title: str
    lines: list[Line] = field(default_factory=list)


@dataclass(frozen=True)
class Agenda:
    sections: list[Section]

    def as_text(self) -> str:
        """The editable form: one heading per section, one line per item with its source."""
        parts: list[str] = []
        for section in self.sections:
            if not section.lines:
                continue
            parts.append(f"## {section.title}")
            parts.extend(f"- {line.text} ({line.why})" for line in section.lines)
            parts.append("")
        return "\n".join(parts).strip() + "\n"


def _excerpt(text: str, length: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def propose_agenda(
    profile: Mapping[str, Any] | None,
    recent_entries: Sequence[Entry | EntryGlance],
    follow_ups: Sequence[SessionNote],
    due: Sequence[str] = (),
    skip_questions: frozenset[str] = frozenset(),
    *,
    questions: QuestionPart | None = None,
) -> Agenda:
    """The proposal. `recent_entries` must be shared entries only (the caller's scoped query);
    `skip_questions` holds question ids the last plan used, so sessions vary; `questions`:
    `question_sections(profile, skip_questions)` when the caller already has it."""
    opening = Section(str(PHASE_NAMES[SessionPhase.OPENING]))
    for entry in list(recent_entries)[:RECENT_ENTRIES]:
        title = entry.title or _excerpt(entry.body, 60)
        opening.lines.append(
            Line(
                _("Ask about the shared entry “%(title)s”") % {"title": title},
                _("shared on %(date)s") % {"date": short_date_as_given(entry.created_at)},
            )
        )
    open_items = Section(_("Open items"))
    for note in follow_ups:
        open_items.lines.append(
            Line(
                _excerpt(note.follow_up, 140),
                _("follow-up from your note of %(date)s")
                % {"date": short_date_as_given(note.created_at)},
            )
        )
    for reason in due:
        open_items.lines.append(Line(reason, _("due")))
    opening_picks, phases = (
        question_sections(profile, skip_questions) if questions is None else questions
    )
    opening.lines.extend(opening_picks)
    sections = [opening, open_items]
    sections += [Section(title, list(lines)) for title, lines in phases]
    return Agenda(sections)


# The lines the profile gives: those for the opening, then each other phase (title, lines).
QuestionPart = tuple[tuple[Line, ...], tuple[tuple[str, tuple[Line, ...]], ...]]


def question_sections(
    profile: Mapping[str, Any] | None, skip_questions: frozenset[str] = frozenset()
) -> QuestionPart:
    """What the proposal takes from the profile alone: questions from the bank for each phase,
    and the starter experiment under "Experimenting". The same profile and skipped questions
    give the same lines, so a caller may keep them (`presenters.proposed_agenda`)."""
    opening: list[Line] = []
    phases: list[tuple[str, list[Line]]] = []
    needs = needs_from_profile(profile)
    reason_prefix = _("from the question bank")
    for group in questions_by_phase(needs, skip=skip_questions):
        lines = opening if group.phase is SessionPhase.OPENING else []
        for pick in group.questions:
            why = "; ".join(render_all(pick.reasons))
            lines.append(Line(pick.text, f"{reason_prefix}: {why}" if why else reason_prefix))
        if group.phase is not SessionPhase.OPENING:
            phases.append((str(PHASE_NAMES[group.phase]), lines))
    experiments = (profile or {}).get("experiments") or ()
    if experiments:
        first = experiments[0]
        experimenting = next(
            lines
            for title, lines in phases
            if title == str(PHASE_NAMES[SessionPhase.EXPERIMENTING])
        )
        experimenting.append(
            Line(
                _("Offer the experiment “%(title)s”: %(text)s")
                % {"title": first.get("title", ""), "text": _excerpt(first.get("text", ""), 160)},
                _("starter experiment for this profile: %(why)s")
                % {"why": "; ".join(render_all(first.get("reasons")))},
            )
        )
    return tuple(opening), tuple((title, tuple(lines)) for title, lines in phases)


def proposal_html(agenda: Agenda) -> SafeString:
    """The proposal's sections as headings and lists with each line's source, written here
    rather than by template loops (about five template nodes a line); every value escaped."""
    parts = []
    for section in agenda.sections:
        if not section.lines:
            continue
        items = "".join(
            f'<li>{e(line.text)} <span class="plan-why">({e(line.why)})</span></li>'
            for line in section.lines
        )
        parts.append(f"\n  <h2>{e(section.title)}</h2>\n  <ul>{items}</ul>\n")
    return SafeString("".join(parts))  # every value above went through `e`


QUESTIONS_KEPT = 128  # plans' question ids kept per process
_questions_kept: OrderedDict[bytes, frozenset[str]] = OrderedDict()
_questions_lock = Lock()


def question_ids_in(agenda_text: str) -> frozenset[str]:
    """Ids of bank questions whose text appears in a saved agenda (to vary the next one).
    Kept per text in this process's memory, under the text's digest so that no plan's words
    are kept: the planner asks it of the coach's latest plan on every visit, and the search for
    each of the bank's questions in the text cost more than the rest of the proposal's lines."""
    from interplay.core.questions import question_bank

    key = hashlib.blake2b(agenda_text.encode("utf-8"), digest_size=16).digest()
    with _questions_lock:
        if key in _questions_kept:
            _questions_kept.move_to_end(key)
            return _questions_kept[key]
    found = frozenset(q.id for q in question_bank() if q.text in agenda_text)
    with _questions_lock:
        _questions_kept[key] = found
        while len(_questions_kept) > QUESTIONS_KEPT:
            _questions_kept.popitem(last=False)
    return found


_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EMPHASIS = re.compile(r"(?<![*\w])[*_](?=\S)(.+?)(?<=\S)[*_](?![*\w])")


def format_inline(text: str) -> SafeString:
    """One line of a plan as safe HTML: escaped first (so a `<script>` typed into a plan is
    shown as text, never run), then `**strong**` and `*emphasis*` (or `_emphasis_`) made into
    tags, so no markup characters are left showing."""
    escaped = str(conditional_escape(text))
    formatted = _STRONG.sub(r"<strong>\1</strong>", escaped)
    formatted = _EMPHASIS.sub(r"<em>\1</em>", formatted)
    return mark_safe(formatted)  # noqa: S308 - built only from escaped text and our own tags


def agenda_sections(text: str) -> list[Section]:
    """A saved plan's text (one `## ` heading per phase, one `- ` line per item) as sections to
    show as headings and lists, so the coach reads the plan rather than its markup. Lines
    before any heading go under an untitled section; other lines are kept as items. Each
    heading and line is safe HTML (`format_inline`: escaped, then formatted)."""
    sections: list[Section] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            sections.append(Section(format_inline(line.lstrip("#").strip())))
            continue
        if not sections:
            sections.append(Section(""))
        item = line[2:].strip() if line.startswith(("- ", "* ", "+ ")) else line
        item = re.sub(r"^\d+[.)]\s+", "", item)  # "1. Ask..." reads as a list item too
        sections[-1].lines.append(Line(format_inline(item), ""))
    return sections
