"""Histories for the progress tests: assessments that move, check-ins, reflected experiments."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from interplay.core.instrument import instrument_items
from interplay.web.assessments.actions import (
    do_finish_assessment,
    do_save_answers,
    do_start_assessment,
)
from interplay.web.assessments.models import Assessment
from interplay.web.practice.models import Experiment


def answers_leaning(dependence: int, interdependence: int) -> dict[str, int]:
    """Every item answered so the dependence scale means `dependence` and interdependence
    `interdependence` (1..5), the rest neutral."""
    answers = {}
    for item in instrument_items():
        keyed = {"dependence": dependence, "interdependence": interdependence}.get(
            item.scale.value, 3
        )
        answers[item.id] = item.keyed(keyed)
    return answers


def answers_by_scale(**keyed: int) -> dict[str, int]:
    """Every item answered so each named scale means the given value (1..5), others 3."""
    return {item.id: item.keyed(keyed.get(item.scale.value, 3)) for item in instrument_items()}


def finished(user, answers, days_ago: float) -> Assessment:  # type: ignore[no-untyped-def]
    assessment = do_start_assessment(actor=user)
    do_save_answers(assessment, answers, actor=user)
    do_finish_assessment(assessment, actor=user)
    when = timezone.now() - timedelta(days=days_ago)
    Assessment.objects.filter(pk=assessment.pk).update(completed_at=when, started_at=when)
    assessment.refresh_from_db()
    return assessment


def reflected(user, title, stakes="low", outcome="no", days_ago=10.0, **extra):  # type: ignore[no-untyped-def]
    return Experiment.objects.create(
        owner=user,
        title=title,
        technique="start_small",
        direction="toward_connection",
        stakes=stakes,
        what="ask for help",
        status="done",
        anxiety_predicted=7,
        anxiety_during=3,
        feared_outcome_happened=outcome,
        finished_at=timezone.now() - timedelta(days=days_ago),
        **extra,
    )
