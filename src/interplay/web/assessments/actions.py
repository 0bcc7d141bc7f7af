"""Writes for the self-assessment and the pulse check-in.

Answers are saved one at a time as they are given (a reload or a closed tab resumes where the
person stopped). Finishing hands the raw answers to the core, which builds the profile; the
profile is stored as JSON beside the answers and never recomputed by a page.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from interplay.core.instrument import (
    ANSWER_MAX,
    ANSWER_MIN,
    instrument_version,
    items_by_id,
    pulse_items,
)
from interplay.core.profile import build_profile, score_pulse
from interplay.core.scoring import AnswerError
from interplay.web.accounts.models import User
from interplay.web.assessments.models import Assessment, PulseCheck
from interplay.web.kernel.errors import ActionError, require_owner


def parse_answer(item_id: str, raw: object) -> int:
    """A form value as an answer, or ActionError naming the item and the problem."""
    if item_id not in items_by_id():
        raise ActionError(_("There is no question %(id)s.") % {"id": item_id})
    try:
        value = int(str(raw))
    except ValueError:
        raise ActionError(
            _("The answer to question %(id)s must be a number from 1 to 5.") % {"id": item_id}
        ) from None
    if not ANSWER_MIN <= value <= ANSWER_MAX:
        raise ActionError(_("The answer to question %(id)s must be from 1 to 5.") % {"id": item_id})
    return value


def do_start_assessment(*, actor: User) -> Assessment:
    """The person's unfinished assessment, or a new one."""
    existing = Assessment.objects.filter(user=actor, completed_at__isnull=True).first()
    if existing is not None:
        return existing
    return Assessment.objects.create(user=actor, instrument_version=instrument_version())


def do_save_answers(
    assessment: Assessment, answers: Mapping[str, object], *, actor: User
) -> Assessment:
    """Merge validated answers into an unfinished assessment (one or a whole page)."""
    require_owner(assessment.user_id, actor)
    if assessment.is_complete:
        raise ActionError(_("This assessment is already finished; start a new one instead."))
    parsed = {item_id: parse_answer(item_id, raw) for item_id, raw in answers.items()}
    with transaction.atomic():
        fresh = Assessment.objects.select_for_update().get(pk=assessment.pk)
        fresh.answers = {**fresh.answers, **parsed}
        fresh.save(update_fields=["answers"])
    assessment.answers = fresh.answers
    return assessment


def do_finish_assessment(assessment: Assessment, *, actor: User) -> Assessment:
    """Build and store the profile from the saved answers."""
    require_owner(assessment.user_id, actor)
    if assessment.is_complete:
        return assessment
    try:
        profile = build_profile(assessment.answers)
    except AnswerError as error:
        raise ActionError(str(error)) from None
    stored = profile.to_stored()  # layout 3: compact, cheaper to encode (core/profile_stored.py)
    assessment.profile = stored
    assessment.copy_headline()
    assessment.completed_at = timezone.now()
    assessment.save(update_fields=["profile", "completed_at", *Assessment.HEADLINE])
    assessment.profile = profile.to_dict()  # what loading the row gives (Assessment.from_db)
    return assessment


def do_set_assessment_sharing(assessment: Assessment, shared: bool, *, actor: User) -> Assessment:
    require_owner(assessment.user_id, actor)
    assessment.shared_with_coach = shared
    assessment.save(update_fields=["shared_with_coach"])
    return assessment


def do_record_pulse(answers: Mapping[str, object], *, actor: User) -> PulseCheck:
    """Store a pulse check-in with the core's reading of it; every pulse item is needed."""
    wanted = [item.id for item in pulse_items()]
    missing = [item_id for item_id in wanted if item_id not in answers]
    if missing:
        raise ActionError(
            _("Please answer every question (%(count)d left).") % {"count": len(missing)}
        )
    parsed = {item_id: parse_answer(item_id, answers[item_id]) for item_id in wanted}
    try:
        result = score_pulse(parsed)
    except AnswerError as error:
        raise ActionError(str(error)) from None
    return PulseCheck.objects.create(user=actor, answers=parsed, result=result.to_dict())
