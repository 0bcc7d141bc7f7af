"""Scoped lookups for integration reviews: the owner reaches their own; a coach reaches only
the reviews a current client shared, through `ClientView.reviews()`."""

from __future__ import annotations

from django.http import Http404

from interplay.web.accounts.models import User
from interplay.web.progress.models import Review


def get_review_for_user(user: User, pk: int) -> Review:
    review = Review.objects.filter(pk=pk, owner=user).select_related("assessment").first()
    if review is None:
        raise Http404
    return review


def reviews_of(owner: User) -> list[Review]:
    """Oldest first: each review is read against the one before it."""
    return list(Review.objects.filter(owner=owner).select_related("assessment"))
