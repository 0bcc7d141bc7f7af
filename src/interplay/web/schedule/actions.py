"""The one write of the schedule: a coach sets how often their client re-assesses."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from interplay.core.schedule import REASSESS_WEEKS
from interplay.web.accounts.coaches import is_current_client
from interplay.web.accounts.models import User
from interplay.web.kernel.errors import ActionError
from interplay.web.schedule.models import ClientSchedule


def do_set_reassess_weeks(client: User, weeks: int | str, *, actor: User) -> ClientSchedule:
    """Re-assessment every `weeks` weeks for `client`. Only the client's current coach may set
    it (checked here, so the CLI and the API are as safe as the view's lookup)."""
    if not actor.is_coach or not is_current_client(actor, int(client.pk)):
        raise ActionError(_("Only the client's coach can change their schedule."))
    text = str(weeks).strip()
    chosen = int(text) if text.isdigit() else -1
    if chosen not in REASSESS_WEEKS:
        raise ActionError(
            _("Please choose one of the intervals offered: every %(choices)s weeks.")
            % {"choices": ", ".join(str(n) for n in REASSESS_WEEKS)}
        )
    with transaction.atomic():
        schedule, _created = ClientSchedule.objects.select_for_update().get_or_create(
            client=client, defaults={"reassess_weeks": chosen}
        )
        schedule.reassess_weeks = chosen
        schedule.updated_at = timezone.now()
        schedule.save(update_fields=["reassess_weeks", "updated_at"])
    return schedule
