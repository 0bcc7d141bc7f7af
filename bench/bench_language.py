"""Speed of the journal-theme finder and the safety screen, measured in one run.

Prints:
- the median time to analyse one 200-word entry (themes and safety screen together, the
  text read once and shared, as when an app analyses a new entry);
- the time for the default engine's theme reader on 5,000 texts and for vaderSentiment's
  `SentimentIntensityAnalyzer().polarity_scores` on the same texts, and their ratio.

    PYTHONPATH=src python bench/bench_language.py
"""

from __future__ import annotations

import json
import statistics
import time
from itertools import cycle, islice
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from interplay.language.engine import engines
from interplay.language.journal_text import read_passage
from interplay.language.learned import reading_of
from interplay.language.safety import judged_safety
from interplay.language.themes import judged_themes

DATA = Path(__file__).resolve().parents[1] / "data" / "language"


def texts() -> list[str]:
    found: list[str] = []
    for name in ("journal_themes.jsonl", "safety.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                found.append(json.loads(line)["text"])
    return found


def entry_of_words(corpus: list[str], words: int) -> str:
    """A realistic entry of exactly `words` words, stitched from the journal texts."""
    pool = " ".join(corpus).split()
    return " ".join(pool[:words])


def main() -> None:
    corpus = texts()
    analyze_themes, screen = engines().themes.analyse, engines().safety.analyse
    entry = entry_of_words(corpus, 200)
    analyze_themes(entry)  # load the lexicons once, as a running app would have
    screen(entry)

    timings = []
    for _ in range(300):
        # Forget the previous run's reading of the text, so every run reads it afresh (once,
        # shared by the two analyses, as when an app analyses a new entry).
        read_passage.cache_clear()
        reading_of.cache_clear()  # the learned view and the cue matches are kept per text too
        judged_safety.cache_clear()
        judged_themes.cache_clear()
        start = time.perf_counter()
        analyze_themes(entry)
        screen(entry)
        timings.append((time.perf_counter() - start) * 1000)
    print(
        f"200-word entry, themes + safety: median {statistics.median(timings):.2f} ms "
        f"(p90 {statistics.quantiles(timings, n=10)[-1]:.2f} ms, {len(timings)} runs)"
    )

    batch = list(islice(cycle(corpus), 5000))
    words = sum(len(text.split()) for text in batch)
    start = time.perf_counter()
    for text in batch:
        analyze_themes(text)
    ours = time.perf_counter() - start

    analyser = SentimentIntensityAnalyzer()
    start = time.perf_counter()
    for text in batch:
        analyser.polarity_scores(text)
    vader = time.perf_counter() - start

    print(
        f"5,000 texts ({words:,} words): analyze_themes {ours * 1000:.0f} ms, "
        f"vaderSentiment polarity_scores {vader * 1000:.0f} ms, ratio {ours / vader:.2f}x"
    )


if __name__ == "__main__":
    main()
