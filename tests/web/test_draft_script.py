"""The journal's device copy, in the real script (static/interplay/app.js) under Node's
WebCrypto: kept only sealed, brought back under the same key, unreadable and deleted under a
new one, cleared by the sign-out button, not kept at all without a key. (The Chromium journey
in e2e/test_shared_computer.py checks the same in a browser where one is installed.)"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

NODE = shutil.which("node")
ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "src/interplay/web/static/interplay/app.js"
HARNESS = Path(__file__).parent / "js" / "draft_harness.js"
TEXT = "Unsaved secret about the letter to Nadia"

pytestmark = pytest.mark.skipif(NODE is None, reason="Node.js is not installed")


@pytest.fixture(scope="module")
def run() -> dict[str, object]:
    assert NODE is not None
    done = subprocess.run(  # noqa: S603 - our own harness and script
        [NODE, str(HARNESS), str(SCRIPT), TEXT],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return dict(json.loads(done.stdout))


def test_the_device_copy_is_sealed_never_plain(run):
    stored = str(run["stored"])
    assert '"sealed"' in stored and "Nadia" not in stored


def test_the_copy_comes_back_under_the_same_key(run):
    assert run["restored"] == TEXT


def test_under_a_new_key_the_copy_is_unreadable_and_deleted(run):
    assert run["restoredUnderNewKey"] == "" and run["leftAfterNewKey"] == []


def test_the_sign_out_button_clears_every_copy(run):
    assert run["leftAfterSignOut"] == []


def test_nothing_is_kept_without_a_key(run):
    assert run["keptWithoutKey"] == []
