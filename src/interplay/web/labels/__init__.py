"""Human names for the method's vocabulary, translatable. Stored data keeps the stable ids;
pages show these."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from django.utils import timezone
from django.utils.dates import MONTHS, MONTHS_3
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from interplay.core.vocabulary import (
    Barrier,
    BoundaryStyle,
    Focus,
    Level,
    Pattern,
    Risk,
    Scale,
    Stage,
)

SCALES = {
    Scale.DEPENDENCE: _("Leaning on others"),
    Scale.OVER_INDEPENDENCE: _("Over-independence"),
    Scale.INTERDEPENDENCE: _("Interdependence"),
    Scale.RIGID_BOUNDARIES: _("Rigid boundaries"),
    Scale.POROUS_BOUNDARIES: _("Porous boundaries"),
    Scale.CONFLUENCE: _("Confluence (merging with others)"),
    Scale.FEAR_OF_INDEPENDENCE: _("Fear of letting go of dependence"),
    Scale.PERFECTIONISM: _("The perfectionism trap"),
    Scale.VULNERABILITY_FEAR: _("Wariness of vulnerability"),
    Scale.CULTURAL_PRESSURE: _("Pull of culture and upbringing"),
    Scale.PAST_EXPERIENCE: _("Echoes of past experience"),
}
BARRIERS = {barrier: SCALES[barrier.scale] for barrier in Barrier}
STAGES = {
    Stage.DEPENDENCE: _("Dependence"),
    Stage.SELF_SUFFICIENCY: _("Self-sufficiency"),
    Stage.INTERDEPENDENCE: _("Interdependence"),
}
PATTERNS = {
    Pattern.DEPENDENT: _("Leaning on others"),
    Pattern.OVER_INDEPENDENT: _("Standing alone"),
    Pattern.INTERDEPENDENT: _("Interdependent"),
    Pattern.WITHDRAWN: _("Withdrawn"),
}
BOUNDARY_STYLES = {
    BoundaryStyle.RIGID: _("Mostly rigid"),
    BoundaryStyle.POROUS: _("Mostly porous"),
    BoundaryStyle.BALANCED: _("Balanced"),
    BoundaryStyle.MIXED: _("Mixed: firm with some people, open to being drained by others"),
}
RISKS = {
    Risk.ISOLATION: _("Isolation and loneliness"),
    Risk.DIFFICULTY_ASKING_FOR_HELP: _("Difficulty asking for help"),
    Risk.STRAINED_RELATIONSHIPS: _("Strained relationships"),
    Risk.OVER_DEPENDENCE_ON_OTHERS: _("Relying on others for decisions or reassurance"),
    Risk.LACK_OF_AGENCY: _("A sense of having little say"),
    Risk.ENMESHMENT: _("Blurred boundaries (enmeshment)"),
}
FOCUSES = {
    Focus.GAINING_SELF_SUFFICIENCY: _("Building your own footing"),
    Focus.LOOSENING_OVER_INDEPENDENCE: _("Letting people in"),
    Focus.BALANCING: _("Keeping both in balance"),
}
LEVELS = {Level.LOW: _("low"), Level.MODERATE: _("moderate"), Level.HIGH: _("high")}
ANSWERS = {
    1: _("Strongly disagree"),
    2: _("Disagree"),
    3: _("Neither"),
    4: _("Agree"),
    5: _("Strongly agree"),
}


# Each table's names translated into one language, made at its first use: the tables are
# module constants, so a table's id names it for the life of the process.
# (The table itself is kept beside its names and checked, so a reused id never misleads.)
_translated: dict[tuple[int, str | None], tuple[dict, dict[object, str]]] = {}  # type: ignore[type-arg]


def names(table: dict) -> dict[object, str]:  # type: ignore[type-arg]
    """The table translated into the current language (what `label` looks in), for a page
    that names many rows: one look-up of the language instead of one a cell."""
    key = (id(table), get_language())
    found = _translated.get(key)
    if found is None or found[0] is not table or len(found[1]) != len(table):
        found = (table, {k: str(v) for k, v in table.items()})
        _translated[key] = found
    return found[1]


class DateWriter:
    """`short_date` for many cells of one page: the language's month names and the current
    time zone looked up once, not once a cell (the same text as `short_date`)."""

    def __init__(self, language: str | None = None) -> None:
        """`language`: the current one, when the caller has looked it up already."""
        language = language or get_language()
        self.months = _short_months(language)
        self.long_months = _months(language)
        self.zone = timezone.get_current_timezone()

    def long(self, moment: date) -> str:
        """As `long_date`."""
        if isinstance(moment, datetime) and moment.utcoffset() is not None:
            moment = moment.astimezone(self.zone)
        return f"{moment.day} {self.long_months[moment.month]} {moment.year}"

    def short(self, moment: date, *, year: bool = False) -> str:
        # A moment already in the page's zone (`local`) is not converted again.
        if (
            isinstance(moment, datetime)
            and moment.tzinfo is not self.zone
            and moment.utcoffset() is not None
        ):
            moment = moment.astimezone(self.zone)
        text = f"{moment.day} {self.months[moment.month]}"
        return f"{text} {moment.year}" if year else text

    def local(self, moment: datetime) -> datetime:
        """An aware moment in the page's time zone (a naive one as it is): what `iso` and
        `short` write, for a caller that writes both from one conversion."""
        return moment.astimezone(self.zone) if moment.utcoffset() is not None else moment

    def iso(self, moment: datetime) -> str:
        """As `iso_moment`."""
        return (
            moment.astimezone(self.zone) if moment.utcoffset() is not None else moment
        ).isoformat()


def label(table: dict, value: object) -> str:  # type: ignore[type-arg]
    """The human name for a stored id, or the id itself if the table does not know it. The
    tables are keyed by the vocabulary's StrEnums, which hash and compare as their ids, so this
    is one dictionary lookup (in the table translated once per language)."""
    try:
        name = names(table).get(value)
    except TypeError:  # an unhashable value: not an id
        name = None
    return str(value) if name is None else name


@lru_cache(maxsize=16)
def _short_months(language: str | None) -> tuple[str, ...]:
    return ("", *(str(MONTHS_3[month]).title() for month in range(1, 13)))


def short_date(moment: date, *, year: bool = False) -> str:
    """A day as the pages write it, "2 Dec" (or "2 Dec 2026"): what Django's `date:"j M"` and
    `date:"j M Y"` give, with the month names looked up once per language rather than once per
    cell, and an aware time shown in the current time zone as templates show it."""
    if isinstance(moment, datetime) and timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    text = f"{moment.day} {_short_months(get_language())[moment.month]}"
    return f"{text} {moment.year}" if year else text


def short_date_as_given(moment: date) -> str:
    """The day as "2 Dec" in the moment's own time zone, not converted to the current one: what
    `django.utils.formats.date_format(moment, "j M")` writes (the session planner's dates have
    always read that way), without its format look-ups (some 50 µs a date)."""
    return f"{moment.day} {_short_months(get_language())[moment.month]}"


@lru_cache(maxsize=16)
def _months(language: str | None) -> tuple[str, ...]:
    return ("", *(str(MONTHS[month]) for month in range(1, 13)))


def long_date(moment: date) -> str:
    """A day written out, "2 December 2026": Django's `date:"j F Y"`, with the month names
    looked up once per language (as `short_date`)."""
    if isinstance(moment, datetime) and timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return f"{moment.day} {_months(get_language())[moment.month]} {moment.year}"


def iso_moment(moment: datetime) -> str:
    """A time for a `<time datetime>` attribute, as the template filter `date:'c'` gives it."""
    return (timezone.localtime(moment) if timezone.is_aware(moment) else moment).isoformat()


def first_words(text: str, count: int) -> str:
    """Django's `truncatewords` filter (the first `count` words, whitespace made single
    spaces, " …" after a cut), without its lazy wrapper: the same text."""
    words = text.split()
    if len(words) <= count:
        return " ".join(words)
    cut = " ".join(words[:count])
    return cut if cut.endswith(" …") else f"{cut} …"
