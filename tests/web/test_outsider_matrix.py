"""The outsider matrix: every URL pattern the resolver holds, who it belongs to, and that
everyone else is refused (404, or the sign-in page for a visitor), sees none of the data and
leaves no audit row. A new URL pattern fails `test_every_url_pattern_is_in_the_matrix` until
it is placed here.

`test_isolation.py` keeps the finer checks (refused writes change nothing, the coach's
two-factor, a client leaving); this file is the exhaustive sweep."""

from __future__ import annotations

import pytest
from django.test import Client

from interplay.web.kernel.models import AuditEvent
from tests.web.base import is_refused, signed_in
from tests.web.pages import POST_ONLY, all_url_names, client_objects, urls_for
from tests.web.path import pages as path_pages
from tests.web.progress import pages as progress_pages

# Open to anyone (sign-in, sign-up, token pages): nothing to refuse.
PUBLIC = {
    "home",
    "account_login",
    "account_logout",
    "account_inactive",
    "account_signup",
    "account_email_verification_sent",
    "account_reset_password",
    "account_confirm_password_reset_code",
    "account_complete_password_reset",
    "account_password_reset_completed",
    "account_request_login_code",
    "account_confirm_login_code",
    "coaching:accept_invitation",
    "coaching:sign_up",
    "reminders:unsubscribe",  # the signed link is the credential (test_unsubscribe.py)
    "mfa_authenticate",  # a step of signing in: nothing to show without one under way
    "mfa_login_webauthn",
}
# The signed-in person's own account, whoever they are: only a visitor is refused.
OWN_ACCOUNT = {
    "accounts:settings",
    # One's own sessions: the list, and signing one out (its id is POSTed and looked up
    # among the person's own, so nobody reaches another's).
    "usersessions_list",
    "accounts:end_session",
    "account_reauthenticate",
    "account_request_reauthentication_code",
    "account_confirm_reauthentication_code",
    "account_email",
    "account_change_password",
    "account_set_password",
    # Two-factor: each person's own authenticators (a client may add them too).
    "mfa_index",
    "mfa_reauthenticate",
    "mfa_activate_totp",
    "mfa_deactivate_totp",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
    "mfa_list_webauthn",
    "mfa_add_webauthn",
    "mfa_reauthenticate_webauthn",
    "erasure:delete_account",
    "erasure:export_zip",
    "api_tokens:tokens",
}
# A coach's own pages and their own scenarios: clients, visitors and (by id) the other coach.
COACH_OWN = {
    "coaching:coach_home",
    "coaching:dashboard",
    "mfa_remove_webauthn",
    "mfa_edit_webauthn",
    "practice:coach_scenarios",
    "practice:coach_new_scenario",
    "practice:coach_scenario",
    "practice:coach_offer",
    "practice:coach_delete",
}
COACH_OWN_BY_ID = {
    "practice:coach_scenario",
    "practice:coach_offer",
    "practice:coach_delete",
    "mfa_remove_webauthn",
    "mfa_edit_webauthn",
}
# A coach's pages about their client: the other coach, both clients and visitors.
COACH_ABOUT_CLIENT = {
    "coaching:client",
    "coaching:client_profile",
    "coaching:client_history",
    "coaching:client_journal",
    "coaching:client_sessions",
    "coaching:client_overview",
    "coaching:add_note",
    "coaching:note",
    "coaching:done",
    "coaching:schedule",
    "coaching:new_plan",
    "coaching:plan",
    "coaching:practice",
    "exports:client_export",
    "safety:acknowledge",
    *path_pages.COACH_ABOUT_CLIENT,
    *progress_pages.COACH_ABOUT_CLIENT,
}
# A client's own pages without an id: coaches and visitors.
CLIENT_OWN = {
    "assessments:start",
    "assessments:profile_latest",
    "assessments:pulse",
    "journal:list",
    "journal:new",
    "journal:autosave",
    "practice:home",
    "practice:new",
    "practice:history",
    "practice:analyse",
    "practice:statements",
    "practice:scenarios",
    "practice:start_roleplay",
    "relationships:map",
    "relationships:share",
    "relationships:take_snapshot",
    "safety:support",
    "safety:plan",
    "safety:consent",
    "values:list",
    "values:beliefs",
    "values:new_belief",
    "exports:my_data",
    *path_pages.CLIENT_OWN,
    "reminders:settings",
    *progress_pages.CLIENT_OWN,
}
# A client's own things by id: the other client, both coaches (their own coach included) and
# visitors.
CLIENT_BY_ID = {
    "assessments:page",
    "assessments:answer",
    "assessments:finish",
    "assessments:profile",
    "assessments:sharing",
    "journal:detail",
    "journal:edit",
    "journal:share",
    "journal:delete",
    "practice:experiment",
    "practice:edit",
    "practice:reflect",
    "practice:set_aside",
    "practice:reopen",
    "practice:share",
    "practice:delete",
    "practice:accept",
    "practice:decline",
    "practice:delete_draft",
    "practice:roleplay",
    "practice:debrief",
    "practice:stop_roleplay",
    "relationships:person",
    "relationships:delete_person",
    "relationships:snapshot",
    "values:share",
    "values:delete",
    "values:belief",
    "values:edit_belief",
    "values:share_belief",
    "values:delete_belief",
    *progress_pages.CLIENT_BY_ID,
}
GROUPS = {
    "public": PUBLIC,
    "own account": OWN_ACCOUNT,
    "coach own": COACH_OWN,
    "coach about client": COACH_ABOUT_CLIENT,
    "client own": CLIENT_OWN,
    "client by id": CLIENT_BY_ID,
}


def outsiders(name: str) -> list[str]:
    if name in PUBLIC:
        return []
    if name in OWN_ACCOUNT:
        return ["anonymous"]
    if name in COACH_OWN:
        extra = ["other_coach"] if name in COACH_OWN_BY_ID else []
        return ["client", "other_client", "anonymous", *extra]
    if name in COACH_ABOUT_CLIENT:
        return ["other_coach", "client", "other_client", "anonymous"]
    if name in CLIENT_OWN:
        return ["coach", "other_coach", "anonymous"]
    return ["other_client", "other_coach", "coach", "anonymous"]  # CLIENT_BY_ID


def test_every_url_pattern_is_in_the_matrix(db):
    placed = [name for group in GROUPS.values() for name in group]
    assert len(placed) == len(set(placed)), "a URL is in two groups"
    assert set(placed) == all_url_names()


MATRIX = sorted(name for group in GROUPS.values() for name in group if outsiders(name))


@pytest.mark.parametrize("name", MATRIX)
def test_outsiders_are_refused_see_nothing_and_leave_no_audit_row(practice, name):
    objects = client_objects(practice)
    urls = urls_for(practice, objects)
    private = (b"private thought", b"Private value words", b"A note for the guards.")
    for who in outsiders(name):
        # Outsiders have just given their password again: what refuses them is ownership, not
        # allauth's "confirm it is you" step.
        person = getattr(practice, who, None)
        browser = Client() if person is None else signed_in(person, reauthenticated=True)
        for method in (browser.get, browser.post):
            before = AuditEvent.objects.count()
            response = method(urls[name])
            post_only_get = name in POST_ONLY and method == browser.get
            refused = is_refused(response) or (post_only_get and response.status_code == 405)
            assert refused, (name, who, method.__name__, response.status_code)
            assert not any(marker in response.content for marker in private), (name, who)
            assert AuditEvent.objects.count() == before, (name, who, "wrote an audit row")
