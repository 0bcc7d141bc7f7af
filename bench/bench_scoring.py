"""How fast the self-assessment scores and stores: random answer sets through `build_profile`,
the profiles through the JSON an assessment stores, and the same sets through validation alone.

Run: PYTHONPATH=src python bench/bench_scoring.py [count]
The sets are random (seeded) and complete or partial, so every code path is exercised,
including unscored scales. Printed as rates and ratios from one run on the current machine
(targets, issue 9: >= 10,000 profiles/s; storing within 1.5x of building). Figures and the
machine they came from: docs/benchmarks.md.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from interplay.core.instrument import instrument_items
from interplay.core.profile import build_profile
from interplay.core.scoring import validate_answers

TARGET_PER_SECOND = 10_000
TARGET_STORE_RATIO = 1.5


def random_answer_sets(count: int, seed: int = 20261127) -> list[dict[str, int]]:
    rng = random.Random(seed)
    ids = [item.id for item in instrument_items()]
    sets: list[dict[str, int]] = []
    for _ in range(count):
        # three in four people answer everything; the rest stop or skip along the way
        chosen = ids if rng.random() < 0.75 else rng.sample(ids, rng.randint(1, len(ids)))
        sets.append({item_id: rng.randint(1, 5) for item_id in chosen})
    return sets


def rate(label: str, function: Callable[[Any], object], inputs: Sequence[Any]) -> float:
    """The best of three passes, so one burst from a neighbour on the machine does not decide."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for value in inputs:
            function(value)
        best = min(best, time.process_time() - start)
    per_second = len(inputs) / best
    print(f"{label:<34} {len(inputs):>6} in {best:6.3f} s = {per_second:>9,.0f}/s")
    return per_second


def stored_json(profile: Any) -> str:
    """What an assessment stores: the profile's JSON text in layout 3 (Django's JSONField does
    this with `Profile.to_stored()`, core/profile_stored.py)."""
    return json.dumps(profile.to_stored())


def readable_json(profile: Any) -> str:
    """The second form's text (`Profile.to_dict()`): stored until layout 3, still what the API
    and the command line give; timed for comparison with earlier figures."""
    return json.dumps(profile.to_dict())


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    sets = random_answer_sets(count)
    build_profile(sets[0])  # load and validate the content files outside the timing
    profiles = [build_profile(answers) for answers in sets]
    built = rate("build_profile", build_profile, sets)
    stored = rate("profile JSON for storage", stored_json, profiles)
    readable = rate("readable JSON (to_dict)", readable_json, profiles)
    validation = rate("validate_answers only", validate_answers, sets)
    size = sum(len(stored_json(profile).encode()) for profile in profiles) / len(profiles)
    complete = [p for p in profiles if p.answered == p.total_items]
    full_size = sum(len(stored_json(p).encode()) for p in complete) / max(1, len(complete))
    print(f"profiles per second: {built:,.0f} ({built / TARGET_PER_SECOND:.2f}x the target)")
    print(
        f"storing costs {built / stored:.2f}x building "
        f"(target <= {TARGET_STORE_RATIO}x; build and store: {1 / (1 / built + 1 / stored):,.0f}/s)"
    )
    print(f"the readable JSON would cost {built / readable:.2f}x building")
    print(f"full profile costs {validation / built:.1f}x validation alone")
    print(f"stored JSON: {size / 1000:.1f} kB a profile on average,", end=" ")
    print(f"{full_size / 1000:.1f} kB complete")


if __name__ == "__main__":
    main()
