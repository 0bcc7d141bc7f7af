"""Give the test cast some history: assessments, check-ins and journal entries."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from interplay.web.accounts.models import User
from interplay.web.assessments.actions import (
    do_finish_assessment,
    do_record_pulse,
    do_save_answers,
    do_set_assessment_sharing,
    do_start_assessment,
)
from interplay.web.assessments.models import Assessment, PulseCheck
from interplay.web.journal.actions import do_save_entry, do_set_entry_sharing
from interplay.web.journal.models import Entry


def assess(
    user: User, answers: dict[str, int], when: datetime | None = None, shared: bool = True
) -> Assessment:
    assessment = do_start_assessment(actor=user)
    do_save_answers(assessment, answers, actor=assessment.user)
    do_finish_assessment(assessment, actor=assessment.user)
    if when is not None:
        Assessment.objects.filter(pk=assessment.pk).update(completed_at=when, started_at=when)
        assessment.refresh_from_db()
    if not shared:
        do_set_assessment_sharing(assessment, False, actor=assessment.user)
    return assessment


def pulse(user: User, answers: dict[str, int], when: datetime | None = None) -> PulseCheck:
    check = do_record_pulse(answers, actor=user)
    if when is not None:
        PulseCheck.objects.filter(pk=check.pk).update(taken_at=when)
        check.refresh_from_db()
    return check


def write(
    user: User, title: str, body: str, shared: bool = False, when: datetime | None = None
) -> Entry:
    entry = do_save_entry(title, body, actor=user)
    if shared:
        do_set_entry_sharing(entry, True, actor=entry.owner)
    if when is not None:
        Entry.objects.filter(pk=entry.pk).update(created_at=when)
        entry.refresh_from_db()
    return entry


def days_ago(days: float) -> datetime:
    return timezone.now() - timedelta(days=days)


def pulse_answers(value: int = 3) -> dict[str, int]:
    from interplay.core.instrument import pulse_items

    return {item.id: value for item in pulse_items()}
