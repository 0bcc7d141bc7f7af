"""The progress page and an integration review in Chromium: axe finds nothing serious with
every chart's table opened, nothing is blocked by the Content Security Policy (the charts use
no inline style), and nothing sticks out of a 320 px screen."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from interplay.web.accounts.models import Role, User
from interplay.web.assessments.models import PulseCheck
from interplay.web.progress.actions import do_save_review
from tests.web.e2e.checks import axe_violations, has_horizontal_scroll
from tests.web.progress.helpers import answers_leaning, finished, reflected

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _client_with_history() -> tuple[User, dict[str, str]]:
    user = User.objects.create_user(
        "progress@example.test", "a long client password 1", name="Robin", role=Role.CLIENT
    )
    finished(user, answers_leaning(dependence=5, interdependence=2), days_ago=80)
    finished(user, answers_leaning(dependence=2, interdependence=4), days_ago=2)
    for n in range(5):
        PulseCheck.objects.create(user=user, result={"autonomy": 30 + 8 * n, "connection": 55})
    reflected(user, "Ask for help with the move", stakes="medium", outcome="no")
    do_save_review("Looking back.", actor=user)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return user, {"name": settings.SESSION_COOKIE_NAME, "value": session.session_key or ""}


PATHS = ("/progress/", "/progress/reviews/{review}/", "/progress/reviews/")


@pytest.mark.parametrize("width", [1024, 320])
def test_progress_and_review_pages_pass_axe(live_server, browser, width):  # type: ignore[no-untyped-def]
    user, cookie = _client_with_history()
    # bypass_csp lets the test inject axe-core; the next test checks the policy itself.
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    context.add_cookies([{**cookie, "url": live_server.url}])
    page = context.new_page()
    review = user.reviews.get()
    for path in PATHS:
        page.goto(f"{live_server.url}{path.format(review=review.pk)}")
        for summary in page.locator("details > summary").all():
            summary.click()  # every chart's table open: it is checked too
        assert axe_violations(page) == [], path
        assert not has_horizontal_scroll(page), (path, width)
    context.close()


def test_the_charts_break_no_rule_of_the_content_security_policy(live_server, browser):  # type: ignore[no-untyped-def]
    user, cookie = _client_with_history()
    context = browser.new_context()
    context.add_cookies([{**cookie, "url": live_server.url}])
    page = context.new_page()
    blocked: list[str] = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    review = user.reviews.get()
    for path in PATHS:
        page.goto(f"{live_server.url}{path.format(review=review.pk)}")
        page.wait_for_load_state("load")
    page.goto(f"{live_server.url}/progress/")
    charts = page.locator("svg.line-chart")
    assert charts.count() >= 3 and charts.first.get_attribute("role") == "img"
    assert blocked == []
    context.close()
