"""How the instrument is laid out in the browser: a few items per screen."""

from __future__ import annotations

from dataclasses import dataclass

from interplay.core.instrument import Item, instrument_items
from interplay.web.labels import ANSWERS

ITEMS_PER_PAGE = 5
CHOICES = tuple(ANSWERS.items())


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 0


def pages() -> list[tuple[Item, ...]]:
    items = instrument_items()
    return [items[i : i + ITEMS_PER_PAGE] for i in range(0, len(items), ITEMS_PER_PAGE)]


def resume_page(answers: dict[str, int]) -> int:
    """The first screen with an unanswered item (1-based), or the last screen."""
    all_pages = pages()
    for number, page in enumerate(all_pages, start=1):
        if any(item.id not in answers for item in page):
            return number
    return len(all_pages)


def progress(answers: dict[str, int]) -> Progress:
    total = len(instrument_items())
    known = {item.id for item in instrument_items()}
    return Progress(answered=len(known.intersection(answers)), total=total)
