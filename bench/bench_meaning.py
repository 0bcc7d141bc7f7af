"""Speed and footprint of the meaning-based engine, measured in one run.

Prints:
- how long a fresh process takes to load the encoder and heads and give its first reading;
- p50 and p95 of themes + safety on a 200-word entry (the encoder runs once, shared), for the
  meaning engine and, in the same run, the cue rules alone, and their ratio;
- the meaning engine on 5,000 corpus texts (texts per second);
- a 10 MB single line: the time it takes and the process's peak memory (the model reads the
  first MAX_MODEL_CHARS only).

    python bench/bench_meaning.py [--engine meaning]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from itertools import cycle, islice
from pathlib import Path

from interplay.language.engine import engines
from interplay.language.journal_text import read_passage
from interplay.language.meaning import opinion
from interplay.language.safety import judged_safety
from interplay.language.themes import judged_themes

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "language" / "corpus"


def corpus_texts() -> list[str]:
    found = []
    for folder in ("themes", "safety"):
        for path in sorted((CORPUS / folder).glob("*.jsonl")):
            found += [json.loads(line)["text"] for line in path.read_text().splitlines() if line]
    return found


def forget() -> None:
    """Every run reads the entry afresh, as when an app analyses a new entry."""
    read_passage.cache_clear()
    judged_safety.cache_clear()
    judged_themes.cache_clear()
    opinion._reading_of.cache_clear()


def timed(name: str, entry: str, runs: int) -> list[float]:
    chosen = engines(name)
    chosen.themes.analyse(entry)
    chosen.safety.analyse(entry)
    out = []
    for _ in range(runs):
        forget()
        start = time.perf_counter()
        chosen.themes.analyse(entry)
        chosen.safety.analyse(entry)
        out.append((time.perf_counter() - start) * 1000)
    return out


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engine", default="meaning")
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args(argv)

    code = (
        "import time; t = time.perf_counter();"
        "from interplay.language.engine import engines;"
        f"e = engines({args.engine!r}); e.safety.analyse('Hello there.');"
        "print(time.perf_counter() - t)"
    )
    load = float(subprocess.check_output([sys.executable, "-c", code], text=True))  # noqa: S603
    print(f"load in a fresh process, to the first reading: {load:.2f} s")

    texts = corpus_texts()
    entry = " ".join(" ".join(texts).split()[:200])
    ours = timed(args.engine, entry, args.runs)
    cue = timed("cue", entry, args.runs)
    print(
        f"200-word entry, themes + safety ({args.runs} runs): {args.engine} p50 "
        f"{statistics.median(ours):.1f} ms, p95 {p95(ours):.1f} ms; cue rules p50 "
        f"{statistics.median(cue):.1f} ms, p95 {p95(cue):.1f} ms; ratio of p50s "
        f"{statistics.median(ours) / statistics.median(cue):.1f}x"
    )

    chosen = engines(args.engine)
    batch = list(islice(cycle(texts), 5000))
    start = time.perf_counter()
    for text in batch:
        chosen.themes.analyse(text)
        chosen.safety.analyse(text)
    seconds = time.perf_counter() - start
    print(f"5,000 texts, themes + safety: {seconds:.1f} s ({5000 / seconds:.0f} texts/s)")

    huge = "and then it rained again " * (10_000_000 // 25)
    start = time.perf_counter()
    chosen.safety.analyse(huge)
    chosen.themes.analyse(huge)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"10 MB single line, themes + safety: {time.perf_counter() - start:.1f} s; "
        f"peak memory of this process {peak:.0f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
