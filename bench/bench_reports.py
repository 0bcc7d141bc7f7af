"""How long a PDF report takes to build, for a small history and a large one, in a throwaway
SQLite data folder.

A report is built inside the request unless the history is large (`progress.report_size`):
this prints, for each history, the CPU time of the whole build a request would do (loading
the person's records, the practice's reference values, the PDF itself), best of `--runs`, for
the profile PDF and for an integration review PDF, with the history's size as the report size
counts it. The figures in docs/benchmarks.md, and the limit over which the worker builds a
report, come from this.

    .venv/bin/python bench/bench_reports.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time

# (name, assessments, check-ins, experiments, map snapshots)
HISTORIES = [
    ("small", 3, 8, 4, 2),
    ("medium", 12, 45, 24, 9),
    ("large", 40, 150, 80, 30),
    ("4x large", 160, 600, 320, 120),
    ("10x large", 400, 1500, 800, 300),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="builds of each report (best kept)")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="interplay-bench-reports-")
    os.environ["INTERPLAY_DATA_DIR"] = folder
    os.environ["INTERPLAY_EMAIL_URL"] = "locmem:"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interplay.web.settings")
    import django

    django.setup()
    from datetime import timedelta

    from django.core.cache import cache
    from django.core.management import call_command
    from django.utils import timezone

    from interplay.core.instrument import pulse_items
    from interplay.web.accounts.models import Role, User
    from interplay.web.assessments import actions as assessment_actions
    from interplay.web.assessments.models import Assessment, PulseCheck
    from interplay.web.assessments.reference import practice_references
    from interplay.web.demo import CLIENTS, answers_for
    from interplay.web.practice.models import Experiment
    from interplay.web.progress import reports
    from interplay.web.progress.actions import do_save_review
    from interplay.web.progress.data import own_data
    from interplay.web.progress.report_files import report_size
    from interplay.web.relationships.actions import do_save_person, do_take_snapshot
    from interplay.web.relationships.models import MapSnapshot

    story = CLIENTS[0]
    pulse_ids = [item.id for item in pulse_items()]

    def seed(n: int, assessments: int, pulses: int, experiments: int, snapshots: int) -> User:
        person = User.objects.create_user(
            f"bench{n}@example.test", None, name=f"Client {n}", role=Role.CLIENT
        )
        span = 365.0
        for k in range(assessments):
            days = span - k * span / max(assessments, 1)
            assessment = assessment_actions.do_start_assessment(actor=person)
            assessment_actions.do_save_answers(
                assessment, answers_for(story, min(days, 120)), actor=person
            )
            assessment_actions.do_finish_assessment(assessment, actor=person)
            when = timezone.now() - timedelta(days=days)
            Assessment.objects.filter(pk=assessment.pk).update(completed_at=when, started_at=when)
        for k in range(pulses):
            days = span - k * span / max(pulses, 1)
            answers = answers_for(story, min(days, 120))
            pulse = assessment_actions.do_record_pulse(
                {i: answers[i] for i in pulse_ids}, actor=person
            )
            PulseCheck.objects.filter(pk=pulse.pk).update(
                taken_at=timezone.now() - timedelta(days=days)
            )
        for k in range(experiments):
            Experiment.objects.create(
                owner=person,
                title=f"Experiment {k}: ask for help with something small",
                technique="start_small",
                direction="toward_connection",
                stakes="low",
                what="ask for help",
                status="done",
                anxiety_predicted=7,
                anxiety_during=3,
                feared_outcome_happened="no" if k % 3 else "partly",
                finished_at=timezone.now() - timedelta(days=span - k * span / experiments),
            )
        if snapshots:
            for who in ("Sister", "Friend", "Manager"):
                do_save_person(
                    {"name": who, "kind": "family", "give": 2, "receive": 2, "energy": 2,
                     "boundary": 2, "trust": 2},
                    actor=person,
                )  # fmt: skip
            for k in range(snapshots):
                snap = do_take_snapshot(actor=person)
                MapSnapshot.objects.filter(pk=snap.pk).update(
                    taken_at=timezone.now() - timedelta(days=span - k * span / snapshots)
                )
        do_save_review("Looking back over the year.", [], actor=person)
        return person

    def best(build: object, runs: int) -> float:
        times = []
        for _ in range(runs):
            cache.clear()  # the reference values are worked out afresh, as on a cold request
            started = time.process_time()
            build()  # type: ignore[operator]
            times.append(time.process_time() - started)
        return min(times)

    try:
        call_command("migrate", verbosity=0)
        print(
            f"{'history':<10} {'a/c/e/s':<17} {'size':>5} {'profile':>9} {'review':>9}"
            f" {'records':>9}"
        )
        figures = {}
        for n, (name, *counts) in enumerate(HISTORIES):
            person = seed(n, *counts)
            data = own_data(person)
            review = data.reviews[-1]

            def profile(person: User = person) -> bytes:
                mine = own_data(person)
                return reports.profile_pdf(mine, mine.assessments[-1], practice_references())

            def review_pdf(person: User = person, review: object = review) -> bytes:
                return reports.review_pdf(own_data(person), review, practice_references())  # type: ignore[arg-type]

            def load(person: User = person) -> None:
                own_data(person)
                practice_references()

            size = report_size(data)
            timings = (best(profile, args.runs), best(review_pdf, args.runs), best(load, args.runs))
            figures[name] = timings
            print(
                f"{name:<10} {'/'.join(map(str, counts)):<17} {size:>5} "
                f"{timings[0] * 1000:>7.0f}ms {timings[1] * 1000:>7.0f}ms"
                f" {timings[2] * 1000:>7.0f}ms"
            )
        small, large = figures["small"], figures["large"]
        print(
            f"large / small: profile {large[0] / small[0]:.1f}x, review {large[1] / small[1]:.1f}x"
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
