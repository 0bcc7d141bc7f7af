"""Writes for experiments and statement drafts. Views, the CLI and any API call these.

Plans and reflections are validated by the core (`parse_plan`, `parse_reflection`), so the
screens and the command line accept exactly the same things; a bad value comes back as an
`ActionError` naming the field in words.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from interplay.core.practice import PracticeError, parse_plan, parse_reflection
from interplay.core.vocabulary import ExperimentStatus
from interplay.web.accounts.models import User
from interplay.web.kernel.errors import ActionError, require_owner
from interplay.web.practice.models import Experiment, StatementDraft
from interplay.web.relationships.models import MapPerson
from interplay.web.values.models import Belief, PersonalValue

MAX_TEXT = 5_000

FIELD_LABELS = {
    "title": gettext_lazy("Title"),
    "technique": gettext_lazy("Technique"),
    "direction": gettext_lazy("Direction"),
    "stakes": gettext_lazy("Stakes"),
    "what": gettext_lazy("What you will do"),
    "who_with": gettext_lazy("Who with"),
    "when": gettext_lazy("When"),
    "planned_for": gettext_lazy("The day you plan to try it"),
    "feared_outcome": gettext_lazy("What you fear will happen"),
    "anxiety_predicted": gettext_lazy("How anxious you expect to be"),
    "statement_draft": gettext_lazy("The words you might use"),
    "what_happened": gettext_lazy("What happened"),
    "anxiety_during": gettext_lazy("How anxious you were"),
    "feared_outcome_happened": gettext_lazy("Did the feared outcome happen?"),
    "how_it_felt": gettext_lazy("How it felt"),
    "what_worked": gettext_lazy("What worked"),
    "what_to_change": gettext_lazy("What you would change"),
}
PLAN_TEXT = ("title", "what", "who_with", "when", "feared_outcome", "statement_draft")
REFLECTION_TEXT = ("what_happened", "how_it_felt", "what_worked", "what_to_change")


def _problem(error: PracticeError) -> ActionError:
    label = FIELD_LABELS.get(error.field, error.field)
    if "0 to 10" in error.problem:
        message = _("“%(field)s” needs a whole number from 0 to 10.") % {"field": label}
    elif "empty" in error.problem or "missing" in error.problem:
        message = _("Please fill in “%(field)s”.") % {"field": label}
    else:
        message = _("Please choose one of the options for “%(field)s”.") % {"field": label}
    failure = ActionError(message)
    failure.field = error.field  # type: ignore[attr-defined]
    return failure


def _score(raw: Any) -> int | None | str:
    """A 0-10 answer from a form: '' is no answer; a non-number is passed on for the core
    to reject with its message."""
    text = str(raw if raw is not None else "").strip()
    if not text:
        return None
    return int(text) if text.isdigit() else text


def _owned(model: Any, owner: User, raw: Any) -> Any:
    """An optional link to one of the owner's own items; someone else's id is refused."""
    text = str(raw or "").strip()
    if not text:
        return None
    item = model.objects.filter(pk=int(text) if text.isdigit() else -1, owner=owner).first()
    if item is None:
        raise ActionError(_("One of the linked items no longer exists; please choose again."))
    return item


def _check_lengths(data: Mapping[str, Any], names: tuple[str, ...]) -> None:
    for name in names:
        if len(str(data.get(name, "") or "")) > MAX_TEXT:
            raise ActionError(
                _("“%(field)s” is too long; please keep it under %(limit)s characters.")
                % {"field": FIELD_LABELS[name], "limit": MAX_TEXT}
            )


def _planned_day(raw: Any) -> date | None:
    """An optional day from a date input (YYYY-MM-DD); anything else is refused with a message
    that says what to write, so the rest of the plan is kept on the form."""
    text = str(raw or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        failure = ActionError(
            _("“%(field)s” needs a date, such as 2026-03-14.")
            % {"field": FIELD_LABELS["planned_for"]}
        )
        failure.field = "planned_for"  # type: ignore[attr-defined]
        raise failure from None


def _apply_plan(owner: User, experiment: Experiment, data: Mapping[str, Any]) -> None:
    _check_lengths(data, PLAN_TEXT)
    planned_for = _planned_day(data.get("planned_for"))
    fields = {name: data.get(name, "") for name in (*PLAN_TEXT, "technique", "direction", "stakes")}
    fields["anxiety_predicted"] = _score(data.get("anxiety_predicted"))
    try:
        plan = parse_plan(fields)
    except PracticeError as error:
        raise _problem(error) from None
    person = _owned(MapPerson, owner, data.get("person"))
    experiment.value = _owned(PersonalValue, owner, data.get("value"))
    experiment.belief = _owned(Belief, owner, data.get("belief"))
    experiment.person = person
    experiment.title, experiment.what = plan.title, plan.what
    experiment.technique = plan.technique.value
    experiment.direction = plan.direction.value
    experiment.stakes = plan.stakes.value
    # A person chosen from the map names who it is with, unless the plan says otherwise.
    experiment.who_with = plan.who_with or (person.name if person else "")
    experiment.when, experiment.feared_outcome = plan.when, plan.feared_outcome
    experiment.planned_for = planned_for
    experiment.anxiety_predicted = plan.anxiety_predicted
    experiment.statement_draft = plan.statement_draft
    library_id = str(data.get("library_id", "") or "").strip()[:40]
    if library_id:
        experiment.library_id = library_id


def do_save_experiment(
    data: Mapping[str, Any], experiment: Experiment | None = None, *, actor: User
) -> Experiment:
    """Create or update the plan of one of the owner's experiments. New ones are private."""
    if experiment is not None and experiment.owner_id != actor.pk:
        raise ActionError(_("You can only change your own experiments."))
    target = experiment or Experiment(owner=actor)
    _apply_plan(actor, target, data)
    target.save()
    return target


def do_suggest_experiment(client: User, data: Mapping[str, Any], *, actor: User) -> Experiment:
    """A coach's suggestion: it waits for the client, private to them and counted nowhere
    until accepted. Call only with a client from `access_client_for_coach`."""
    suggestion = Experiment(owner=client, suggested_by=actor, accepted=False)
    allowed = {k: v for k, v in data.items() if k not in ("person", "value", "belief")}
    _apply_plan(client, suggestion, allowed)
    suggestion.save()
    return suggestion


def do_accept_suggestion(experiment: Experiment, *, actor: User) -> Experiment:
    require_owner(experiment.owner_id, actor)
    experiment.accepted = True
    experiment.created_at = timezone.now()  # it enters the history when taken up
    experiment.save(update_fields=["accepted", "created_at"])
    return experiment


def do_decline_suggestion(experiment: Experiment, *, actor: User) -> None:
    require_owner(experiment.owner_id, actor)
    if experiment.accepted:
        raise ActionError(_("This experiment is already yours; delete it instead."))
    experiment.delete()


def do_reflect(experiment: Experiment, data: Mapping[str, Any], *, actor: User) -> Experiment:
    """Record how it went: the experiment is done, with its reflection."""
    require_owner(experiment.owner_id, actor)
    if not experiment.accepted:
        raise ActionError(_("Accept this suggestion before reflecting on it."))
    _check_lengths(data, REFLECTION_TEXT)
    fields = {name: data.get(name, "") for name in (*REFLECTION_TEXT, "feared_outcome_happened")}
    during = _score(data.get("anxiety_during"))
    if during is not None:
        fields["anxiety_during"] = during
    try:
        reflection = parse_reflection(fields)
    except PracticeError as error:
        raise _problem(error) from None
    experiment.status = ExperimentStatus.DONE.value
    experiment.what_happened = reflection.what_happened
    experiment.anxiety_during = reflection.anxiety_during
    experiment.feared_outcome_happened = reflection.feared_outcome_happened.value
    experiment.how_it_felt = reflection.how_it_felt
    experiment.what_worked = reflection.what_worked
    experiment.what_to_change = reflection.what_to_change
    experiment.finished_at = experiment.finished_at or timezone.now()
    experiment.save()
    return experiment


def do_set_aside(experiment: Experiment, status: str, note: str = "", *, actor: User) -> Experiment:
    """Skip or abandon: information about the size of the step, never a failure."""
    require_owner(experiment.owner_id, actor)
    if status not in (ExperimentStatus.SKIPPED, ExperimentStatus.ABANDONED):
        raise ActionError(_("Choose whether you skipped it or stopped part-way."))
    if experiment.status == ExperimentStatus.DONE:
        raise ActionError(_("This experiment is already done and reflected on."))
    if len(note) > MAX_TEXT:
        raise ActionError(_("The note is too long; please shorten it."))
    experiment.status = status
    experiment.note = note.strip()
    experiment.finished_at = timezone.now()
    experiment.save(update_fields=["status", "note", "finished_at"])
    return experiment


def do_reopen(experiment: Experiment, *, actor: User) -> Experiment:
    """Put a set-aside experiment back in the plan (the step may look smaller now)."""
    require_owner(experiment.owner_id, actor)
    if experiment.status not in (ExperimentStatus.SKIPPED, ExperimentStatus.ABANDONED):
        raise ActionError(_("Only an experiment set aside can be picked up again."))
    experiment.status = ExperimentStatus.PLANNED.value
    experiment.finished_at = None
    experiment.save(update_fields=["status", "finished_at"])
    return experiment


def do_set_experiment_sharing(experiment: Experiment, shared: bool, *, actor: User) -> Experiment:
    require_owner(experiment.owner_id, actor)
    experiment.shared_with_coach = shared
    experiment.save(update_fields=["shared_with_coach"])
    return experiment


def do_delete_experiment(experiment: Experiment, *, actor: User) -> None:
    require_owner(experiment.owner_id, actor)
    experiment.delete()


def do_save_statement_draft(text: str, *, actor: User) -> StatementDraft:
    if not text.strip():
        raise ActionError(_("There is nothing to save yet: write what you want to say first."))
    if len(text) > MAX_TEXT:
        raise ActionError(_("This draft is too long to save; please shorten it."))
    with transaction.atomic():
        return StatementDraft.objects.create(owner=actor, text=text.strip())


def do_delete_statement_draft(draft: StatementDraft, *, actor: User) -> None:
    require_owner(draft.owner_id, actor)
    draft.delete()
