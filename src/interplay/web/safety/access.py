"""Scoped lookups for safety flags: a coach reaches only flags raised for them about a current
client; everyone else gets a 404."""

from __future__ import annotations

from django.http import Http404

from interplay.web.accounts.coaches import is_current_client, passed_two_factor
from interplay.web.accounts.models import User
from interplay.web.safety.models import SafetyFlag


def get_flag_for_coach(coach: User, flag_id: int) -> SafetyFlag:
    flag = SafetyFlag.objects.filter(pk=flag_id, coach=coach).first()
    if flag is None:
        raise Http404
    # 404 too once the client has left this coach, or before the coach passed two-factor.
    if not passed_two_factor(coach) or not is_current_client(coach, flag.client_id):
        raise Http404
    return flag
