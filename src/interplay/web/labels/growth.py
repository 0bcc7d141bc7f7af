"""One calm sentence for each moment of growth (core.growth): said where it happens (after a
reflection, on the profile after a re-assessment) and gathered on the progress page. Plain
acknowledgement, no praise inflation, no counts."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from interplay.core.growth import Growth, GrowthKind
from interplay.core.vocabulary import Stakes
from interplay.web.labels import SCALES, label


def _scales(growth: Growth) -> str:
    return ", ".join(str(label(SCALES, scale)) for scale in growth.scales)


def growth_sentence(growth: Growth, audience: str = "client") -> str:
    """`audience` "coach" words it about the client, for the coach's progress page."""
    if audience == "coach":
        return _coach_sentence(growth)
    if growth.kind is GrowthKind.RELIABLE_CHANGE:
        return _(
            "%(scales)s moved toward balance since %(since)s, by more than the usual wobble "
            "of answering."
        ) % {
            "scales": _scales(growth),
            "since": date_format(localtime(growth.since), "j F Y") if growth.since else "",
        }
    if growth.kind is GrowthKind.FIRST_STEP_UP:
        if growth.stakes is Stakes.HIGH:
            return _("“%(title)s” was your first higher-stakes step.") % {"title": growth.title}
        return _("“%(title)s” was your first step beyond the low-stakes rung.") % {
            "title": growth.title
        }
    if growth.kind is GrowthKind.REFRAME_HELD:
        return _(
            "“%(title)s” tested a belief you had reframed, and the reframe held: what you "
            "feared did not happen."
        ) % {"title": growth.title}
    return _("In “%(title)s”, what you feared did not happen.") % {"title": growth.title}


def _coach_sentence(growth: Growth) -> str:
    if growth.kind is GrowthKind.RELIABLE_CHANGE:
        return _(
            "%(scales)s moved reliably toward balance since %(since)s (shared assessments)."
        ) % {
            "scales": _scales(growth),
            "since": date_format(localtime(growth.since), "j F Y") if growth.since else "",
        }
    if growth.kind is GrowthKind.FIRST_STEP_UP:
        return _("“%(title)s” was the client's first %(stakes)s-stakes step.") % {
            "title": growth.title,
            "stakes": _("higher") if growth.stakes is Stakes.HIGH else _("medium"),
        }
    if growth.kind is GrowthKind.REFRAME_HELD:
        return _("“%(title)s” tested a reframed belief, and the reframe held.") % {
            "title": growth.title
        }
    return _("In “%(title)s”, the client's feared outcome did not happen.") % {
        "title": growth.title
    }
