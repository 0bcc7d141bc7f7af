"""Human, translatable words for the path's ids (statuses, exercises, why a prompt was chosen)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from interplay.core.path import Exercise, PathPrompt, PromptBasis
from interplay.web.labels import BARRIERS, FOCUSES, label
from interplay.web.path.progress import StepStatus

STATUS_NAMES = {
    StepStatus.DONE: _("Done"),
    StepStatus.SKIPPED: _("Skipped for now"),
    StepStatus.STARTED: _("Begun"),
    StepStatus.NOT_STARTED: _("Not begun"),
}
EXERCISE_NAMES = {
    Exercise.ASSESSMENT: _("Take the self-assessment"),
    Exercise.JOURNAL: _("Write in your journal"),
    Exercise.BELIEF: _("Record a belief and its alternative"),
    Exercise.VALUES: _("Name your values"),
    Exercise.EXPERIMENT: _("Plan a small experiment"),
    Exercise.STATEMENT: _("Draft your words in the statement coach"),
    Exercise.ROLE_PLAY: _("Rehearse the conversation"),
    Exercise.EXPERIMENT_REFLECTION: _("Reflect on your experiment"),
    Exercise.RELATIONSHIP_MAP: _("Fill in your relationship map"),
    Exercise.PULSE: _("Take a weekly check-in"),
}
DONE_WHEN = {
    Exercise.ASSESSMENT: _("Done when you have finished a self-assessment."),
    Exercise.JOURNAL: _("Done when you have written a journal entry on this step's prompt."),
    Exercise.BELIEF: _("Done when you have recorded a belief with an alternative in your words."),
    Exercise.VALUES: _("Done when you have named at least one value."),
    Exercise.EXPERIMENT: _(
        "Done when you have planned an experiment with a prediction: what you fear might happen "
        "or how anxious you expect to feel."
    ),
    Exercise.STATEMENT: _("Done when you have kept a draft in the statement coach."),
    Exercise.ROLE_PLAY: _("Done when you have played a rehearsal through to its debrief."),
    Exercise.EXPERIMENT_REFLECTION: _("Done when you have recorded how an experiment went."),
    Exercise.RELATIONSHIP_MAP: _("Done when you have put at least one person on your map."),
    Exercise.PULSE: _("Done when you have taken a weekly check-in."),
}


def prompt_reason(prompt: PathPrompt) -> str:
    """Why this prompt, in words: the barrier or the focus it was written for."""
    if prompt.basis is PromptBasis.BARRIER:
        return str(
            _("Chosen because your profile shows this barrier: %(barrier)s.")
            % {"barrier": label(BARRIERS, prompt.key)}
        )
    if prompt.basis is PromptBasis.FOCUS:
        return str(_("Chosen for your focus: %(focus)s.") % {"focus": label(FOCUSES, prompt.key)})
    return str(_("A prompt for anyone; take the self-assessment to have one chosen for you."))
