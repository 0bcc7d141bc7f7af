"""The coach's and client's key pages against the signed-in floor, at several sizes, on SQLite
and PostgreSQL, in one run.

For each database and each size (journal entries in the whole site, clients per coach) a child
process seeds a fresh database (a throwaway SQLite folder, or a new database on the PostgreSQL
server given by --postgres-url, dropped afterwards) and measures, in its own process through
Django's test client, the CPU time per request of the *signed-in floor* (a page with the same
session, user, two-factor check and base layout and no data) and of each key page: the coach
dashboard, a client page, the session planner, the client's journal list and profile. With
SQLite that is every cost a request has (Python and SQL alike); on PostgreSQL it is this
process's part (the server's CPU is not counted). Then it prints:

- each key page as a ratio to the floor (the issue's target: at most 2, i.e. at least half the
  floor's throughput), at the main size;
- CPU per request at every size, and the largest size's over the smallest (target: at most 1.5).

Without --cpu-only it also loads the main size's pages under gunicorn with wrk (needs the
Debian package `wrk`), each beside a bare view of the same size and the floor.

Run: PYTHONPATH=src python bench/bench_web.py --cpu-only                  # the whole matrix
     PYTHONPATH=src python bench/bench_web.py --cpu-only --entries 10k --per-coach 20 \
         --databases sqlite                                                   # a short run
Prints figures measured in this run; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
PAGES = ("coach dashboard", "client page", "session planner", "journal list", "profile")
# The client page is an overview with its sections as their own pages: each is measured and
# printed too, so no cost hides behind a tab.
SECTIONS = (
    "client: profile",
    "client: history",
    "client: journal",
    "client: practice",
    "client: notes",
)
MARK = "BENCH-RESULT "
SERVER = "server: "  # a result's key for the database server's part of a page's CPU


def size(text: str) -> int:
    text = text.strip().lower().replace("_", "")
    for suffix, factor in (("k", 1_000), ("m", 1_000_000)):
        if text.endswith(suffix):
            return int(float(text[:-1]) * factor)
    return int(text)


def sizes(text: str) -> list[int]:
    return [size(part) for part in text.split(",") if part.strip()]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--databases", default="sqlite,postgres", help="sqlite, postgres or both")
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
        help="a PostgreSQL server where the bench may create and drop its own databases",
    )
    parser.add_argument("--entries", type=sizes, default=sizes("10k,100k,1M"))
    parser.add_argument("--per-coach", type=sizes, default=sizes("20,200"))
    parser.add_argument("--main-entries", type=size, default=100_000, help="size of the ratios")
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=30, help="requests per page per round")
    parser.add_argument("--rounds", type=int, default=3, help="best of this many rounds")
    parser.add_argument("--cpu-only", action="store_true", help="no gunicorn or wrk")
    parser.add_argument("--duration", type=int, default=10, help="wrk: seconds per URL")
    parser.add_argument(
        "--load-rounds", type=int, default=3, help="wrk: floor-then-page rounds per page"
    )
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--workers", type=int, default=None, help="gunicorn processes (default: as `serve`)"
    )
    parser.add_argument(
        "--server",
        choices=("serve", "sync"),
        default="serve",
        help="serve: the gunicorn command `interplay serve` runs (gthread); sync: gunicorn's "
        "default sync workers",
    )
    parser.add_argument("--child", choices=("sqlite", "postgres"), help=argparse.SUPPRESS)
    parser.add_argument("--load", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args()


def configurations(args: argparse.Namespace) -> list[tuple[int, int]]:
    """(entries, clients per coach): every entry size at the first per-coach figure, then each
    other per-coach figure at the main entry size."""
    first = args.per_coach[0]
    main = args.main_entries if args.main_entries in args.entries else args.entries[0]
    chosen = [(entries, first) for entries in args.entries]
    chosen += [(main, per_coach) for per_coach in args.per_coach[1:]]
    return chosen


def main() -> None:
    args = parse_args()
    if args.workers is None:
        sys.path.insert(0, str(SRC))
        from interplay.commands.web import default_workers

        args.workers = default_workers()
    if args.child:
        child(args)
        return
    if not args.cpu_only and shutil.which("wrk") is None:
        sys.exit("wrk is not installed (Debian: apt-get install wrk); or run with --cpu-only.")
    chosen = configurations(args)
    main_size = chosen[min(range(len(chosen)), key=lambda i: abs(chosen[i][0] - args.main_entries))]
    results: dict[str, dict[tuple[int, int], dict[str, float]]] = {}
    for database in [d.strip() for d in args.databases.split(",") if d.strip()]:
        results[database] = {}
        for entries, per_coach in chosen:
            load = not args.cpu_only and (entries, per_coach) == main_size
            results[database][(entries, per_coach)] = run_child(
                args, database, entries, per_coach, load
            )
    report(results, main_size)


def run_child(
    args: argparse.Namespace, database: str, entries: int, per_coach: int, load: bool
) -> dict[str, float]:
    command = [
        sys.executable,
        __file__,
        "--child",
        database,
        "--entries",
        str(entries),
        "--per-coach",
        str(per_coach),
        "--clients",
        str(args.clients),
        "--requests",
        str(args.requests),
        "--rounds",
        str(args.rounds),
        "--postgres-url",
        args.postgres_url,
        "--duration",
        str(args.duration),
        "--connections",
        str(args.connections),
        "--load-rounds",
        str(args.load_rounds),
        "--threads",
        str(args.threads),
        "--workers",
        str(args.workers),
        "--server",
        args.server,
    ]
    if load:
        command.append("--load")
    print(f"== {database}: {entries:,} entries, {per_coach} clients per coach", flush=True)
    output = subprocess.run(command, text=True, check=True, stdout=subprocess.PIPE)  # noqa: S603
    found: dict[str, float] = {}
    for line in output.stdout.splitlines():
        if line.startswith(MARK):
            found = json.loads(line[len(MARK) :])
            print(
                "   "
                + ", ".join(
                    f"{name} {figure:.2f}"
                    for name, figure in found.items()
                    if not name.startswith(SERVER)
                )
            )
        else:
            print(line)
    return found


def report(
    results: dict[str, dict[tuple[int, int], dict[str, float]]], main_size: tuple[int, int]
) -> None:
    names = {"sqlite": "SQLite", "postgres": "PostgreSQL"}
    print(
        f"\nKey pages against the signed-in floor ({main_size[0]:,} entries, "
        f"{main_size[1]} clients per coach)"
    )
    print(
        "CPU ms per request in process, best of the rounds; x floor = page / floor (target <= 2)\n"
    )
    header = f"{'page':<18}" + "".join(f"{names[d] + ' ms':>16}{'x floor':>9}" for d in results)
    print(header)
    print("-" * len(header))
    for page in ("signed-in floor", *PAGES, *SECTIONS):
        cells = ""
        for database in results:
            row = results[database][main_size]
            cells += f"{row[page]:>16.2f}{row[page] / row['signed-in floor']:>9.2f}"
        print(f"{page:<18}{cells}")
    if "postgres" in results:
        row = results["postgres"][main_size]
        floor = row["signed-in floor"] + row[SERVER + "signed-in floor"]
        print(
            "\nPostgreSQL: this process and the database server's backend together, CPU ms per "
            "request (both run on this machine's cores)\n"
        )
        header = f"{'page':<18}{'process':>10}{'server':>10}{'total':>10}{'x floor':>9}"
        print(header)
        print("-" * len(header))
        for page in ("signed-in floor", *PAGES, *SECTIONS):
            total = row[page] + row[SERVER + page]
            print(
                f"{page:<18}{row[page]:>10.2f}{row[SERVER + page]:>10.2f}{total:>10.2f}"
                f"{total / floor:>9.2f}"
            )
    for database, by_size in results.items():
        chosen = list(by_size)
        print(
            f"\n{names[database]}: CPU ms per request by size (target: largest / smallest <= 1.5)\n"
        )
        labels = [
            f"{e // 1000:,}k/{p}" if e < 1_000_000 else f"{e / 1e6:g}M/{p}" for e, p in chosen
        ]
        header = f"{'page':<18}" + "".join(f"{label:>11}" for label in labels) + f"{'max/min':>9}"
        print(header)
        print("-" * len(header))
        for page in ("signed-in floor", *PAGES, *SECTIONS):
            figures = [by_size[key][page] for key in chosen]
            cells = "".join(f"{figure:>11.2f}" for figure in figures)
            print(f"{page:<18}{cells}{max(figures) / min(figures):>9.2f}")
        seeds = ", ".join(
            f"{label} {by_size[key]['seed seconds']:.0f} s"
            for label, key in zip(labels, chosen, strict=True)
        )
        print(f"(columns: entries / clients per coach; seeding took {seeds})")


# ---- the child: one database, one size ---------------------------------------------------


def child(args: argparse.Namespace) -> None:
    # A stopped run still removes its folder and drops its database (the `finally` below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))
    data_dir = Path(tempfile.mkdtemp(prefix="interplay-bench-"))
    database_url = None
    if args.child == "postgres":
        database_url = create_postgres_database(args.postgres_url)
    try:
        setup_django(data_dir, database_url)
        measure(args)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
        if database_url:
            from django.db import connections

            connections.close_all()
            drop_postgres_database(args.postgres_url, database_url)


def _server_url(base: str, name: str) -> str:
    parts = urlsplit(base)
    return urlunsplit(parts._replace(path=f"/{name}"))


def create_postgres_database(base: str) -> str:
    import psycopg

    name = f"interplay_bench_{os.getpid()}"
    with psycopg.connect(base, autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}"')
        server.execute(f'CREATE DATABASE "{name}"')
    return _server_url(base, name)


def drop_postgres_database(base: str, url: str) -> None:
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(base, autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def setup_django(data_dir: Path, database_url: str | None, *, migrate: bool = True) -> None:
    os.environ["INTERPLAY_DATA_DIR"] = str(data_dir)
    os.environ["INTERPLAY_DEBUG"] = "0"
    os.environ["DJANGO_SETTINGS_MODULE"] = "webbench_settings"
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    sys.path[:0] = [str(SRC), str(HERE)]
    import django

    django.setup()
    if not migrate:  # a folder seeded before (bench/callgrind_web.py): no start-up to count
        return
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def measure(args: argparse.Namespace) -> None:
    from django.db import connection
    from webbench_seed import seed, session_cookie

    started = time.perf_counter()
    coaches = max(1, args.clients // args.per_coach[0])
    world = seed(coaches, args.clients, args.entries[0])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh statistics after a bulk load, as a live site has
    seeded = time.perf_counter() - started
    print(
        f"   seeded {coaches} coaches, {args.clients} clients, {args.entries[0]:,} entries "
        f"in {seeded:.1f} s"
    )
    coach_cookie = session_cookie(world.coach, verified=True)
    client_cookie = session_cookie(world.client)
    pages = [
        ("coach dashboard", "/coach/dashboard/", coach_cookie),
        ("client page", f"/coach/client/{world.client.pk}/", coach_cookie),
        ("session planner", f"/coach/client/{world.client.pk}/plan/", coach_cookie),
        ("journal list", "/journal/", client_cookie),
        ("profile", f"/profile/{world.assessment_pk}/", client_cookie),
        ("client: profile", f"/coach/client/{world.client.pk}/profile/", coach_cookie),
        ("client: history", f"/coach/client/{world.client.pk}/history/", coach_cookie),
        ("client: journal", f"/coach/client/{world.client.pk}/journal/", coach_cookie),
        ("client: practice", f"/practice/coach/clients/{world.client.pk}/", coach_cookie),
        ("client: notes", f"/coach/client/{world.client.pk}/sessions/", coach_cookie),
    ]
    every = [("signed-in floor", "/__bench__/floor/", coach_cookie), *pages]
    best = {name: float("inf") for name, _, _ in every}
    server = {name: 0.0 for name, _, _ in every}
    for _ in range(args.rounds):  # rounds interleave the pages, so a busy moment hits all alike
        for name, path, cookie in every:
            app, backend = cpu_per_request(path, cookie, args.requests)
            if app + backend < best[name] + server[name]:  # the round with least work in all
                best[name], server[name] = app, backend
    found = {**best, "seed seconds": seeded}
    if connection.vendor == "postgresql":
        found |= {f"{SERVER}{name}": figure for name, figure in server.items()}
    print(MARK + json.dumps(found))
    if args.load:
        from webbench_load import load_pages

        load_pages(pages, coach_cookie, args)


def backend_cpu_ns() -> int | None:
    """CPU time (ns) the PostgreSQL server process behind this thread's connection has used,
    read from /proc (the server runs on this machine); None where it cannot be read."""
    from django.db import connection

    if connection.vendor != "postgresql" or connection.connection is None:
        return None
    pid = connection.connection.info.backend_pid
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def cpu_per_request(path: str, cookie: str, requests: int) -> tuple[float, float]:
    """Milliseconds of CPU per request (after three warm-up requests): this process's, and on
    PostgreSQL the server backend's that answered its queries (0 on SQLite, where the
    database's work is this process's)."""
    from django.db import connection
    from django.test import Client

    browser = Client(HTTP_COOKIE=cookie, HTTP_HOST="127.0.0.1")
    for _ in range(3):
        response = browser.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code} for the signed-in session")
    backend_before = backend_cpu_ns()
    pid = connection.connection.info.backend_pid if backend_before is not None else None
    started = time.process_time()
    for _ in range(requests):
        browser.get(path)
    app = (time.process_time() - started) * 1000 / requests
    backend_after = backend_cpu_ns()
    if backend_before is None or backend_after is None:
        return app, 0.0
    if connection.connection.info.backend_pid != pid:
        raise SystemExit("the database connection was replaced during a measurement")
    return app, (backend_after - backend_before) / 1e6 / requests


if __name__ == "__main__":
    main()
