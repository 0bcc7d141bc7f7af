"""Server time of the practice screens, in process (Django's test client, no HTTP server).

Seeds one client with a full practice (20 people on the map, 40 experiments of which 30 were
reflected on, 5 beliefs, 5 values, a 5-turn role-play) in a throwaway SQLite data folder, then
renders each page 50 times and prints the median and 95th-percentile time and the number of
SQL queries, all measured in this run. Includes decryption of every encrypted field a page
reads. Nothing is asserted.

Run: PYTHONPATH=src python bench/bench_practice_web.py [--repeat 50]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.web.base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    os.environ["INTERPLAY_DATA_DIR"] = tempfile.mkdtemp(prefix="interplay-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interplay.web.settings_test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from django.urls import reverse

    setup_test_environment()
    call_command("migrate", verbosity=0)
    from interplay.web.practice.actions import do_reflect, do_save_experiment
    from interplay.web.practice.rehearsal import do_role_play_reply, do_start_role_play
    from interplay.web.relationships.actions import do_save_person
    from interplay.web.values.actions import do_add_value, do_save_belief
    from tests.web.base import make_practice, signed_in

    cast = make_practice()
    client = cast.client
    for n in range(5):
        do_add_value(own_words=f"Value {n}", actor=client)
        do_save_belief({"belief": f"Belief {n}", "alternative": f"Alternative {n}"}, actor=client)
    kinds = ["family", "partner", "friend", "work", "community", "other"]
    for n in range(20):
        person = {"name": f"Person {n}", "kind": kinds[n % 6], "give": str(n % 5),
             "receive": str((n * 3) % 5), "energy": str(n % 5), "boundary": str((n * 2) % 5),
             "trust": str((n * 7) % 5)}  # fmt: skip
        do_save_person(person, actor=client)
    for n in range(40):
        plan = {"title": f"Experiment {n}", "what": "Ask for help with one small thing.",
             "technique": "start_small", "stakes": ["low", "medium", "high"][n % 3],
             "direction": ["toward_autonomy", "toward_connection"][n % 2],
             "feared_outcome": "They will say no.", "anxiety_predicted": str(n % 11)}  # fmt: skip
        experiment = do_save_experiment(plan, actor=client)
        if n < 30:
            reflection = {"what_happened": "It went fine.", "anxiety_during": str((n * 3) % 11),
                 "feared_outcome_happened": ["yes", "no", "partly"][n % 3]}  # fmt: skip
            do_reflect(experiment, reflection, actor=client)
    run = do_start_role_play("s:s-ask-for-a-lift", actor=client)
    for _ in range(3):
        do_role_play_reply(run, "Sorry, I hate to ask, but maybe a lift?", actor=run.owner)
    browser = signed_in(client)
    pages = [
        ("practice home", "get", reverse("practice:home"), None),
        ("history (chart)", "get", reverse("practice:history"), None),
        ("relationship map (20 people)", "get", reverse("relationships:map"), None),
        ("beliefs (5, with outcomes)", "get", reverse("values:beliefs"), None),
        ("role-play (3 turns rebuilt)", "get", reverse("practice:roleplay", args=[run.pk]), None),
        (
            "statement feedback fragment",
            "post",
            reverse("practice:analyse"),
            {"text": "I feel tired when plans change at the last minute. Could you tell me?"},
        ),
    ]
    print(f"{'page':34} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for label, method, url, data in pages:
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = getattr(browser, method)(url, data) if data else browser.get(url)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (label, response.status_code)
        p95 = sorted(times)[int(0.95 * len(times)) - 1]
        print(f"{label:34} {statistics.median(times):10.1f} {p95:8.1f} {len(queries):8d}")


if __name__ == "__main__":
    main()
