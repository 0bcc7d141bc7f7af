"""How fast the practice logic runs: role-play runs to a debrief, relationship recommendations
and layouts for 20-person maps, ladder suggestions over a 60-experiment history, and the
statement coach reading each reply (the part a terminal role-play waits on).

Run: PYTHONPATH=src python bench/bench_practice.py
Inputs are generated with a seeded random generator. Prints figures measured in this run;
nothing is asserted.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from interplay.core.experiments import experiment_library
from interplay.core.ladder import next_suggestions
from interplay.core.practice import ExperimentPlan, ExperimentRecord, ExperimentReflection
from interplay.core.relationship_layout import layout_map
from interplay.core.relationships import Person, reciprocity_summary, recommend
from interplay.core.roleplay import ReplyAnalysis, debrief, run
from interplay.core.scenarios import scenario_library
from interplay.core.vocabulary import (
    Energy,
    ExperimentStatus,
    Focus,
    Outcome,
    PersonBoundary,
    RelationshipKind,
)

rng = random.Random(7)


def timed(label: str, count: int, action: Callable[[int], object]) -> None:
    start = time.perf_counter()
    for index in range(count):
        action(index)
    elapsed = time.perf_counter() - start
    print(f"{label}: {count} in {elapsed * 1000:.0f} ms ({elapsed / count * 1e6:.1f} us each)")


def random_replies() -> list[tuple[str, ReplyAnalysis]]:
    return [
        (f"reply {i}", ReplyAnalysis(*(rng.random() < 0.3 for _ in range(7)))) for i in range(8)
    ]


def random_map(size: int) -> list[Person]:
    return [
        Person(
            f"P{i}",
            rng.choice(list(RelationshipKind)),
            rng.randint(0, 4),
            rng.randint(0, 4),
            rng.choice(list(Energy)),
            rng.choice(list(PersonBoundary)),
            rng.randint(0, 4),
        )
        for i in range(size)
    ]


def random_history(size: int) -> list[ExperimentRecord]:
    history = []
    for experiment in rng.sample(experiment_library(), size):
        plan = ExperimentPlan(
            title=experiment.title,
            technique=experiment.technique,
            direction=experiment.direction,
            stakes=experiment.stakes,
            what=experiment.text,
            anxiety_predicted=rng.randint(0, 10),
            experiment_id=experiment.id,
        )
        status = rng.choice(list(ExperimentStatus))
        reflection = None
        if status is ExperimentStatus.DONE:
            reflection = ExperimentReflection("ok", rng.randint(0, 10), rng.choice(list(Outcome)))
        history.append(ExperimentRecord(plan, status, reflection))
    return history


def main() -> None:
    scenarios = scenario_library()
    replies = [random_replies() for _ in range(1000)]
    timed(
        "role-play run + debrief",
        1000,
        lambda i: debrief(run(scenarios[i % len(scenarios)], replies[i])),
    )
    maps = [random_map(20) for _ in range(1000)]
    timed(
        "recommend + summary + layout, 20 people",
        1000,
        lambda i: (recommend(maps[i]), reciprocity_summary(maps[i]), layout_map(maps[i])),
    )
    histories = [random_history(40) for _ in range(200)]
    library = experiment_library()
    timed(
        "ladder suggestions, 40-experiment history",
        200,
        lambda i: next_suggestions(Focus.BALANCING, histories[i], library, limit=5),
    )
    try:
        from interplay.language.engine import engines
    except ImportError:
        print("statement coach not installed: reply analysis not measured")
        return
    lines = [
        "I'm not able to work this Saturday; I need the weekend to rest.",
        "Sorry, I mean, maybe I could do a bit, I don't know.",
        "You always dump this on me at the last minute.",
        "Could you ask Tom to cover Saturday this time?",
    ]
    timed(
        "statement coach reading one reply",
        1000,
        lambda i: ReplyAnalysis.from_mapping(engines().statements.analyse(lines[i % 4]).to_dict()),
    )


if __name__ == "__main__":
    main()
