"""The load half of bench/bench_web.py: gunicorn on loopback driven by wrk, each page beside
a bare view of the same size and the signed-in floor."""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def load_pages(
    pages: list[tuple[str, str, str]], coach_cookie: str, args: argparse.Namespace
) -> None:
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), str(HERE)]),
        "DJANGO_SETTINGS_MODULE": "webbench_settings",
    }
    if args.server == "serve":
        # What `interplay serve` runs: gthread workers, its threads and timeout, the access log
        # (written and thrown away here, so its cost is counted).
        from interplay.commands.web import server_command

        command = server_command("127.0.0.1", port, args.workers)
    else:  # gunicorn's default sync workers, the bench's configuration before 6 December
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "interplay.web.wsgi:application",
            "--workers",
            str(args.workers),
            "--bind",
            f"127.0.0.1:{port}",
        ]
    server = subprocess.Popen(  # noqa: S603 - our own interpreter
        [*command, "--log-level", "warning"], env=env, stdout=subprocess.DEVNULL
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base)
        rows = []
        load_before = os.getloadavg()[0]
        floors = []
        for name, path, cookie in pages:
            size = page_size(base + path, cookie)
            # The floor is loaded just before each of the page's rounds, and each round's ratio
            # is over that one: the machine's load drifts over a run of minutes (other
            # sessions share it), and a ratio of two neighbouring windows drifts least. The
            # median of the rounds is printed, with their spread.
            rounds = []
            for _ in range(args.load_rounds):
                floor = load(f"{base}/__bench__/floor/", coach_cookie, args)
                rounds.append((floor, load(base + path, cookie, args)))
                floors.append(floor["rps"])
            bare = load(f"{base}/__bench__/bare/{size}/", None, args)
            rows.append((name, size, rounds, bare))
        print(
            f"signed-in floor: {min(floors):.0f} to {max(floors):.0f} req/s over the run "
            f"(each page's 'floor' column is the median over {args.load_rounds} rounds of its "
            "req/s over the floor loaded just before it; the target is >= 0.5)"
        )
        print_table(rows, args)
        print(
            f"Load average (1 min) on this {os.cpu_count()}-CPU machine: {load_before:.2f} before "
            f"the load, {os.getloadavg()[0]:.2f} after (other work on the machine skews figures)."
        )
    finally:
        server.terminate()
        server.wait(timeout=20)


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
        # A new connection for every request, as many visitors' browsers make. With kept-alive
        # connections all sixteen are accepted at the start, and one gthread worker may take
        # most of them: the same bare view then measured about 1,100 or 2,900 req/s by luck
        # (6 December). Accepting each request spreads them over the workers.
        "-H",
        "Connection: close",
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(  # noqa: S603
        [*command, url], capture_output=True, text=True, check=True
    ).stdout
    return parse_wrk(output)


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(number) * UNITS[unit]


def parse_wrk(output: str) -> dict[str, float]:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"rps": rps, "p50": p50, "p99": p99, "errors": float(errors.group(1)) if errors else 0}


def print_table(rows: list, args: argparse.Namespace) -> None:  # type: ignore[type-arg]
    print(
        f"\ngunicorn {args.workers} workers ({args.server}), wrk {args.threads} threads x "
        f"{args.connections} connections, {args.duration} s per URL, loopback\n"
    )
    header = (
        f"{'page':<16} {'bytes':>7} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'bare req/s':>10} {'bare p50':>9} {'bare p99':>9} {'req/s ratio':>11} {'p50 ratio':>9} "
        f"{'floor':>6} {'rounds':>9}"
    )
    print(header)
    print("-" * len(header))
    for name, size, rounds, bare in rows:
        ratios = sorted(real["rps"] / floor["rps"] for floor, real in rounds)
        real = sorted((real for _, real in rounds), key=lambda run: run["rps"])[len(rounds) // 2]
        print(
            f"{name:<16} {size:>7} {real['rps']:>8.0f} {real['p50']:>8.2f} {real['p99']:>8.2f} "
            f"{bare['rps']:>10.0f} {bare['p50']:>9.2f} {bare['p99']:>9.2f} "
            f"{real['rps'] / bare['rps']:>11.2f} {real['p50'] / bare['p50']:>9.2f} "
            f"{statistics.median(ratios):>6.2f} {ratios[0]:>5.2f}-{ratios[-1]:.2f}"
        )
        errors = sum(real["errors"] for _, real in rounds)
        if errors or bare["errors"]:
            print(f"  warning: non-2xx answers: page {errors:.0f}, bare {bare['errors']:.0f}")
    print("\nratio = the page's figure / the bare view's figure for the same number of bytes.")
