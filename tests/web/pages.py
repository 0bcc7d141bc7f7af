"""Every named URL with the arguments to open it, for guard tests that walk the whole site.

`all_url_names()` lists what the URLconf holds; a test fails when a URL is missing here, so a
new page cannot slip past the guards."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.tokens import default_token_generator
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from interplay.web.accounts.actions import do_create_sign_in_link
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
    "accounts:sign_out",
    "assessments:answer",
    "assessments:finish",
    "assessments:sharing",
    "journal:autosave",
    "journal:share",
    "journal:delete",
    "erasure:export_zip",
    *coaching_pages.POST_ONLY,
    *exports_pages.POST_ONLY,
    *path_pages.POST_ONLY,
    *practice_pages.POST_ONLY,
    *progress_pages.POST_ONLY,
    *safety_pages.POST_ONLY,
}
# Files (PDF reports): answered 200 with a download, no page and so no <h1>.
DOWNLOADS = {*progress_pages.DOWNLOADS}
ANONYMOUS_ONLY = {
    "accounts:link_sign_in",
    "accounts:password_reset_confirm",
    "coaching:accept_invitation",
    *coaching_pages.ANONYMOUS_ONLY,
}
COACH_PAGES = {
    "coaching:coach_home",
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


def urls_for(practice: Practice, objects: Objects) -> dict[str, str]:
    client = practice.client
    token_path = do_create_sign_in_link(client)
    invitation_path = do_invite_client("new@client.test", send=False, actor=practice.coach)
    uid = urlsafe_base64_encode(force_bytes(client.pk))
    return {
        "home": reverse("home"),
        "accounts:sign_in": reverse("accounts:sign_in"),
        "accounts:request_link": reverse("accounts:request_link"),
        "accounts:link_sign_in": token_path,
        "accounts:sign_out": reverse("accounts:sign_out"),
        "accounts:sign_up": reverse("accounts:sign_up"),
        "accounts:two_factor": reverse("accounts:two_factor"),
        "accounts:two_factor_setup": reverse("accounts:two_factor_setup"),
        "accounts:password_reset": reverse("accounts:password_reset"),
        "accounts:password_reset_confirm": reverse(
            "accounts:password_reset_confirm",
            args=[uid, default_token_generator.make_token(client)],
        ),
        "accounts:settings": reverse("accounts:settings"),
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
