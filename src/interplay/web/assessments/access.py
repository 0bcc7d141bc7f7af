"""Scoped lookups for assessments and pulse checks: the owner sees their own; a coach sees
only what a current client shared, through the `ClientView` from `access_client_for_coach`."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from interplay.web.accounts.models import User
from interplay.web.assessments.models import Assessment, PulseCheck
from interplay.web.kernel.compiled import compiled_instances


def get_assessment_for_user(user: User, pk: int, *, without_json: bool = False) -> Assessment:
    """The user's own assessment, or Http404. `without_json`: the answers and profile are
    left unread until used (the profile page reads its headline columns, and the profile only
    when its findings are not already rendered)."""
    if without_json:  # the profile page's read, its SQL compiled once
        rows = compiled_instances(
            ("own assessment without json",),
            lambda v: Assessment.objects.filter(pk=v["pk"], user=v["user"]).defer(
                "answers", "profile"
            ),
            {"pk": "int", "user": "int"},
            {"pk": pk, "user": user.pk},
        )
        if not rows:
            raise Http404
        return rows[0]  # type: ignore[no-any-return]
    assessment = Assessment.objects.filter(pk=pk, user=user).first()
    if assessment is None:
        raise Http404
    return assessment


def finished_headlines(user: User) -> list[Assessment]:
    """The owner's finished assessments without their answers and profile (the headline
    columns are enough for the trail and lists), its SQL compiled once."""
    return compiled_instances(
        ("own finished headlines",),
        lambda v: Assessment.objects.filter(user=v["user"], completed_at__isnull=False).defer(
            "profile", "answers"
        ),
        {"user": "int"},
        {"user": user.pk},
    )


def check_in_results(user: User) -> list[PulseCheck]:
    """The owner's check-ins with their two balance columns only: nothing is decrypted (a
    check-in without them reads its result when the trail asks for it)."""
    return compiled_instances(
        ("own check-in balance",),
        lambda v: PulseCheck.objects.filter(user=v["user"]).only(
            "user", "taken_at", "autonomy", "connection"
        ),
        {"user": "int"},
        {"user": user.pk},
    )


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
