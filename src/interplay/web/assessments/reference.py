"""The practice's own reference values for reliable change (core.reference_values), read from
each person's first finished assessment on this install. Only the aggregate (an SD and an
alpha per scale) leaves this function: no one's scores are shown to anyone else."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import OuterRef, Subquery

from interplay.core.reference_values import Reference, reference_values
from interplay.core.vocabulary import Scale
from interplay.web.assessments.models import Assessment

# The most recent people counted: enough for stable figures, bounded work per page.
MOST_PEOPLE = 400
CACHE_KEY = "interplay:reference-values"
CACHE_SECONDS = 600


def practice_references() -> dict[Scale, Reference]:
    """Kept in the cache for a few minutes: the figures move slowly, and working them out
    decrypts up to `MOST_PEOPLE` profiles."""
    found = cache.get_or_set(CACHE_KEY, _compute, CACHE_SECONDS)
    return found if isinstance(found, dict) else _compute()


def _compute() -> dict[Scale, Reference]:
    first = (
        Assessment.objects.filter(user=OuterRef("user"), completed_at__isnull=False)
        .order_by("completed_at", "id")
        .values("pk")[:1]
    )
    rows = (
        Assessment.objects.filter(completed_at__isnull=False, pk=Subquery(first))
        .order_by("-completed_at", "-id")
        .only("profile")[:MOST_PEOPLE]
    )
    return reference_values([row.profile for row in rows])
