"""Playwright against a live server for the practice screens, on the coach desk's browser
set-up (`tests/web/e2e/conftest.py`: Debian's Chromium, axe-core from npm, skipped with a
reason when either is missing unless INTERPLAY_REQUIRE_BROWSER=1). Two differences: people
are signed in by session cookie, so the time goes on the practice screens, and axe-core is
evaluated rather than injected, so the pages' Content Security Policy stays on throughout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.conf import settings

from tests.web.base import signed_in
from tests.web.e2e.checks import SERIOUS
from tests.web.e2e.conftest import (  # noqa: F401 - the fixtures are used by name
    AXE,
    _allow_django_beside_playwright,
    browser,
    browser_required,
    missing_requirement,
)

HERE = Path(__file__).parent


def pytest_collection_modifyitems(config, items):  # type: ignore[no-untyped-def]
    reason = missing_requirement()
    if reason is None or browser_required():
        return
    skip = pytest.mark.skip(reason=f"browser tests skipped: {reason}")
    for item in items:
        if Path(str(item.fspath)).is_relative_to(HERE):
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def _browser_requirements():  # type: ignore[no-untyped-def]
    reason = missing_requirement()
    if reason is not None and browser_required():
        pytest.fail(f"INTERPLAY_REQUIRE_BROWSER=1 but {reason}", pytrace=False)


@pytest.fixture
def context(browser):  # type: ignore[no-untyped-def]  # noqa: F811 - the imported fixture
    """A fresh browser context per test, on the coach desk's module-scoped Chromium (so
    Playwright's event loop never outlives these modules)."""
    fresh = browser.new_context()
    yield fresh
    fresh.close()


def sign_in(context, live_server, user) -> None:  # type: ignore[no-untyped-def]
    """Give the browser the session of a test client signed in as `user` (a coach also past
    two-factor)."""
    session = signed_in(user).cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )


def axe_violations(page) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    """Serious and critical axe violations on the page as it stands. Evaluated through the
    debugging protocol, which the page's policy does not govern (it refuses inline scripts)."""
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate("async () => await axe.run(document)")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
        if v["impact"] in SERIOUS
    ]


def assert_axe_clean(page) -> None:  # type: ignore[no-untyped-def]
    found = axe_violations(page)
    assert not found, (page.url, json.dumps(found, indent=1))
