"""Browser tests: Playwright driving Debian's Chromium, with axe-core injected on every page.

They skip, saying why, when /usr/bin/chromium or axe-core (`npm ci`) is missing, unless
INTERPLAY_REQUIRE_BROWSER=1 (as in CI), in which case they fail instead."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[3] / "node_modules" / "axe-core" / "axe.min.js"
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


def missing_requirement() -> str | None:
    if not CHROMIUM.exists():
        return f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium)"
    if not AXE.exists():
        return f"no axe-core at {AXE} (run `npm ci` in the repository root)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -e '.[dev]')"
    return None


def browser_required() -> bool:
    return os.environ.get("INTERPLAY_REQUIRE_BROWSER") == "1"


def pytest_collection_modifyitems(config, items):  # type: ignore[no-untyped-def]
    reason = missing_requirement()
    if reason is None or browser_required():
        return
    skip = pytest.mark.skip(reason=f"browser tests skipped: {reason}")
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def _browser_requirements():  # type: ignore[no-untyped-def]
    reason = missing_requirement()
    if reason is not None and browser_required():
        pytest.fail(f"INTERPLAY_REQUIRE_BROWSER=1 but {reason}", pytrace=False)


@pytest.fixture(scope="module", autouse=True)
def _allow_django_beside_playwright():  # type: ignore[no-untyped-def]
    """Playwright's sync API keeps an event loop running in this thread, and Django refuses
    database calls there unless told it is safe (it is: the test alone uses the thread). Set
    only while the browser tests run, so nothing else (a `check --deploy` in a subprocess, for
    instance) inherits it."""
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if before is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture(scope="module")
def browser(_allow_django_beside_playwright):  # type: ignore[no-untyped-def]
    """Chromium for this module only. Playwright's loop stops when the module ends, so later
    tests in the same process (Django calls from the main thread) never run beside it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()
