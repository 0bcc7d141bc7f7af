"""Interplay at scale on PostgreSQL: the mixed load (80% page reads by signed-in clients and
coaches, 20% journal writes through the API) against 1, 2 and 4 gunicorn worker processes
(gthread, 2 threads each) that share one Redis (the cache and the API's request counters) and
one PostgreSQL database, each configuration once straight to PostgreSQL and once through
pgbouncer in transaction mode (when pgbouncer is installed). All in one run, so the ratios
compare like with like on this shared machine.

Prints throughput, latency p50/p95/p99 and errors per configuration, and the scaling ratio
(throughput against the one-process configuration on the same database path).

    .venv/bin/python bench/bench_scale.py [--seconds 15] [--rounds 2] [--connections 16]
        [--processes 1,2,4] [--coaches 20 --clients 400 --entries 40000]
        [--database-url postgres://postgres@127.0.0.1:5432/interplay_bench_scale]

The database named by --database-url is dropped and made afresh, then filled by
`interplay seed`. Needs wrk, redis-server and PostgreSQL (pgbouncer optional; Debian packages).
"""

from __future__ import annotations

import argparse
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

THREADS = 2
WRITE_SHARE = 0.2
READERS = 40  # signed-in clients (and coaches, one in five) whose pages are read
WRITERS = 40  # clients whose tokens write journal entries

LUA = r"""
local reads = %(reads)s
local tokens = %(tokens)s
local body = '{"title": "After the call", "body": "I said yes again when I meant no. ' ..
  'Later I noticed I was tired, and I asked my sister for help with the weekend."}'
local write_share = %(write_share)s
math.randomseed(os.time() + math.floor(os.clock() * 1000000))
request = function()
  if math.random() < write_share then
    local token = tokens[math.random(#tokens)]
    return wrk.format("POST", "/api/v1/journal",
      {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
  end
  local read = reads[math.random(#reads)]
  return wrk.format("GET", read[1], {["Cookie"] = read[2]}, nil)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %%d, "seconds": %%f, "p50": %%f, "p95": %%f, "p99": %%f, ' ..
    '"status": %%d, "connect": %%d, "read": %%d, "write": %%d, "timeout": %%d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect, e.read, e.write, e.timeout))
end
"""

PREPARE = """
import json, time
import django; django.setup()
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.conf import settings
from interplay.web.accounts.models import CoachingRelationship, User
from interplay.web.api.actions import do_create_access_token
from interplay.web.journal.models import Entry

def cookie(user, coach):
    # What allauth keeps in the session after a sign-in (and, for a coach, two-factor).
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "allauth.account.auth_backends.AuthenticationBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    records = [{"method": "password", "at": time.time(), "email": user.email}]
    if coach:
        records.append({"method": "mfa", "at": time.time(), "type": "totp"})
    session["account_authentication_methods"] = records
    session["account_authentication_methods_user"] = str(user.pk)
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"

reads = []
clients = list(User.objects.filter(role="client").order_by("pk")[:READERS])
for client in clients[: READERS * 4 // 5]:
    jar = cookie(client, False)
    entry = Entry.objects.filter(owner=client).order_by("-created_at").first()
    reads += [["/", jar], ["/journal/", jar], ["/progress/", jar]]
    if entry is not None:
        reads.append([f"/journal/{entry.pk}/", jar])
for coach in User.objects.filter(role="coach").order_by("pk")[: READERS // 5]:
    jar = cookie(coach, True)
    reads.append(["/coach/", jar])
    for link in CoachingRelationship.objects.filter(coach=coach)[:3]:
        reads.append([f"/coach/client/{link.client_id}/", jar])
writers = User.objects.filter(role="client").order_by("-pk")[:WRITERS]
tokens = [do_create_access_token("bench", ["read:own", "write:journal"], actor=u).secret
          for u in writers]
# CPU per request in this one process (steadier than wrk on a shared machine): each page of
# the mix twice after a first load, and journal writes through the API.
from django.test import Client
def cpu_ms(send):
    started = time.thread_time()
    answer = send()
    assert answer.status_code in (200, 201), answer.status_code
    return (time.thread_time() - started) * 1000
browser = Client(HTTP_HOST="127.0.0.1")
read_ms = []
for read in reads:
    path, jar = read
    name, value = jar.split("=", 1)
    browser.cookies[name] = value
    # A page that redirects (the coach's start page) is read where it leads, so every
    # timed read renders a page.
    first = browser.get(path, follow=True)
    if first.redirect_chain:
        read[0] = path = first.redirect_chain[-1][0]
    read_ms += [cpu_ms(lambda: browser.get(path)) for _ in range(2)]
body = json.dumps({"title": "After the call", "body": "I said yes again when I meant no."})
auth = {"HTTP_AUTHORIZATION": "Bearer " + tokens[0]}
post = lambda: Client(HTTP_HOST="127.0.0.1").post(
    "/api/v1/journal", body, content_type="application/json", **auth)
post()
write_ms = [cpu_ms(post) for _ in range(15)]
median = lambda xs: sorted(xs)[len(xs) // 2]
cpu = {"read_ms": median(read_ms), "write_ms": median(write_ms)}
print("PREPARED " + json.dumps({"reads": reads, "tokens": tokens, "cpu": cpu}))
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise SystemExit(f"nothing listens on port {port}")


def run(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[:4])} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def fresh_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = url.replace(parts.path, "/postgres", 1)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def start_redis() -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"]
        + ["--bind", "127.0.0.1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for_port(port)
    return server, port


def start_pgbouncer(url: str, folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    """pgbouncer in transaction mode in front of the database; it refuses to run as root, so it
    runs as the postgres user when started by root."""
    parts = urlsplit(url)
    port = free_port()
    folder.mkdir(mode=0o755)
    user = parts.username or "postgres"
    (folder / "users.txt").write_text(f'"{user}" "{parts.password or ""}"\n')
    (folder / "pgbouncer.ini").write_text(
        f"""[databases]
bench = host={parts.hostname} port={parts.port or 5432} dbname={parts.path.lstrip("/")}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {port}
unix_socket_dir =
auth_type = trust
auth_file = {folder}/users.txt
pool_mode = transaction
default_pool_size = 8
max_client_conn = 200
ignore_startup_parameters = extra_float_digits,options
logfile = {folder}/pgbouncer.log
"""
    )
    command = ["pgbouncer", str(folder / "pgbouncer.ini")]
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        for path in folder.iterdir():
            os.chown(path, owner.pw_uid, owner.pw_gid)
        command = ["runuser", "-u", "postgres", "--", *command]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_port(port)
    auth = f"{user}:{parts.password}@" if parts.password else f"{user}@"
    return server, f"postgres://{auth}127.0.0.1:{port}/bench"


def start_gunicorn(processes: int, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "interplay.web.wsgi:application"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", str(processes)]
    command += ["--worker-class", "gthread", "--threads", str(THREADS), "--timeout", "120"]
    command += ["--no-control-socket"]
    server = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/accounts/login/", timeout=5):  # noqa: S310
                return server, base
        except (OSError, urllib.error.URLError):
            time.sleep(0.3)
    raise SystemExit("gunicorn did not start")


def stop(server: subprocess.Popen[bytes], group: bool = False) -> None:
    if server.poll() is None:
        if group:
            os.killpg(server.pid, signal.SIGTERM)
        else:
            server.terminate()
        try:
            server.wait(timeout=40)
        except subprocess.TimeoutExpired:
            server.kill()


def check_reads(base: str, reads: list[list[str]]) -> None:
    """Every page in the mix answers 200 to its signed-in person before anything is timed."""
    for path, jar in {tuple(r): None for r in reads}:
        request = urllib.request.Request(base + path, headers={"Cookie": jar})
        try:
            with urllib.request.urlopen(request, timeout=120) as answer:  # noqa: S310
                status = answer.status
        except urllib.error.HTTPError as error:
            status = error.code
        if status != 200:
            raise SystemExit(f"{path} answered {status} to its signed-in reader")


def wrk(base: str, script: Path, seconds: int, connections: int) -> dict[str, float]:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
    out = subprocess.run(
        [*command, "-s", str(script), base], capture_output=True, text=True, check=True
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("RESULT "))
    result: dict[str, float] = json.loads(line.removeprefix("RESULT "))
    result["rps"] = result["requests"] / result["seconds"]
    result["errors"] = sum(result[k] for k in ("status", "connect", "read", "write", "timeout"))
    return result


def _combined(runs: list[dict[str, float]]) -> dict[str, float]:
    """Rounds of one configuration together: all requests over all seconds, the mean of the
    percentiles and every error."""
    requests = sum(r["requests"] for r in runs)
    seconds = sum(r["seconds"] for r in runs)
    joined = {key: sum(r[key] for r in runs) / len(runs) for key in ("p50", "p95", "p99")}
    joined |= {"rps": requests / seconds, "errors": sum(r["errors"] for r in runs)}
    return joined


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=15, help="per configuration and round")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--warm", type=int, default=8, help="seconds of load before each")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--processes", default="1,2,4")
    parser.add_argument("--coaches", type=int, default=20)
    parser.add_argument("--clients", type=int, default=400)
    parser.add_argument("--entries", type=int, default=40_000)
    parser.add_argument("--no-pgbouncer", action="store_true")
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/interplay_bench_scale"
        ),
    )
    args = parser.parse_args()
    for tool in ("wrk", "redis-server"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is not installed (Debian: apt-get install {tool})")
    bouncer = shutil.which("pgbouncer") and not args.no_pgbouncer
    counts = [int(n) for n in args.processes.split(",")]
    folder = Path(tempfile.mkdtemp(prefix="interplay-bench-scale-"))
    os.chmod(folder, 0o755)
    running: list[tuple[subprocess.Popen[bytes], bool]] = []
    try:
        redis, redis_port = start_redis()
        running.append((redis, False))
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "INTERPLAY_"))}
        env |= {
            "INTERPLAY_DATA_DIR": str(folder / "data"),
            "DJANGO_SETTINGS_MODULE": "interplay.web.settings",
            "DATABASE_URL": args.database_url,
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "INTERPLAY_API_REQUESTS_PER_MINUTE": "1000000000",  # measure serving, not the limit
            "INTERPLAY_LOG_LEVEL": "WARNING",
        }
        fresh_database(args.database_url)
        interplay = [sys.executable, "-m", "interplay"]
        started = time.monotonic()
        size = ["--coaches", str(args.coaches), "--clients", str(args.clients)]
        run([*interplay, "seed", *size, "--entries", str(args.entries)], env)
        seeded = time.monotonic() - started
        run([*interplay, "manage", "collectstatic", "--noinput", "-v0"], env)
        out = run([sys.executable, "-c", f"READERS={READERS}; WRITERS={WRITERS}\n" + PREPARE], env)
        prepared = json.loads(next(x for x in out.splitlines() if x.startswith("PREPARED "))[9:])
        script = folder / "mix.lua"
        script.write_text(
            LUA
            % {
                "reads": "{"
                + ", ".join(
                    json.dumps(r).replace("[", "{").replace("]", "}") for r in prepared["reads"]
                )
                + "}",
                "tokens": "{" + ", ".join(json.dumps(t) for t in prepared["tokens"]) + "}",
                "write_share": WRITE_SHARE,
            }
        )
        paths = {"PostgreSQL": args.database_url}
        if bouncer:
            pgbouncer, url = start_pgbouncer(args.database_url, folder / "pgbouncer")
            running.append((pgbouncer, False))
            paths["pgbouncer"] = url
        configurations = [(label, n) for n in counts for label in paths]
        rounds: dict[tuple[str, int], list[dict[str, float]]] = {c: [] for c in configurations}
        for number in range(args.rounds):
            # Forward, then backward: a drift in the machine's other load falls on every
            # configuration alike.
            order = configurations if number % 2 == 0 else configurations[::-1]
            for label, processes in order:
                url = paths[label]
                server, base = start_gunicorn(processes, env | {"DATABASE_URL": url})
                try:
                    check_reads(base, prepared["reads"])
                    wrk(base, script, args.warm, args.connections)  # every process warm
                    measured = wrk(base, script, args.seconds, args.connections)
                    rounds[(label, processes)].append(measured)
                finally:
                    stop(server, group=True)
        results = {c: _combined(runs) for c, runs in rounds.items()}
    finally:
        for server, group in reversed(running):
            stop(server, group)
        shutil.rmtree(folder, ignore_errors=True)
    load = os.getloadavg()
    print(
        f"{os.cpu_count()} CPUs (load average {load[0]:.1f} at the end), PostgreSQL, Redis, "
        f"gunicorn gthread x{THREADS} threads per process; wrk -t2 -c{args.connections} "
        f"-d{args.seconds}s x {args.rounds} rounds (forward, backward), each after {args.warm}s "
        f"warm-up; mix {1 - WRITE_SHARE:.0%} page reads "
        f"({len(prepared['reads'])} pages of {READERS} people) / {WRITE_SHARE:.0%} API "
        f"journal writes; seeded {args.coaches} coaches, {args.clients} clients, "
        f"{args.entries} entries in {seeded:.0f} s"
    )
    cpu = prepared["cpu"]
    mix_ms = (1 - WRITE_SHARE) * cpu["read_ms"] + WRITE_SHARE * cpu["write_ms"]
    ceiling = 1000 * (os.cpu_count() or 1) / mix_ms
    print(
        f"CPU per request in one process: page read {cpu['read_ms']:.1f} ms, journal write "
        f"{cpu['write_ms']:.1f} ms (median), so the mix costs {mix_ms:.1f} ms of Python and "
        f"{os.cpu_count()} idle cores would top out near {ceiling:.0f} req/s before "
        "PostgreSQL's own share"
    )
    heads = ("req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "x 1 proc")
    print(
        f"{'database path':12} {'processes':>9} "
        + " ".join(f"{h:>8}" for h in heads)
        + "  req/s by round"
    )
    for (label, processes), r in results.items():
        one = results.get((label, counts[0]))
        ratio = r["rps"] / one["rps"] if one else float("nan")
        spread = ", ".join(f"{x['rps']:.1f}" for x in rounds[(label, processes)])
        print(
            f"{label:12} {processes:9d} {r['rps']:8.1f} {r['p50']:8.1f} {r['p95']:8.1f} "
            f"{r['p99']:8.1f} {r['errors']:8.0f} {ratio:8.2f}  {spread}"
        )
    if bouncer:
        for processes in counts:
            direct, pooled = results[("PostgreSQL", processes)], results[("pgbouncer", processes)]
            print(
                f"pgbouncer / direct at {processes} processes: "
                f"{pooled['rps'] / direct['rps']:.2f}x throughput"
            )


if __name__ == "__main__":
    main()
