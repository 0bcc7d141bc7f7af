"""The method's vocabulary: every named concept of the article, in one place.

Code everywhere uses these enums instead of string literals, so a typo is an error at import
time, content files are validated against the same names, and a concept is renamed once.
The values are the stable identifiers used in JSON, content files and the database.
"""

from __future__ import annotations

from enum import StrEnum


class Scale(StrEnum):
    """What the self-assessment measures. The first six describe the balance and the
    boundaries; the last five are the article's barriers to growth."""

    DEPENDENCE = "dependence"
    OVER_INDEPENDENCE = "over_independence"
    INTERDEPENDENCE = "interdependence"
    RIGID_BOUNDARIES = "rigid_boundaries"
    POROUS_BOUNDARIES = "porous_boundaries"
    CONFLUENCE = "confluence"
    FEAR_OF_INDEPENDENCE = "fear_of_independence"
    PERFECTIONISM = "perfectionism"
    VULNERABILITY_FEAR = "vulnerability_fear"
    CULTURAL_PRESSURE = "cultural_pressure"
    PAST_EXPERIENCE = "past_experience"


class Barrier(StrEnum):
    """The article's five barriers to moving through the growth journey (each is also a scale)."""

    FEAR_OF_INDEPENDENCE = "fear_of_independence"
    PERFECTIONISM = "perfectionism"
    VULNERABILITY_FEAR = "vulnerability_fear"
    CULTURAL_PRESSURE = "cultural_pressure"
    PAST_EXPERIENCE = "past_experience"

    @property
    def scale(self) -> Scale:
        return Scale(self.value)


BALANCE_SCALES: tuple[Scale, ...] = (
    Scale.DEPENDENCE,
    Scale.OVER_INDEPENDENCE,
    Scale.INTERDEPENDENCE,
)
BOUNDARY_SCALES: tuple[Scale, ...] = (Scale.RIGID_BOUNDARIES, Scale.POROUS_BOUNDARIES)
CORE_SCALES: tuple[Scale, ...] = (*BALANCE_SCALES, *BOUNDARY_SCALES, Scale.CONFLUENCE)
BARRIER_SCALES: tuple[Scale, ...] = tuple(barrier.scale for barrier in Barrier)


class Stage(StrEnum):
    """The growth journey: most people move from dependence through self-sufficiency to
    interdependence, and can get stuck at any point."""

    DEPENDENCE = "dependence"
    SELF_SUFFICIENCY = "self_sufficiency"
    INTERDEPENDENCE = "interdependence"


class Pattern(StrEnum):
    """Where a point falls on the Balance Map. Low on both axes is named honestly."""

    DEPENDENT = "dependent"
    OVER_INDEPENDENT = "over_independent"
    INTERDEPENDENT = "interdependent"
    WITHDRAWN = "withdrawn"


class BoundaryStyle(StrEnum):
    RIGID = "rigid"
    POROUS = "porous"
    BALANCED = "balanced"
    MIXED = "mixed"  # rigid with some people, porous with others (Maya)


class Risk(StrEnum):
    """The article's six risks: three of over-emphasising self-sufficiency, three of avoiding it."""

    ISOLATION = "isolation"
    DIFFICULTY_ASKING_FOR_HELP = "difficulty_asking_for_help"
    STRAINED_RELATIONSHIPS = "strained_relationships"
    OVER_DEPENDENCE_ON_OTHERS = "over_dependence_on_others"
    LACK_OF_AGENCY = "lack_of_agency"
    ENMESHMENT = "enmeshment"


RISKS_OF_OVER_EMPHASISING: tuple[Risk, ...] = (
    Risk.ISOLATION,
    Risk.DIFFICULTY_ASKING_FOR_HELP,
    Risk.STRAINED_RELATIONSHIPS,
)
RISKS_OF_AVOIDING: tuple[Risk, ...] = (
    Risk.OVER_DEPENDENCE_ON_OTHERS,
    Risk.LACK_OF_AGENCY,
    Risk.ENMESHMENT,
)


class Focus(StrEnum):
    """The article's two client struggles, plus the work of balancing the two."""

    GAINING_SELF_SUFFICIENCY = "gaining_self_sufficiency"
    LOOSENING_OVER_INDEPENDENCE = "loosening_over_independence"
    BALANCING = "balancing"


class SessionPhase(StrEnum):
    OPENING = "opening"
    EXPLORING = "exploring"
    EMOTIONAL_ROOTS = "emotional_roots"
    EXPERIMENTING = "experimenting"
    INTEGRATING = "integrating"


class Level(StrEnum):
    """Bands for a scale score (see docs/instrument.md for the cut points)."""

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


class Technique(StrEnum):
    """The article's practical techniques for boundary-setting."""

    START_SMALL = "start_small"
    I_STATEMENT = "i_statement"
    ROLE_PLAY = "role_play"
    REFLECT_AND_ADJUST = "reflect_and_adjust"


class Direction(StrEnum):
    TOWARD_AUTONOMY = "toward_autonomy"  # say no, decide alone, voice an opinion
    TOWARD_CONNECTION = "toward_connection"  # ask for help, accept help, share a need


class Stakes(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Theme(StrEnum):
    """Patterns the language analysis looks for in journal writing."""

    OVER_INDEPENDENCE = "over_independence"
    OVER_DEPENDENCE = "over_dependence"
    INTERDEPENDENCE = "interdependence"
    RIGID_BOUNDARIES = "rigid_boundaries"
    POROUS_BOUNDARIES = "porous_boundaries"
    CONFLUENCE = "confluence"
    PERFECTIONISM = "perfectionism"
    VULNERABILITY_FEAR = "vulnerability_fear"
    CULTURAL_PRESSURE = "cultural_pressure"
    PAST_EXPERIENCE = "past_experience"


class SafetyRisk(StrEnum):
    SELF_HARM = "self_harm"
    HARM_FROM_OTHERS = "harm_from_others"
    NONE = "none"


class RelationshipKind(StrEnum):
    FAMILY = "family"
    PARTNER = "partner"
    FRIEND = "friend"
    WORK = "work"
    COMMUNITY = "community"
    OTHER = "other"


# --- Practice between sessions: experiments and the relationship map -------------------------


class ExperimentStatus(StrEnum):
    """Where an experiment stands. Skipping or abandoning one is information about what the
    step asked of the person, never a failure."""

    PLANNED = "planned"
    DONE = "done"
    SKIPPED = "skipped"
    ABANDONED = "abandoned"


class Outcome(StrEnum):
    """Whether the outcome a person feared before an experiment actually happened."""

    YES = "yes"
    NO = "no"
    PARTLY = "partly"


class Energy(StrEnum):
    """How time with a person usually leaves you (screens may offer a finer scale that maps
    onto these three)."""

    ENERGISED = "energised"
    NEUTRAL = "neutral"
    DRAINED = "drained"


class PersonBoundary(StrEnum):
    """The boundary a person holds with one other person now (BoundaryStyle.MIXED describes a
    whole life, not one relationship, so it has no place here)."""

    RIGID = "rigid"
    BALANCED = "balanced"
    POROUS = "porous"


class RecommendationKind(StrEnum):
    """The relationship map's recommendations, following the article's rule of loosening where
    it is safe and firming up where it drains."""

    LOOSEN = "loosen"
    FIRM_UP = "firm_up"
    RECIPROCITY_GAP = "reciprocity_gap"
    CONNECTION_GAP = "connection_gap"
