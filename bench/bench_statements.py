"""Time the statement coach over the labelled statements: median and p95 ms per statement.

Run from the repository root: `PYTHONPATH=src python bench/bench_statements.py`. One process,
one core; each statement is analysed REPEATS times and the fastest run kept, so the figures
describe the engine rather than scheduler noise.
"""

from __future__ import annotations

import json
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from interplay.language.engine import engines  # noqa: E402

COACH = engines().statements
analyze_statement = COACH.analyse

REPEATS = 5
DATA = [
    ROOT / "data" / "language" / "statements.jsonl",
    ROOT / "data" / "language" / "statements_unseen.jsonl",
    ROOT / "data" / "language" / "statements_blind.jsonl",
]


def main() -> None:
    texts = [
        json.loads(line)["text"]
        for path in DATA
        if path.exists()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    analyze_statement("warm up the imports and caches")
    timings = []
    for text in texts:
        best = float("inf")
        for _ in range(REPEATS):
            start = time.perf_counter()
            analyze_statement(text)
            best = min(best, time.perf_counter() - start)
        timings.append(best * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(round(0.95 * (len(timings) - 1))))]
    long_text = " ".join(texts) * 10
    start = time.perf_counter()
    analyze_statement(long_text)
    long_ms = (time.perf_counter() - start) * 1000
    print(f"statement coach {COACH.version} on Python {platform.python_version()}")
    print(f"statements: {len(timings)}")
    print(f"median: {statistics.median(timings):.3f} ms per statement")
    print(f"p95:    {p95:.3f} ms per statement")
    print(f"max:    {timings[-1]:.3f} ms per statement")
    print(f"one text of {len(long_text):,} characters: {long_ms:.0f} ms")


if __name__ == "__main__":
    main()
