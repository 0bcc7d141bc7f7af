"""How fast the self-assessment scores: 10,000 random answer sets through `build_profile`,
and the same sets through validation alone, for the ratio.

Run: PYTHONPATH=src python bench/bench_scoring.py [count]
The sets are random (seeded) and complete or partial, so every code path is exercised,
including unscored scales. Figures are from one run on the current machine.
"""

from __future__ import annotations

import random
import sys
import time

from interplay.core.instrument import instrument_items
from interplay.core.profile import build_profile
from interplay.core.scoring import validate_answers


def random_answer_sets(count: int, seed: int = 20261127) -> list[dict[str, int]]:
    rng = random.Random(seed)
    ids = [item.id for item in instrument_items()]
    sets: list[dict[str, int]] = []
    for _ in range(count):
        # three in four people answer everything; the rest stop or skip along the way
        chosen = ids if rng.random() < 0.75 else rng.sample(ids, rng.randint(1, len(ids)))
        sets.append({item_id: rng.randint(1, 5) for item_id in chosen})
    return sets


def rate(label: str, function: object, sets: list[dict[str, int]]) -> float:
    assert callable(function)
    start = time.perf_counter()
    for answers in sets:
        function(answers)
    elapsed = time.perf_counter() - start
    per_second = len(sets) / elapsed
    print(f"{label:<28} {len(sets):>6} sets in {elapsed:6.2f} s = {per_second:>9,.0f} sets/s")
    return per_second


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    sets = random_answer_sets(count)
    build_profile(sets[0])  # load and validate the content files outside the timing
    profiles = rate("build_profile", build_profile, sets)
    validation = rate("validate_answers only", validate_answers, sets)
    print(f"full profile costs {validation / profiles:.1f}x validation alone")


if __name__ == "__main__":
    main()
