"""Cost of the encryption-key check on the demo practice, in a throwaway data folder.

Prints the start-up check (the oldest and newest value of every encrypted column, run by
`manage check`, `migrate`, `serve` and the WSGI start-up) and the full `interplay keys check`
report (every value), and the ratio between them: the start-up check stays a small, fixed cost
while the report grows with the data.

    .venv/bin/python bench/bench_key_check.py
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time


def main() -> None:
    folder = tempfile.mkdtemp(prefix="interplay-bench-keys-")
    os.environ["INTERPLAY_DATA_DIR"] = folder
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interplay.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from interplay.web.demo import seed_demo
    from interplay.web.key_check import report, sample_unreadable

    try:
        call_command("migrate", verbosity=0)
        seed_demo()
        rounds = 20
        started = time.perf_counter()
        for _ in range(rounds):
            sample_unreadable()
        sample = (time.perf_counter() - started) / rounds
        started = time.perf_counter()
        columns = report()
        full = time.perf_counter() - started
        values = sum(sum(c.by_key) + len(c.unreadable) for c in columns)
        print(f"start-up check: {sample * 1000:.1f} ms ({len(columns)} encrypted columns)")
        print(f"keys check report: {full * 1000:.0f} ms ({values} encrypted values)")
        print(f"report / start-up check: {full / sample:.1f}x")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
