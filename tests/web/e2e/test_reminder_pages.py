"""The reminder pages in Chromium with axe-core: the settings page (used by keyboard-free
clicks and a save), at 320 px as on a desktop, and the unsubscribe confirm and done pages a
mail program opens without a session; plus Home with a re-assessment and a follow-up due."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone

from interplay.web.accounts.models import Role, User
from interplay.web.practice.actions import do_save_experiment
from interplay.web.reminders.access import settings_for
from interplay.web.reminders.unsubscribe import unsubscribe_token
from tests.core.personas import MAYA
from tests.web.coaching.helpers import assess
from tests.web.e2e.checks import Auditor, has_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _client_cookie(client: User) -> dict[str, str]:
    session = SessionStore()
    session[SESSION_KEY] = str(client.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = client.get_session_auth_hash()
    session.create()
    return {"name": settings.SESSION_COOKIE_NAME, "value": session.session_key or ""}


def _client_with_things_due() -> User:
    client = User.objects.create_user(
        "rem@example.test", "a long client password 1", name="Rem", role=Role.CLIENT
    )
    assess(client, MAYA, when=timezone.now() - timedelta(weeks=7))
    do_save_experiment(
        {"title": "Ask for a lift", "technique": "start_small",
         "direction": "toward_connection", "stakes": "low", "what": "Ask Sam.",
         "planned_for": timezone.localdate().isoformat()},
        actor=client,
    )  # fmt: skip
    return client


@pytest.mark.parametrize("width", [320, 1200])
def test_reminder_settings_and_home_pass_axe_and_fit_the_screen(live_server, browser, width):  # type: ignore[no-untyped-def]
    client = _client_with_things_due()
    audit = Auditor()
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    context.add_cookies([{**_client_cookie(client), "url": live_server.url}])
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    assert "Time to take the self-assessment again" in page.content()
    assert "An experiment to reflect on" in page.content()
    audit.check(page)
    page.goto(f"{live_server.url}/account/reminders/")
    audit.check(page)
    assert not has_horizontal_scroll(page)
    page.get_by_role("checkbox", name="Experiment follow-ups").uncheck()
    page.get_by_label("Hour (experiment").select_option("18")
    page.get_by_label("Your time zone").select_option("Asia/Kolkata")
    page.get_by_role("button", name="Save my reminder choices").click()
    page.wait_for_load_state("load")
    assert "Your reminder choices are saved." in page.content()
    audit.check(page)
    saved = settings_for(client)
    assert (saved.follow_up, saved.hour, saved.time_zone) == (False, 18, "Asia/Kolkata")
    context.close()
    audit.assert_clean()


def test_the_unsubscribe_pages_pass_axe_without_a_session(live_server, browser):  # type: ignore[no-untyped-def]
    client = _client_with_things_due()
    audit = Auditor()
    context = browser.new_context(viewport={"width": 320, "height": 800}, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/reminders/unsubscribe/{unsubscribe_token(client)}/")
    audit.check(page)
    page.get_by_role("button", name="Stop reminder emails").click()
    page.wait_for_load_state("load")
    assert "no more reminder emails" in page.content()
    audit.check(page)
    page.goto(f"{live_server.url}/reminders/unsubscribe/not-a-real-token/")
    audit.check(page)
    context.close()
    audit.assert_clean()
    assert not settings_for(client).any_chosen
