"""Every change to a person's walk along the path. Each takes `*, actor` and checks that the
actor is the person, or (for assigning the path and suggesting a step) their current coach."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from interplay.core.path import guided_path
from interplay.web.accounts.coaches import is_current_client
from interplay.web.accounts.models import User
from interplay.web.kernel.errors import ActionError, require_owner
from interplay.web.path.models import PathProgress, StepProgress


def _known_step(step_id: str) -> str:
    if not guided_path().has_step(step_id):
        raise ActionError(_("There is no such step on the path."))
    return step_id


def _progress(owner: User) -> PathProgress:
    progress, _created = PathProgress.objects.get_or_create(owner=owner)
    return progress


def do_begin_path(owner: User, *, actor: User) -> PathProgress:
    """Put the person on the path (once; beginning again is `do_walk_again`)."""
    require_owner(owner.pk, actor)
    return _progress(owner)


def _mark(owner: User, step_id: str) -> StepProgress:
    _progress(owner)
    mark, _created = StepProgress.objects.select_for_update().get_or_create(
        owner=owner, step_id=_known_step(step_id)
    )
    return mark


def do_start_step(owner: User, step_id: str, *, actor: User) -> StepProgress:
    """The person went to a step's exercise: remember when they first did."""
    require_owner(owner.pk, actor)
    with transaction.atomic():
        mark = _mark(owner, step_id)
        if mark.started_at is None:
            mark.started_at = timezone.now()
            mark.save(update_fields=["started_at"])
    return mark


def do_skip_step(owner: User, step_id: str, *, actor: User) -> StepProgress:
    """Leave a step for now; the next step is offered instead. It can be taken up again."""
    require_owner(owner.pk, actor)
    with transaction.atomic():
        mark = _mark(owner, step_id)
        mark.skipped_at = timezone.now()
        mark.save(update_fields=["skipped_at"])
    return mark


def do_revisit_step(owner: User, step_id: str, *, actor: User) -> StepProgress:
    """Come back to a step (done or skipped): it is no longer skipped, and the date says when."""
    require_owner(owner.pk, actor)
    with transaction.atomic():
        mark = _mark(owner, step_id)
        mark.revisited_at = timezone.now()
        mark.skipped_at = None
        mark.save(update_fields=["revisited_at", "skipped_at"])
    return mark


def do_walk_again(owner: User, *, actor: User) -> PathProgress:
    """Begin a new walk: the choices of the last one are cleared and only what is done from
    now on counts."""
    require_owner(owner.pk, actor)
    with transaction.atomic():
        progress = _progress(owner)
        progress.walk += 1
        progress.walk_started_at = timezone.now()
        progress.suggested_step = ""
        progress.suggested_by = None
        progress.suggested_at = None
        progress.save()
        StepProgress.objects.filter(owner=owner).delete()
    return progress


def do_set_path_sharing(owner: User, shared: bool, *, actor: User) -> PathProgress:
    """Let the person's coach see which steps are done (never what was written), or stop."""
    require_owner(owner.pk, actor)
    progress = _progress(owner)
    progress.shared_with_coach = shared
    progress.save(update_fields=["shared_with_coach"])
    return progress


def _require_coach_of(client: User, actor: User) -> None:
    if not getattr(actor, "is_coach", False) or not is_current_client(actor, client.pk):
        raise ActionError(_("Only this person's coach can do that."))


def do_assign_path(client: User, *, actor: User) -> PathProgress:
    """A coach gives the path to their client. It stays private until the client shares it."""
    _require_coach_of(client, actor)
    with transaction.atomic():
        progress = _progress(client)
        if progress.assigned_by_id is None:
            progress.assigned_by = actor
            progress.save(update_fields=["assigned_by"])
    return progress


def do_suggest_step(client: User, step_id: str, *, actor: User) -> PathProgress:
    """A coach suggests the step their client could take next (the client sees it on the path
    and on Home). Only on a path the client shares: the coach has seen where they are."""
    _require_coach_of(client, actor)
    _known_step(step_id)
    progress = PathProgress.objects.filter(owner=client).first()
    if progress is None or not progress.shared_with_coach:
        raise ActionError(_("This person has not shared their path with you."))
    progress.suggested_step = step_id
    progress.suggested_by = actor
    progress.suggested_at = timezone.now()
    progress.save(update_fields=["suggested_step", "suggested_by", "suggested_at"])
    return progress
