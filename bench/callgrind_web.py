"""Instructions per request of bench_web's key pages and the signed-in floor, counted by
callgrind: a measure the load of other sessions on this shared machine does not move (it moved
the floor's CPU time two to three fold within one timed run, docs/benchmarks.md).

    PYTHONPATH=src python bench/callgrind_web.py --data /tmp/profile-web [--requests 10] \\
        [--database-url postgres://...] [floor dashboard client planner journal profile
        client-profile client-history client-journal client-notes client-practice]

The data folder must have been seeded by `bench/profile_web.py` with the same --data (and
--database-url). The script runs itself under valgrind: every page is warmed up first (three
requests each, so templates, compiled SQL and kept fragments are loaded in every page's
count alike), then each page is asked N times inside `itertools.compress`, a C function
nothing on these pages calls. Callgrind collects only inside it (`--toggle-collect`) and
writes one dump after each request (`--dump-after`), so each dump holds exactly one request's
instructions, start-up and warm-up excluded. Like `bench_web.py --cpu-only` this counts this
process only: the test client and Django, SQLite (in process) or psycopg's side of PostgreSQL.
Prints what it measured; nothing is asserted. With `--keep DIR` each request's dump is copied
there (`PAGE-N.out`) for `callgrind_annotate --inclusive=yes`.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_web import setup_django  # noqa: E402  # the bench's own set-up

WARM_UP = 3
PAGES = (
    "floor",
    "dashboard",
    "client",
    "planner",
    "journal",
    "profile",
    "client-profile",
    "client-history",
    "client-journal",
    "client-notes",
    "client-practice",
)
MEASURED = "compress_next"
SMALLEST = 100_000  # instructions: less is not a request


def addresses(ids: dict[str, int]) -> dict[str, tuple[str, str]]:
    """Each page's address and whose session asks for it (as bench/profile_web.py)."""
    client = ids["client"]
    return {
        "floor": ("/__bench__/floor/", "coach"),
        "dashboard": ("/coach/dashboard/", "coach"),
        "client": (f"/coach/client/{client}/", "coach"),
        "planner": (f"/coach/client/{client}/plan/", "coach"),
        "journal": ("/journal/", "client"),
        "profile": (f"/profile/{ids['assessment']}/", "client"),
        # The client page's sections, each its own address, as the coach jumps between them.
        "client-profile": (f"/coach/client/{client}/profile/", "coach"),
        "client-history": (f"/coach/client/{client}/history/", "coach"),
        "client-journal": (f"/coach/client/{client}/journal/", "coach"),
        "client-notes": (f"/coach/client/{client}/sessions/", "coach"),
        "client-practice": (f"/practice/coach/clients/{client}/", "coach"),
    }


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--database-url")
    parser.add_argument("--requests", type=int, default=10)
    parser.add_argument(
        "--keep",
        type=Path,
        help="a folder to copy each request's dump into (PAGE-N.out), for callgrind_annotate",
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("pages", nargs="*", default=list(PAGES))
    args = parser.parse_args()
    unknown = set(args.pages) - set(PAGES)
    if unknown:
        parser.error(f"unknown pages {sorted(unknown)}; choose from {', '.join(PAGES)}")
    return args


def child(args: argparse.Namespace) -> None:
    """Under valgrind: warm every page up, then request each N times inside the marker."""
    setup_django(args.data, args.database_url, migrate=False)
    from django.test import Client
    from webbench_seed import session_cookie

    from interplay.web.accounts.models import User

    ids = json.loads((args.data / "world.json").read_text())
    cookies = {
        "coach": session_cookie(User.objects.get(pk=ids["coach"]), verified=True),
        "client": session_cookie(User.objects.get(pk=ids["client"])),
    }
    where = addresses(ids)
    browsers = {}
    for name in args.pages:
        path, whose = where[name]
        browsers[name] = Client(HTTP_COOKIE=cookies[whose], HTTP_HOST="127.0.0.1")
        for _ in range(WARM_UP):
            if browsers[name].get(path).status_code != 200:
                raise SystemExit(f"{path} did not answer 200 for the signed-in session")
    order = [name for name in args.pages for _ in range(args.requests)]

    def answered(index: int) -> bool:
        name = order[index]
        return browsers[name].get(where[name][0]).status_code == 200

    every = range(len(order))
    ok = list(itertools.compress(every, map(answered, every)))
    if len(ok) != len(order):
        raise SystemExit(f"{len(order) - len(ok)} requests did not answer 200")
    args.child.write_text(json.dumps(order))


def instructions(dump: Path) -> int:
    """The instruction total of one callgrind dump (its `totals:` or `summary:` line)."""
    for line in dump.read_text().splitlines():
        if line.startswith(("totals:", "summary:")):
            return int(line.split()[1])
    raise ValueError(f"{dump} has no totals line")


def main() -> None:
    args = parse_args()
    if args.child:
        child(args)
        return
    with tempfile.TemporaryDirectory() as folder:
        out, order_file = Path(folder) / "cg.out", Path(folder) / "order.json"
        command = [
            "valgrind",
            "--tool=callgrind",
            "--collect-atstart=no",
            f"--toggle-collect={MEASURED}",
            f"--dump-after={MEASURED}",
            f"--callgrind-out-file={out}",
            sys.executable,
            __file__,
            "--data",
            str(args.data),
            "--requests",
            str(args.requests),
            "--child",
            str(order_file),
            *(["--database-url", args.database_url] if args.database_url else []),
            *args.pages,
        ]
        subprocess.run(command, check=True, env=os.environ, stderr=subprocess.DEVNULL)
        order = json.loads(order_file.read_text())
        # Dumps are numbered in the order they were written: `cg.out.1`, `cg.out.2`, ...
        dumps = sorted(Path(folder).glob("cg.out.*"), key=lambda p: int(p.suffix[1:]))
        # Something at start-up (before the warm-up) passes through `compress_next` too,
        # leaving dumps of a few hundred instructions: a request is millions, so only dumps
        # above `SMALLEST` are requests (the last call, a few dozen, is left out as well).
        requests = [dump for dump in dumps if instructions(dump) > SMALLEST]
        counts = [instructions(dump) for dump in requests]
        if len(counts) != len(order):
            raise SystemExit(f"{len(counts)} dumps with instructions for {len(order)} requests")
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for n, (name, dump) in enumerate(zip(order, requests, strict=True)):
                shutil.copyfile(dump, args.keep / f"{name}-{n}.out")
    per_page: dict[str, list[int]] = {}
    for name, count in zip(order, counts, strict=True):
        per_page.setdefault(name, []).append(count)
    floor = statistics.median(per_page["floor"]) if "floor" in per_page else None
    for name, seen in per_page.items():
        median = statistics.median(seen)
        ratio = f"  x floor {median / floor:.2f}" if floor else ""
        spread = (max(seen) - min(seen)) / median
        print(
            f"{name:<15} {median / 1e6:8.2f} M instructions a request{ratio}  (spread {spread:.1%})"
        )


if __name__ == "__main__":
    main()
