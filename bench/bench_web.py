"""Load test of the web app: gunicorn (2 workers, loopback) driven by wrk.

Seeds 100 coaches, 2,000 clients and 100,000 journal entries (encrypted, bulk-created) into a
throwaway SQLite data folder (or the PostgreSQL database given by --database-url, which must be
empty or disposable: its tables are created by migrate), then measures requests per second
and p50/p99 latency for the coach dashboard, a client page, the journal list and a profile,
each beside a bare Django view returning a page of the same size, all in this one run.

It also measures, in this process, the CPU time per request of each key page and of the
*signed-in floor* (a page with the same session, user and base layout and no data) through
Django's test client: with SQLite that is every cost a request has (Python and SQL alike), with
no network or load generator in the way. `--cpu-only` prints just that (no gunicorn or wrk).

Run: PYTHONPATH=src python bench/bench_web.py [--duration 10] [--database-url URL] [--cpu-only]
Needs gunicorn (a dependency) and wrk (Debian package `wrk`) unless `--cpu-only`. Prints
figures measured in this run; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--coaches", type=int, default=100)
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per URL")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database-url", default=None, help="PostgreSQL URL (default SQLite)")
    parser.add_argument(
        "--cpu-only", action="store_true", help="only the in-process CPU per request (no wrk)"
    )
    parser.add_argument("--requests", type=int, default=40, help="requests per page (CPU)")
    return parser.parse_args()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def setup_django(data_dir: Path, database_url: str | None) -> None:
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
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def main() -> None:
    args = parse_args()
    if not args.cpu_only and shutil.which("wrk") is None:
        sys.exit("wrk is not installed (Debian: apt-get install wrk).")
    data_dir = Path(tempfile.mkdtemp(prefix="interplay-bench-"))
    try:
        run(args, data_dir)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def run(args: argparse.Namespace, data_dir: Path) -> None:
    setup_django(data_dir, args.database_url)
    from webbench_seed import seed, session_cookie

    started = time.perf_counter()
    world = seed(args.coaches, args.clients, args.entries)
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh statistics after a bulk load, as a live site has
    print(
        f"Seeded {args.coaches} coaches, {args.clients} clients, {args.entries} journal entries "
        f"and {world.assessments} assessments in {time.perf_counter() - started:.1f} s "
        f"({'PostgreSQL' if args.database_url else 'SQLite'})."
    )
    coach_cookie = session_cookie(world.coach, verified=True)
    client_cookie = session_cookie(world.client)
    pages = [
        ("coach dashboard", "/coach/dashboard/", coach_cookie),
        ("client page", f"/coach/client/{world.client.pk}/", coach_cookie),
        ("journal list", "/journal/", client_cookie),
        ("profile", f"/profile/{world.assessment_pk}/", client_cookie),
    ]
    print_cpu(pages, coach_cookie, args.requests)
    if args.cpu_only:
        return
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), str(HERE)]),
        "DJANGO_SETTINGS_MODULE": "webbench_settings",
    }
    server = subprocess.Popen(  # noqa: S603 - our own interpreter
        [
            sys.executable,
            "-m",
            "gunicorn",
            "interplay.web.wsgi:application",
            "--workers",
            str(args.workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env=env,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base)
        rows = []
        load_before = os.getloadavg()[0]
        floor = load(f"{base}/__bench__/floor/", coach_cookie, args)
        print(
            f"signed-in floor: {floor['rps']:.0f} req/s, p50 {floor['p50']:.2f} ms "
            "(each page's 'floor' column is its req/s over this; the target is >= 0.5)"
        )
        for name, path, cookie in pages:
            size = page_size(base + path, cookie)
            real = load(base + path, cookie, args)
            bare = load(f"{base}/__bench__/bare/{size}/", None, args)
            rows.append((name, size, real, bare))
        print_table(rows, args, floor)
        print(
            f"Load average (1 min) on this {os.cpu_count()}-CPU machine: {load_before:.2f} before "
            f"the load, {os.getloadavg()[0]:.2f} after (other work on the machine skews figures)."
        )
    finally:
        server.terminate()
        server.wait(timeout=20)


def cpu_per_request(path: str, cookie: str, requests: int) -> float:
    """Milliseconds of this process's CPU per request (after three warm-up requests)."""
    from django.test import Client

    browser = Client(HTTP_COOKIE=cookie, HTTP_HOST="127.0.0.1")
    for _ in range(3):
        response = browser.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code} for the signed-in session")
    started = time.process_time()
    for _ in range(requests):
        browser.get(path)
    return (time.process_time() - started) * 1000 / requests


def print_cpu(pages: list[tuple[str, str, str]], coach_cookie: str, requests: int) -> None:
    floor = cpu_per_request("/__bench__/floor/", coach_cookie, requests)
    print(f"\nIn-process CPU per request ({requests} requests each, Django test client)\n")
    print(f"{'page':<18} {'CPU ms':>8} {'x floor':>8}")
    print(f"{'signed-in floor':<18} {floor:>8.2f} {1:>8.2f}")
    for name, path, cookie in pages:
        cost = cpu_per_request(path, cookie, requests)
        print(f"{name:<18} {cost:>8.2f} {cost / floor:>8.2f}")


def wait_until_up(base: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/__bench__/bare/1/", timeout=1)  # noqa: S310
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn did not start")


def page_size(url: str, cookie: str | None) -> int:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        if response.status != 200 or response.geturl() != url:
            raise SystemExit(f"{url} did not answer 200 for the signed-in session")
        return len(response.read())


def load(url: str, cookie: str | None, args: argparse.Namespace) -> dict[str, float]:
    command = [
        "wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{args.duration}s",
        "--latency",
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(  # noqa: S603
        [*command, url], capture_output=True, text=True, check=True
    ).stdout
    return parse_wrk(output)


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(number) * UNITS[unit]


def parse_wrk(output: str) -> dict[str, float]:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"rps": rps, "p50": p50, "p99": p99, "errors": float(errors.group(1)) if errors else 0}


def print_table(rows: list, args: argparse.Namespace, floor: dict[str, float]) -> None:  # type: ignore[type-arg]
    print(
        f"\ngunicorn {args.workers} workers, wrk {args.threads} threads x {args.connections} "
        f"connections, {args.duration} s per URL, loopback\n"
    )
    header = (
        f"{'page':<16} {'bytes':>7} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'bare req/s':>10} {'bare p50':>9} {'bare p99':>9} {'req/s ratio':>11} {'p50 ratio':>9} "
        f"{'floor':>6}"
    )
    print(header)
    print("-" * len(header))
    for name, size, real, bare in rows:
        print(
            f"{name:<16} {size:>7} {real['rps']:>8.0f} {real['p50']:>8.2f} {real['p99']:>8.2f} "
            f"{bare['rps']:>10.0f} {bare['p50']:>9.2f} {bare['p99']:>9.2f} "
            f"{real['rps'] / bare['rps']:>11.2f} {real['p50'] / bare['p50']:>9.2f} "
            f"{real['rps'] / floor['rps']:>6.2f}"
        )
        if real["errors"] or bare["errors"]:
            print(
                f"  warning: non-2xx answers: page {real['errors']:.0f}, bare {bare['errors']:.0f}"
            )
    print("\nratio = the page's figure / the bare view's figure for the same number of bytes.")


if __name__ == "__main__":
    main()
