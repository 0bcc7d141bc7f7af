"""Reports built by the worker when large: how large a report's history is.

Over `settings.REPORTS_INLINE_LIMIT` records a build takes about a second or more
(bench/bench_reports.py, docs/benchmarks.md)."""

from __future__ import annotations

from django.conf import settings

from interplay.web.progress.data import ProgressData


def report_size(data: ProgressData) -> int:
    """The records a report of `data` may draw on: what its build time grows with."""
    return (
        len(data.assessments)
        + len(data.pulses)
        + len(data.experiments)
        + len(data.snapshots or [])
    )


def is_large(data: ProgressData) -> bool:
    return report_size(data) > settings.REPORTS_INLINE_LIMIT
