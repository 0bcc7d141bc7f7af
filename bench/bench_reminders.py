"""Cost of one reminder planning round, in a throwaway SQLite data folder.

The planner (`reminders.planner.plan_reminders`) reads each client's schedule every few
minutes. This seeds clients with an assessment (half with a check-in due), then times a round
that claims and queues their reminders and a round that finds every claim taken (the usual
case), for a small and a four-times-larger practice, and prints the cost per client, the
queries per round (a fixed few: the planner reads every client in one query) and the ratio
between the two sizes (4 or less: it grows at most linearly).

    .venv/bin/python bench/bench_reminders.py
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time


def main() -> None:
    folder = tempfile.mkdtemp(prefix="interplay-bench-reminders-")
    os.environ["INTERPLAY_DATA_DIR"] = folder
    os.environ["INTERPLAY_EMAIL_URL"] = "locmem:"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interplay.web.settings")
    import django

    django.setup()
    from datetime import timedelta

    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from interplay.web.accounts.models import Role, User
    from interplay.web.assessments import actions
    from interplay.web.assessments.models import Assessment
    from interplay.web.demo import maya_answers
    from interplay.web.reminders.planner import plan_reminders

    def seed(start: int, count: int) -> None:
        answers = maya_answers()
        for n in range(start, start + count):
            client = User.objects.create_user(
                f"bench{n}@example.test", None, name=f"Client {n}", role=Role.CLIENT
            )
            assessment = actions.do_start_assessment(actor=client)
            actions.do_save_answers(assessment, answers, actor=client)
            actions.do_finish_assessment(assessment, actor=client)
            days = 15 if n % 2 else 2  # half of them have a check-in reminder due
            Assessment.objects.filter(pk=assessment.pk).update(
                completed_at=timezone.now() - timedelta(days=days)
            )

    def timed_round() -> tuple[float, int, int]:
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            claimed = plan_reminders()
            elapsed = time.perf_counter() - started
        return elapsed, claimed, len(queries.captured_queries)

    try:
        call_command("migrate", verbosity=0)
        results = {}
        total = 0
        # TASKS uses the database backend: claims queue a send task; nothing is sent here.
        for size in (50, 200):
            seed(total, size - total)
            total = size
            first = timed_round()
            again = timed_round()
            results[size] = again
            print(
                f"{size} clients: first round {first[0] * 1000:.0f} ms ({first[1]} claimed, "
                f"{first[2]} queries); next round {again[0] * 1000:.0f} ms, {again[2]} queries "
                f"({again[0] * 1000 / size:.2f} ms a client)"
            )
        ratio = results[200][0] / results[50][0]
        print(f"next round, 200 / 50 clients: {ratio:.1f}x (4x would be linear)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
