"""How long the reliability table takes on an instrument-sized answer set.

Run: PYTHONPATH=src python bench/bench_psychometrics.py
Prints figures measured in this run; nothing is asserted.
"""

from __future__ import annotations

import time

import numpy as np

from interplay.core.f_distribution import f_quantile
from interplay.core.psychometrics import reliability_table


def simulated_answers(people: int, scales: int, items_per_scale: int, missing: float) -> np.ndarray:
    rng = np.random.default_rng(0)
    columns = []
    for _ in range(scales):
        trait = rng.standard_normal(people)
        for _ in range(items_per_scale):
            columns.append(np.clip(np.rint(3 + trait + 0.8 * rng.standard_normal(people)), 1, 5))
    answers = np.column_stack(columns)
    answers[rng.random(answers.shape) < missing] = np.nan
    return answers


def timed(label: str, repeats: int, action) -> None:
    start = time.perf_counter()
    for _ in range(repeats):
        action()
    each = (time.perf_counter() - start) / repeats
    print(f"{label}: {each * 1000:.2f} ms")


def main() -> None:
    scales, per_scale = 11, 5
    ids = [f"s{s}i{i}" for s in range(scales) for i in range(per_scale)]
    grouping = {f"s{s}": ids[s * per_scale : (s + 1) * per_scale] for s in range(scales)}
    for people in (50, 500, 5000):
        answers = simulated_answers(people, scales, per_scale, missing=0.05)
        for policy in ("pairwise", "listwise"):
            timed(
                f"reliability_table, {people} people x {len(ids)} items, 5% missing, {policy}",
                5,
                lambda answers=answers, policy=policy: reliability_table(
                    answers, ids, grouping, missing=policy
                ),
            )

    def uncached_quantile() -> None:
        f_quantile.cache_clear()
        f_quantile(0.975, 499, 1996)

    timed("f_quantile(0.975, 499, 1996), uncached", 50, uncached_quantile)


if __name__ == "__main__":
    main()
