"""Where the points of a line chart over time fall, in drawing units (pure geometry).

The web page draws the result as server-side SVG and the PDF report draws it with lines, so
both show the same chart from one calculation. Time runs across in proportion to the real
dates (three check-ins in one week and one a month later look like that), values run up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

WIDTH = 400.0
HEIGHT = 160.0
LEFT, RIGHT, TOP, BOTTOM = 36.0, 12.0, 10.0, 26.0


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    when: datetime
    value: float


@dataclass(frozen=True)
class Gridline:
    y: float
    value: float


@dataclass(frozen=True)
class LineChart:
    width: float
    height: float
    left: float
    right: float
    baseline: float
    points: tuple[ChartPoint, ...]
    gridlines: tuple[Gridline, ...]

    @property
    def path(self) -> str:
        """The points as an SVG polyline's `points` attribute."""
        return " ".join(f"{p.x},{p.y}" for p in self.points)


def line_chart(
    series: Sequence[tuple[datetime, float]],
    low: float,
    high: float,
    ticks: Sequence[float],
    *,
    width: float = WIDTH,
    height: float = HEIGHT,
    margins: tuple[float, float, float, float] = (LEFT, RIGHT, TOP, BOTTOM),
) -> LineChart:
    """`series` as (when, value), any order; `low`..`high` is the value axis, `ticks` the
    values that get a gridline; `margins` (left, right, top, bottom) leave room for labels."""
    left, right, top, bottom = margins
    if not high > low:
        raise ValueError(f"the value axis needs high > low (got {low}..{high})")
    ordered = sorted(series, key=lambda item: item[0])
    plot_width = width - left - right
    plot_height = height - top - bottom

    def y_of(value: float) -> float:
        clamped = min(max(value, low), high)
        return round(top + (high - clamped) / (high - low) * plot_height, 1)

    points: list[ChartPoint] = []
    if ordered:
        start, end = ordered[0][0], ordered[-1][0]
        span = (end - start).total_seconds()
        for when, value in ordered:
            share = 0.5 if span <= 0 else (when - start).total_seconds() / span
            points.append(ChartPoint(round(left + share * plot_width, 1), y_of(value), when, value))
    grid = tuple(Gridline(y_of(tick), tick) for tick in ticks)
    return LineChart(
        width, height, left, width - right, round(top + plot_height, 1), tuple(points), grid
    )
