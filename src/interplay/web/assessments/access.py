"""Scoped lookups for assessments and pulse checks: the owner sees their own; a coach sees
only what a current client shared, through `access_client_for_coach`."""

from __future__ import annotations

from django.http import Http404

from interplay.web.accounts.models import User
from interplay.web.assessments.models import Assessment, PulseCheck


def get_assessment_for_user(user: User, pk: int) -> Assessment:
    assessment = Assessment.objects.filter(pk=pk, user=user).first()
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


def latest_shared_profile(client: User) -> Assessment | None:
    """For a coach page: call only with a client returned by `access_client_for_coach`."""
    return (
        Assessment.objects.filter(user=client, completed_at__isnull=False, shared_with_coach=True)
        .order_by("-completed_at", "-id")
        .first()
    )


def open_assessment(user: User) -> Assessment | None:
    return Assessment.objects.filter(user=user, completed_at__isnull=True).first()


def latest_pulse(user: User) -> PulseCheck | None:
    return PulseCheck.objects.filter(user=user).order_by("-taken_at", "-id").first()


def get_shared_assessment_for_coach(coach: User, client_id: int, pk: int) -> Assessment:
    """A finished assessment the client shared, for their current coach (audited); else 404."""
    from interplay.web.coaching.access import access_client_for_coach, record_coach_read

    client = access_client_for_coach(coach, client_id, what="assessment", audit=False)
    assessment = Assessment.objects.filter(
        pk=pk, user=client, completed_at__isnull=False, shared_with_coach=True
    ).first()
    if assessment is None:
        raise Http404
    record_coach_read(coach, client, "assessment", assessment.pk)
    return assessment


def shared_trail_for_coach(client: User) -> tuple[list[Assessment], list[PulseCheck]]:
    """Shared assessments and check-ins of a client from `access_client_for_coach`."""
    assessments = list(
        Assessment.objects.filter(user=client, completed_at__isnull=False, shared_with_coach=True)
    )
    pulses = list(PulseCheck.objects.filter(user=client, shared_with_coach=True))
    return assessments, pulses
