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
from tests.web.e2e.conftest import (
    AXE,
    CHROMIUM,
    LAUNCH_ARGS,
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


@pytest.fixture(autouse=True, scope="module")
def _allow_orm_beside_playwright():  # type: ignore[no-untyped-def]
    """Playwright's sync API runs an event loop in this thread, so Django would refuse ORM
    calls from the test body and the database flush after it. Module scope, so it outlives
    each test's database teardown."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):  # type: ignore[no-untyped-def]
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": LAUNCH_ARGS}


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
