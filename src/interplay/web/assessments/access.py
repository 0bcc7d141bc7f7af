"""Scoped lookups for assessments and pulse checks: the owner sees their own; a coach sees
only what a current client shared, through the `ClientView` from `access_client_for_coach`."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from interplay.web.accounts.models import User
from interplay.web.assessments.models import Assessment, PulseCheck


def get_assessment_for_user(user: User, pk: int, *, without_json: bool = False) -> Assessment:
    """The user's own assessment, or Http404. `without_json`: the answers and profile are
    left unread until used (the profile page reads its headline columns, and the profile only
    when its findings are not already rendered)."""
    found = Assessment.objects.filter(pk=pk, user=user)
    if without_json:
        found = found.defer("answers", "profile")
    assessment = found.first()
    if assessment is None:
        raise Http404
    return assessment


def completed_assessments(user: User) -> list[Assessment]:
    return list(Assessment.objects.filter(user=user, completed_at__isnull=False))


def latest_profile(user: User) -> Assessment | None:
    return (
        Assessment.objects.filter(user=user, completed_at__isnull=False)
        .order_by("-completed_at", "-id")
        .first()
    )


def open_assessment(user: User) -> Assessment | None:
    return Assessment.objects.filter(user=user, completed_at__isnull=True).first()


def latest_pulse(user: User) -> PulseCheck | None:
    return PulseCheck.objects.filter(user=user).order_by("-taken_at", "-id").first()


def finished_assessments_of(user: User) -> QuerySet[Assessment]:
    """The owner's finished assessments, for callers that page through them (the API)."""
    return Assessment.objects.filter(user=user, completed_at__isnull=False)
