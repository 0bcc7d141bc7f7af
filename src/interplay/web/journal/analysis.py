"""Running the language analyses on journal entries and keeping the results current.

`do_analyse_entry` is called by the journal's `do_save_entry` for every saved entry (drafts are
never analysed): analysis runs on save. Pages read a result with `stored_reading`, which never
recomputes or writes: a reading made by an older engine is shown as stored and marked stale,
and the worker brings it up to date (`reanalyse_stale`, run by the `reanalyse_journal` task,
which `queue_reanalysis` enqueues after `migrate` whenever something is stale, and by
`interplay manage reanalyse_journal`), reporting its progress as it goes."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from interplay.core.vocabulary import SafetyRisk, Theme
from interplay.language.engine import SafetyResult
from interplay.web.journal.models import Entry, EntryAnalysis
from interplay.web.language import language_engines


@dataclass(frozen=True)
class Reading:
    """A stored analysis, decrypted: what pages use."""

    themes: tuple[tuple[Theme, float], ...]
    evidence: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    risk: SafetyRisk = SafetyRisk.NONE
    risk_evidence: tuple[tuple[int, int], ...] = ()
    # Made by an older engine (or not yet made): shown as it is, while the worker redoes it.
    stale: bool = False

    @property
    def flagged(self) -> bool:
        return self.risk is not SafetyRisk.NONE


def versions_current(row: EntryAnalysis) -> bool:
    return versions_are_current(row.themes_version, row.safety_version)


def versions_are_current(themes_version: str, safety_version: str) -> bool:
    """Whether a reading by these reader versions is by today's readers."""
    readers = language_engines()
    return themes_version == readers.themes.version and safety_version == readers.safety.version


def screen_entry(title: str, body: str) -> SafetyResult:
    """The safety screen over the body, and the title too: a title alone can say it. Evidence
    spans always index into the body (a risk found only in the title has none)."""
    screen = language_engines().safety
    result = screen.analyse(body)
    if result.flagged or not title.strip():
        return result
    from_title = screen.analyse(title)
    return (
        SafetyResult(from_title.risk, (), engine_version=screen.version)
        if from_title.flagged
        else result
    )


def _fields(entry: Entry) -> dict[str, Any]:
    readers = language_engines()
    found = readers.themes.analyse(entry.body)
    screened = screen_entry(entry.title, entry.body)
    sealed = {
        "evidence": {
            f.theme.value: [[span.start, span.end] for span in f.evidence] for f in found.themes
        },
        "risk": screened.risk.value,
        "risk_evidence": [[span.start, span.end] for span in screened.evidence],
    }
    return {
        "themes_version": readers.themes.version,
        "safety_version": readers.safety.version,
        "themes": [{"theme": f.theme.value, "score": round(f.score, 3)} for f in found.themes],
        "sealed": json.dumps(sealed),
        "analysed_at": timezone.now(),
    }


def do_analyse_entry(entry: Entry) -> EntryAnalysis:
    """Analyse a saved entry (themes and safety) and store the result, replacing any older."""
    with transaction.atomic():
        row, _created = EntryAnalysis.objects.update_or_create(entry=entry, defaults=_fields(entry))
    entry.analysis = row  # keep the cached relation in step for the caller
    return row


def themes_from_stored(stored: Any) -> tuple[tuple[Theme, float], ...]:
    """An analysis's stored themes column as (theme, score) pairs."""
    found = []
    for item in stored:
        try:
            found.append((Theme(item["theme"]), float(item["score"])))
        except (KeyError, ValueError, TypeError):
            continue  # a theme retired from the vocabulary: skip rather than fail the page
    return tuple(found)


def reading(row: EntryAnalysis, *, stale: bool = False) -> Reading:
    sealed = json.loads(row.sealed or "{}")
    return Reading(
        themes=themes_from_stored(row.themes),
        evidence={
            k: [(int(s), int(e)) for s, e in v] for k, v in sealed.get("evidence", {}).items()
        },
        risk=SafetyRisk(sealed.get("risk", SafetyRisk.NONE.value)),
        risk_evidence=tuple((int(s), int(e)) for s, e in sealed.get("risk_evidence", [])),
        stale=stale,
    )


def _stored_row(entry: Entry) -> EntryAnalysis | None:
    try:
        return entry.analysis
    except EntryAnalysis.DoesNotExist:
        return None


def stored_themes(entry: Entry) -> tuple[tuple[Theme, float], ...]:
    """The entry's stored themes only, for lists and summaries: the sealed part (evidence
    spans and the safety reading) is not read, so a list may defer it
    (`select_related("analysis").defer("analysis__sealed")`)."""
    row = _stored_row(entry)
    return () if row is None else themes_from_stored(row.themes)


def is_stale(entry: Entry) -> bool:
    """Whether the entry's stored analysis is missing or by an older engine, from its versions
    alone: a list asks this of every row, and the sealed part need not be read (or fetched:
    it may be deferred) for it."""
    row = _stored_row(entry)
    return row is None or not versions_current(row)


def stored_reading(entry: Entry) -> Reading:
    """The entry's stored analysis as it is, for pages: never recomputed here and never
    written (a GET writes nothing). A missing analysis reads as no themes, and like an older
    engine's it is marked `stale` for the page to say it is being brought up to date.

    Uses `entry.analysis` when it was fetched with the entry (`select_related`)."""
    try:
        row: EntryAnalysis | None = entry.analysis
    except EntryAnalysis.DoesNotExist:
        row = None
    if row is None:
        return Reading(themes=(), stale=True)
    return reading(row, stale=not versions_current(row))


def _current_rows() -> Any:
    readers = language_engines()
    return EntryAnalysis.objects.filter(
        themes_version=readers.themes.version, safety_version=readers.safety.version
    ).values("entry_id")


def stale_entries() -> Iterable[Entry]:
    """Entries with no analysis or one made by an engine version other than today's."""
    return Entry.objects.exclude(pk__in=_current_rows()).order_by("pk").iterator(chunk_size=200)


def stale_count() -> int:
    return Entry.objects.exclude(pk__in=_current_rows()).count()


Progress = Callable[[int, int], None]  # (done, total)
PROGRESS_EVERY = 200


def reanalyse_stale(progress: Progress | None = None) -> int:
    """Recompute every stale analysis; returns how many entries were analysed. `progress` is
    told (done, total) every `PROGRESS_EVERY` entries and at the end."""
    total = stale_count()
    count = 0
    for entry in stale_entries():
        do_analyse_entry(entry)
        count += 1
        if progress and (count % PROGRESS_EVERY == 0 or count == total):
            progress(count, max(total, count))
    if progress and count == 0:
        progress(0, 0)
    return count


TASK_PATH = "interplay.web.journal.tasks.reanalyse_journal"


def queue_reanalysis() -> bool:
    """Hand the stale analyses to the task worker, unless nothing is stale or a run is already
    waiting or running. Returns whether a run was queued."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from interplay.web.journal.tasks import reanalyse_journal

    if not stale_count():
        return False
    if (
        reanalyse_journal.get_backend().__class__.__name__ == "DatabaseBackend"
        and DBTaskResult.objects.filter(
            task_path=TASK_PATH,
            status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
        ).exists()
    ):
        return False
    reanalyse_journal.enqueue()
    return True
