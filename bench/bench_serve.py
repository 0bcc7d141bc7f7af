"""`interplay serve` (gunicorn) against `interplay serve --dev` (Django's development server),
measured in one run with wrk on this machine: the sign-in page for a visitor, and a signed-in
client's journal through the API (a token, 20 entries, the real lookups and decryption).

Prints requests per second and latency percentiles per server and path, and the ratio of
gunicorn to the development server. Needs wrk (Debian package `wrk`).

    .venv/bin/python bench/bench_serve.py [--seconds 10] [--connections 8]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ENTRIES = 20


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own server
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"server at {url} did not start")


def prepare(env: dict[str, str]) -> str:
    """Migrate the throwaway data folder, make a client with entries, return a token."""
    script = f"""
import django; django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from interplay.web.accounts.models import User
from interplay.web.api.actions import do_create_access_token
from interplay.web.journal.actions import do_save_entry
user = User.objects.create_user("bench@client.test", None, name="Bench")
for n in range({ENTRIES}):
    do_save_entry(f"Day {{n}}", "I said yes again when I meant no; then I was tired.", actor=user)
print(do_create_access_token("bench", ["read:own"], actor=user).secret)
"""
    made = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    return made.stdout.strip().splitlines()[-1]


def wrk(url: str, seconds: int, connections: int, header: str | None) -> dict[str, float]:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if header:
        command[1:1] = ["-H", header]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}
    for pct in ("50", "90", "99"):
        value, unit = re.search(rf"\s{pct}%\s+([\d.]+)(us|ms|s)", out).groups()
        result[f"p{pct}"] = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    result["errors"] = float(errors.group(1)) if errors else 0.0
    return result


def start(dev: bool, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    command = [sys.executable, "-m", "interplay", "serve", "--port", str(port), "--no-worker"]
    server = subprocess.Popen(
        [*command, "--dev"] if dev else command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    wait_until_up(f"{base}/accounts/login/")
    return server, base


def median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def measure(servers: dict[str, str], token: str, args: argparse.Namespace) -> dict:
    """Both servers run side by side; each round measures every path on each server in turn
    (the order alternating), so a burst of other work on a shared machine falls on both. The
    median round is kept."""
    auth = f"Authorization: Bearer {token}"
    paths = {
        "sign-in page": ("/accounts/login/", None),
        "API journal list": ("/api/v1/journal", auth),
    }
    for base in servers.values():  # warm every process: imports, the language engine
        for path, header in paths.values():
            wrk(base + path, 3, args.connections, header)
    rounds: dict[str, dict[str, list[dict[str, float]]]] = {
        name: {label: [] for label in paths} for name in servers
    }
    for number in range(args.rounds):
        order = list(servers) if number % 2 == 0 else list(reversed(servers))
        for name in order:
            for label, (path, header) in paths.items():
                rounds[name][label].append(
                    wrk(servers[name] + path, args.seconds, args.connections, header)
                )
    return {
        name: {
            label: {key: median([r[key] for r in runs]) for key in runs[0]}
            for label, runs in by_path.items()
        }
        for name, by_path in rounds.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")
    folder = tempfile.mkdtemp(prefix="interplay-bench-serve-")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "INTERPLAY_"))}
    env |= {"INTERPLAY_DATA_DIR": folder, "DJANGO_SETTINGS_MODULE": "interplay.web.settings"}
    env["INTERPLAY_API_REQUESTS_PER_MINUTE"] = "1000000"  # measure serving, not the throttle
    from interplay.commands.web import THREADS, default_workers

    running: list[subprocess.Popen[bytes]] = []
    try:
        token = prepare(env)
        servers = {}
        for name, dev in (
            (f"gunicorn ({default_workers()}x{THREADS})", False),
            ("runserver (--dev)", True),
        ):
            server, base = start(dev, env)
            running.append(server)
            servers[name] = base
        results = measure(servers, token, args)
    finally:
        for server in running:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=60)
        shutil.rmtree(folder, ignore_errors=True)
    load = os.getloadavg()[0]
    print(
        f"{os.cpu_count()} CPUs (load average {load:.1f}), wrk -t2 -c{args.connections} "
        f"-d{args.seconds}s, median of {args.rounds} interleaved rounds, SQLite"
    )
    heads = ("req/s", "p50 ms", "p90 ms", "p99 ms")
    print(f"{'server':24} {'path':18} " + " ".join(f"{h:>8}" for h in heads) + "  errors")
    for server, paths in results.items():
        for path, r in paths.items():
            print(
                f"{server:24} {path:18} {r['rps']:8.1f} {r['p50']:8.1f} {r['p90']:8.1f} "
                f"{r['p99']:8.1f} {r['errors']:7.0f}"
            )
    gunicorn, dev = results.values()
    for path in gunicorn:
        print(f"gunicorn / runserver, {path}: {gunicorn[path]['rps'] / dev[path]['rps']:.1f}x")


if __name__ == "__main__":
    main()
