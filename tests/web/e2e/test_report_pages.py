"""A large report in Chromium: "Prepare my PDF" on the progress page, the status page passing
axe while it waits, and the state turning to "Ready" once the real database worker has built
it: by itself through htmx with JavaScript, by the page's own refresh without."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from interplay.web.progress.models import ReportFile, ReportStatus
from tests.web.e2e.checks import axe_violations
from tests.web.e2e.test_progress_pages import _client_with_history

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _signed_in_cookie(user):  # type: ignore[no-untyped-def]
    """A session signed in the way the other web tests sign in (tests/web/base.signed_in:
    with the record allauth keeps of a sign-in), as a browser cookie."""
    from django.conf import settings

    from tests.web.base import signed_in

    value = signed_in(user).cookies[settings.SESSION_COOKIE_NAME].value
    return {"name": settings.SESSION_COOKIE_NAME, "value": value}


@pytest.fixture
def large_with_worker(settings):  # type: ignore[no-untyped-def]
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.REPORTS_INLINE_LIMIT = 2


def _run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


@pytest.mark.parametrize("javascript", [True, False])
def test_a_large_profile_is_prepared_and_the_page_says_when_it_is_ready(  # type: ignore[no-untyped-def]
    live_server, browser, large_with_worker, javascript
):
    user, _cookie = _client_with_history()
    cookie = _signed_in_cookie(user)
    context = browser.new_context(bypass_csp=True, java_script_enabled=javascript)
    context.add_cookies([{**cookie, "url": live_server.url}])
    page = context.new_page()
    page.goto(f"{live_server.url}/progress/")
    page.get_by_role("button", name="Prepare my PDF").click()
    page.wait_for_url("**/progress/reports/*/")
    assert page.get_by_text("Being prepared").is_visible()
    if javascript:
        assert axe_violations(page) == []
    assert ReportFile.objects.get().status == ReportStatus.QUEUED
    _run_worker()
    # No click: htmx looks again every five seconds, the noscript refresh every ten.
    page.get_by_role("link", name="Download the PDF").wait_for(timeout=25_000)
    if javascript:
        assert axe_violations(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    assert download.value.suggested_filename == "interplay-profile.pdf"
    context.close()
