"""Every named URL with the arguments to open it, for guard tests that walk the whole site.

`all_url_names()` lists what the URLconf holds; a test fails when a URL is missing here, so a
new page cannot slip past the guards."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from interplay.web.assessments.actions import do_save_answers, do_start_assessment
from interplay.web.coaching.actions import do_invite_client
from interplay.web.journal.actions import do_save_entry
from tests.web.base import Practice
from tests.web.coaching import pages as coaching_pages
from tests.web.exports import pages as exports_pages
from tests.web.path import pages as path_pages
from tests.web.practice import pages as practice_pages
from tests.web.progress import pages as progress_pages
from tests.web.reminders import pages as reminders_pages
from tests.web.safety import pages as safety_pages

# Pages that only take POST: opened with GET they answer 405, so the h1 guard skips them.
POST_ONLY = {
    "assessments:answer",
    "assessments:finish",
    "assessments:sharing",
    "journal:autosave",
    "journal:share",
    "journal:delete",
    "erasure:export_zip",
    "accounts:end_session",
    *coaching_pages.POST_ONLY,
    *exports_pages.POST_ONLY,
    *path_pages.POST_ONLY,
    *practice_pages.POST_ONLY,
    *progress_pages.POST_ONLY,
    *safety_pages.POST_ONLY,
}
# allauth's pages, all opened without arguments (its code pages need a pending step first).
ALLAUTH_PAGES = {
    "account_login",
    "account_logout",
    "account_inactive",
    "account_signup",
    "account_reauthenticate",
    "account_request_reauthentication_code",
    "account_confirm_reauthentication_code",
    "account_email",
    "account_email_verification_sent",
    "account_change_password",
    "account_set_password",
    "account_reset_password",
    "account_confirm_password_reset_code",
    "account_complete_password_reset",
    "account_password_reset_completed",
    "account_request_login_code",
    "account_confirm_login_code",
    "usersessions_list",
}
# allauth.mfa's pages for the signed-in person's own factors (the guards open them as the coach).
MFA_PAGES = {
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
}
# allauth notes, once, that the recovery codes have been shown (its "show once" option reads
# it): the one write a GET may make besides the coach-read audit.
WRITES_ONCE_ON_GET = {"mfa_view_recovery_codes", "mfa_download_recovery_codes"}
# Pages that start a ceremony keep its state in the session (a WebAuthn challenge, a new TOTP
# secret) until the form is sent back: a session write, never a row of anyone's data.
SESSION_STATE_ON_GET = {"mfa_add_webauthn", "mfa_reauthenticate_webauthn", "mfa_activate_totp"}
# Not HTML pages: files to save (the recovery codes, the PDF reports).
DOWNLOADS = {"mfa_download_recovery_codes", *progress_pages.DOWNLOADS}
# A passkey by id. The guards that open pages as their owner skip these two: a passkey needs a
# real registration from a browser's authenticator; the outsider matrix opens them (see
# `passkey_of_someone_else`).
MFA_KEY_PAGES = {"mfa_remove_webauthn", "mfa_edit_webauthn"}
ANONYMOUS_ONLY = {
    "coaching:accept_invitation",
    "mfa_authenticate",
    "mfa_login_webauthn",
    *coaching_pages.ANONYMOUS_ONLY,
}
COACH_PAGES = {
    "coaching:coach_home",
    *MFA_PAGES,
    "coaching:client_overview",
    *coaching_pages.COACH_PAGES,
    *exports_pages.COACH_PAGES,
    *path_pages.COACH_PAGES,
    *practice_pages.COACH_PAGES,
    *progress_pages.COACH_PAGES,
    *safety_pages.COACH_PAGES,
}


# The JSON API's routes have their own guards, from the API's own route list
# (tests/web/api/test_api_outsider.py, test_api_reads.py): they answer tokens, not pages.
API_NAMESPACE = "api"
# Answers for machines, not pages (JSON, public, nothing private): tests/web/test_health.py.
MACHINE_URLS = {"health"}


def all_url_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns, namespace=""):  # type: ignore[no-untyped-def]
        for pattern in patterns:
            if isinstance(pattern, URLResolver) and pattern.namespace == API_NAMESPACE:
                continue
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                if f"{namespace}{pattern.name}" not in MACHINE_URLS:
                    names.add(f"{namespace}{pattern.name}")

    walk(get_resolver().url_patterns)
    return names


@dataclass
class Objects:
    entry_pk: int
    open_assessment_pk: int
    done_assessment_pk: int


def client_objects(practice: Practice, owner=None) -> Objects:  # type: ignore[no-untyped-def]
    from interplay.web.assessments.actions import do_finish_assessment
    from interplay.web.demo import maya_answers

    owner = owner or practice.client
    entry = do_save_entry("Private title", "A private thought about my sister.", actor=owner)
    done = do_start_assessment(actor=owner)
    do_save_answers(done, maya_answers(), actor=done.user)
    do_finish_assessment(done, actor=done.user)
    open_one = do_start_assessment(actor=owner)
    return Objects(entry.pk, open_one.pk, done.pk)


def passkey_of_someone_else() -> int:
    """The id of a passkey row belonging to a coach outside the shared cast, so everyone the
    matrix tries is an outsider to it (allauth finds a passkey by id *and* owner)."""
    from allauth.mfa.models import Authenticator

    from tests.web.base import make_user

    holder = make_user("keyholder@coach.test", "Key Holder", "coach")
    key = Authenticator.objects.create(
        user=holder, type=Authenticator.Type.WEBAUTHN, data={"name": "Phone", "credential": {}}
    )
    return int(key.pk)


def urls_for(practice: Practice, objects: Objects) -> dict[str, str]:
    client = practice.client
    invitation_path = do_invite_client("new@client.test", send=False, actor=practice.coach)
    passkey = passkey_of_someone_else()
    return {
        "home": reverse("home"),
        **{name: reverse(name) for name in ALLAUTH_PAGES},
        **{name: reverse(name) for name in MFA_PAGES},
        "mfa_authenticate": reverse("mfa_authenticate"),
        "mfa_login_webauthn": reverse("mfa_login_webauthn"),
        **{name: reverse(name, args=[passkey]) for name in MFA_KEY_PAGES},
        "accounts:settings": reverse("accounts:settings"),
        "accounts:end_session": reverse("accounts:end_session"),
        "coaching:coach_home": reverse("coaching:coach_home"),
        "coaching:client_overview": reverse("coaching:client_overview", args=[client.pk]),
        "coaching:accept_invitation": invitation_path,
        "assessments:start": reverse("assessments:start"),
        "assessments:page": reverse("assessments:page", args=[objects.open_assessment_pk, 1]),
        "assessments:answer": reverse("assessments:answer", args=[objects.open_assessment_pk]),
        "assessments:finish": reverse("assessments:finish", args=[objects.open_assessment_pk]),
        "assessments:profile_latest": reverse("assessments:profile_latest"),
        "assessments:profile": reverse("assessments:profile", args=[objects.done_assessment_pk]),
        "assessments:sharing": reverse("assessments:sharing", args=[objects.done_assessment_pk]),
        "assessments:pulse": reverse("assessments:pulse"),
        "journal:list": reverse("journal:list"),
        "journal:new": reverse("journal:new"),
        "journal:autosave": reverse("journal:autosave"),
        "journal:detail": reverse("journal:detail", args=[objects.entry_pk]),
        "journal:edit": reverse("journal:edit", args=[objects.entry_pk]),
        "journal:share": reverse("journal:share", args=[objects.entry_pk]),
        "journal:delete": reverse("journal:delete", args=[objects.entry_pk]),
        "erasure:delete_account": reverse("erasure:delete_account"),
        "erasure:export_zip": reverse("erasure:export_zip"),
        "api_tokens:tokens": reverse("api_tokens:tokens"),
        **coaching_pages.coaching_urls(practice),
        **exports_pages.exports_urls(practice),
        **path_pages.path_urls(practice),
        **practice_pages.practice_urls(practice),
        **reminders_pages.reminders_urls(practice),
        **progress_pages.progress_urls(practice),
        **safety_pages.safety_urls(practice),
    }
