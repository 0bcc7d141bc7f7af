"""Where one of bench_web's key pages spends its time: cProfile over N requests in process.

Seeds a SQLite folder the way bench/bench_web.py does (kept, so a second run skips seeding)
and profiles the named pages through Django's test client, printing the top functions by
cumulative and by own time.

Run: PYTHONPATH=src python bench/profile_web.py --data /tmp/profile-web [--entries 100k] \
         [--requests 50] [--database-url postgres://...] \
         dashboard client planner journal profile floor
`seed` as the only page seeds the folder and stops. With --database-url, give it a --data
folder of its own: the folder remembers what was seeded.
Prints what it measured in this run; nothing is asserted.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_web import setup_django, size  # noqa: E402  # the bench's own set-up


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="a folder kept between runs")
    parser.add_argument("--entries", type=size, default=100_000)
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--per-coach", type=int, default=20)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=0, help="time only, best of N rounds")
    parser.add_argument(
        "--database-url", help="a PostgreSQL database to seed once and keep (default: SQLite)"
    )
    parser.add_argument("pages", nargs="+")
    args = parser.parse_args()
    args.data.mkdir(parents=True, exist_ok=True)
    setup_django(args.data, args.database_url)
    from django.db import connection
    from django.test import Client
    from webbench_seed import seed, session_cookie

    from interplay.web.accounts.models import User

    world_file = args.data / "world.json"
    if not world_file.exists():
        world = seed(max(1, args.clients // args.per_coach), args.clients, args.entries)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh statistics after a bulk load, as bench_web
        world_file.write_text(
            json.dumps(
                {
                    "coach": world.coach.pk,
                    "client": world.client.pk,
                    "assessment": world.assessment_pk,
                }
            )
        )
    if args.pages == ["seed"]:  # seeding only (for bench/callgrind_web.py)
        return
    ids = json.loads(world_file.read_text())
    coach = User.objects.get(pk=ids["coach"])
    client = User.objects.get(pk=ids["client"])
    coach_cookie, client_cookie = session_cookie(coach, verified=True), session_cookie(client)
    paths = {
        "floor": ("/__bench__/floor/", coach_cookie),
        "dashboard": ("/coach/dashboard/", coach_cookie),
        "client": (f"/coach/client/{client.pk}/", coach_cookie),
        "planner": (f"/coach/client/{client.pk}/plan/", coach_cookie),
        "journal": ("/journal/", client_cookie),
        "profile": (f"/profile/{ids['assessment']}/", client_cookie),
        "client-profile": (f"/coach/client/{client.pk}/profile/", coach_cookie),
        "client-history": (f"/coach/client/{client.pk}/history/", coach_cookie),
        "client-journal": (f"/coach/client/{client.pk}/journal/", coach_cookie),
        "client-notes": (f"/coach/client/{client.pk}/sessions/", coach_cookie),
        "client-practice": (f"/practice/coach/clients/{client.pk}/", coach_cookie),
    }
    if args.rounds:  # timings only: interleaved rounds, the best kept (as bench_web does)
        best = {name: float("inf") for name in args.pages}
        browsers = {}
        for name in args.pages:
            path, cookie = paths[name]
            browsers[name] = Client(HTTP_COOKIE=cookie, HTTP_HOST="127.0.0.1")
            for _ in range(3):
                assert browsers[name].get(path).status_code == 200, path
        for _ in range(args.rounds):
            for name in args.pages:
                started = time.process_time()
                for _ in range(args.requests):
                    browsers[name].get(paths[name][0])
                spent = (time.process_time() - started) * 1000 / args.requests
                best[name] = min(best[name], spent)
        floor = best.get("floor")
        for name, figure in best.items():
            ratio = f"  x floor {figure / floor:.2f}" if floor else ""
            print(f"{name:<10} {figure:6.2f} ms{ratio}")
        return
    for name in args.pages:
        path, cookie = paths[name]
        browser = Client(HTTP_COOKIE=cookie, HTTP_HOST="127.0.0.1")
        for _ in range(3):
            assert browser.get(path).status_code == 200, path
        started = time.process_time()
        for _ in range(args.requests):
            browser.get(path)
        plain = (time.process_time() - started) * 1000 / args.requests
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.requests):
            browser.get(path)
        profiler.disable()
        print(f"\n===== {name} {path}: {plain:.2f} ms CPU a request (without the profiler)")
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(args.top)
        stats.sort_stats("cumulative").print_stats("interplay", args.top)
        stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
