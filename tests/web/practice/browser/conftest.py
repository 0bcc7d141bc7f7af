"""Playwright against a live server, for the practice screens. Chromium is Debian's, launched
from /usr/bin/chromium (nothing is downloaded); without it these tests are skipped with a
reason, unless INTERPLAY_REQUIRE_BROWSER=1 makes the absence a failure."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from django.conf import settings

from tests.web.base import signed_in

CHROMIUM = Path(os.environ.get("INTERPLAY_CHROMIUM", "/usr/bin/chromium"))
AXE = Path(__file__).resolve().parents[4] / "node_modules" / "axe-core" / "axe.min.js"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(config, items):  # type: ignore[no-untyped-def]
    required = os.environ.get("INTERPLAY_REQUIRE_BROWSER") == "1"
    missing = [
        reason
        for ok, reason in (
            (CHROMIUM.exists(), f"no Chromium at {CHROMIUM} (apt-get install chromium)"),
            (AXE.exists(), f"no axe-core at {AXE} (npm install)"),
        )
        if not ok
    ]
    for item in items:
        if "browser" in item.keywords and missing and not required:
            item.add_marker(pytest.mark.skip(reason="; ".join(missing)))


@pytest.fixture(autouse=True, scope="module")
def _allow_orm_beside_playwright():  # type: ignore[no-untyped-def]
    """Playwright's sync API runs an event loop in this thread, so Django would refuse ORM
    calls from the test body and the database flush after it. Module scope, so it outlives
    each test's database teardown, and only these modules: the variable must never reach a
    deployment check (it fails `check --deploy`, rightly)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):  # type: ignore[no-untyped-def]
    if not CHROMIUM.exists():
        pytest.fail(f"INTERPLAY_REQUIRE_BROWSER=1 but there is no Chromium at {CHROMIUM}")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": LAUNCH_ARGS}


def sign_in(context, live_server, user) -> None:  # type: ignore[no-untyped-def]
    """Give the browser the session of a test client signed in as `user` (a coach also past
    two-factor), so the tests spend their time on the practice screens."""
    session = signed_in(user).cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )


def axe_violations(page) -> list[dict]:  # type: ignore[no-untyped-def]
    """Serious and critical axe violations on the page as it stands."""
    # Evaluated through the debugging protocol rather than added as a <script>: the pages'
    # Content Security Policy (rightly) refuses inline scripts, and stays on for the test.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate("async () => await axe.run()")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def assert_axe_clean(page) -> None:  # type: ignore[no-untyped-def]
    found = axe_violations(page)
    assert not found, json.dumps(found, indent=1)
