"""Scoped lookups for the guided path. A person reaches only their own progress; a coach reads
a client's through `ClientView.path()` (coaching/client_view.py), only when it is shared."""

from __future__ import annotations

from django.http import Http404

from interplay.core.path import Step, guided_path
from interplay.web.accounts.models import User
from interplay.web.path.models import PathProgress, StepProgress


def progress_of(owner: User) -> PathProgress | None:
    return PathProgress.objects.filter(owner=owner).first()


def step_marks_of(owner: User) -> dict[str, StepProgress]:
    return {mark.step_id: mark for mark in StepProgress.objects.filter(owner=owner)}


def get_step(step_id: str) -> Step:
    """A step of the shipped path, or Http404 for an id it does not have."""
    try:
        return guided_path().step(step_id)
    except KeyError:
        raise Http404 from None
