"""The work `bench_scoring.py` times, for counting instructions under callgrind (immune to the
load of other sessions on the machine, unlike any timing).

Run twice, with no profiles and with N, and take the difference over N, so start-up and
imports cancel out (docs/benchmarks.md, "Scoring and storing a profile"):

    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.0 \\
        .venv/bin/python bench/callgrind_scoring.py build 0
    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.300 \\
        .venv/bin/python bench/callgrind_scoring.py build 300

Set PYTHONHASHSEED=0 for both runs, so that every run lays out its dictionaries and sets
alike (docs/benchmarks.md, third pass).

`build` builds the profiles; `store` also turns each into its stored JSON text (layout 3,
`Profile.to_stored`); `readable` into the second form's text instead (`Profile.to_dict`, what
was stored until layout 3 and what the API and command line give).
Run from the repository root with PYTHONPATH=src (or a tree of another commit's src).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scoring import random_answer_sets  # noqa: E402  # the bench's own seeded sets

from interplay.core.profile import build_profile  # noqa: E402

SETS = 400  # made in every run, whatever the count, so making them cancels out too


def main() -> None:
    mode, count = sys.argv[1], int(sys.argv[2])
    if mode not in ("build", "store", "readable") or not 0 <= count <= SETS:
        sys.exit(f"usage: callgrind_scoring.py build|store|readable 0..{SETS}")
    sets = random_answer_sets(SETS)
    build_profile(sets[0])  # content files loaded and caches warm in both runs
    for answers in sets[:count]:
        profile = build_profile(answers)
        if mode == "store":
            json.dumps(profile.to_stored())
        elif mode == "readable":
            json.dumps(profile.to_dict())


if __name__ == "__main__":
    main()
