"""Where the labelled language data lives, and the one way training reads it.

The labelled sets are in `data/language/` (outside the runtime package: nothing shipped reads
them). `data/language/blind/` holds batches kept for blind evaluation: no model may be trained or
tuned on them, so `read_training_file` refuses any path inside it, however it is spelt (a
relative path, `..` or a symbolic link all resolve to the same place).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "language"
BLIND = DATA / "blind"


class BlindDataError(PermissionError):
    """Training was asked to read a file kept for blind evaluation."""


def is_blind(path: Path, blind: Path = BLIND) -> bool:
    return path.resolve().is_relative_to(blind.resolve())


def read_training_file(path: Path, blind: Path = BLIND) -> str:
    """The text of a labelled file for training; raises `BlindDataError` on a blind file."""
    if is_blind(path, blind):
        raise BlindDataError(
            f"{path} is kept for blind evaluation ({blind}): training must never read it"
        )
    return path.read_text(encoding="utf-8")
