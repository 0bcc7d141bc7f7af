"""The stored profile JSON to the core's typed `Profile`, at the edge (like
`relationships/mapping.py`): pages and presenters ask `profile_of(assessment)` and read typed
fields instead of chains of `.get(...)`. A stored profile of another shape (say, from a future
or a much older instrument) is logged with the path at fault and read as no profile, so a page
never breaks on it."""

from __future__ import annotations

import logging

from interplay.core.profile import Profile, ShapeError
from interplay.web.assessments.models import Assessment

log = logging.getLogger("interplay.assessments")
_CACHE = "_typed_profile"


def profile_of(assessment: Assessment | None) -> Profile | None:
    """The assessment's profile, typed (parsed once per assessment object), or None."""
    if assessment is None or not assessment.profile:
        return None
    if not hasattr(assessment, _CACHE):
        try:
            typed: Profile | None = Profile.from_dict(assessment.profile)
        except ShapeError as error:
            log.warning("assessment %s has a profile of another shape: %s", assessment.pk, error)
            typed = None
        setattr(assessment, _CACHE, typed)
    found: Profile | None = getattr(assessment, _CACHE)
    return found
