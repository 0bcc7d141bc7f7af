"""The labelled language data must hold no held-out text or source page: every JSONL file under
data/language/ (in any subfolder, so files added later are covered) goes through the shared
checker, `../shared/tools/check_exclusions.py` beside the clone."""

import subprocess
import sys
from pathlib import Path

import pytest

from tools.language.data_files import DATA, ROOT

CHECKER = Path("shared") / "tools" / "check_exclusions.py"


def _checker() -> Path | None:
    """The checker in the repository's parent folder. A git worktree's parent may not hold
    shared/, so the main checkout's parent is tried too."""
    candidates = [ROOT.parent / CHECKER]
    dot_git = ROOT / ".git"
    if dot_git.is_file():  # a worktree: "gitdir: <main>/.git/worktrees/<name>"
        gitdir = Path(dot_git.read_text(encoding="utf-8").partition(":")[2].strip())
        if len(gitdir.parents) > 3:
            candidates.append(gitdir.parents[2].parent / CHECKER)
    return next((path for path in candidates if path.is_file()), None)


def test_no_labelled_language_file_holds_a_held_out_text_or_page():
    checker = _checker()
    if checker is None:
        pytest.skip(f"no exclusions checker at ../{CHECKER} (shared/ is not beside the clone)")
    files = sorted(DATA.rglob("*.jsonl"))
    assert len(files) >= 14, "the labelled language data is missing from data/language/"
    done = subprocess.run(  # noqa: S603 - the shared checker, on our own files
        [sys.executable, str(checker), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert " 0 held-out matches" in done.stdout
