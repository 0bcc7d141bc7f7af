"""The history chart: predicted against actual anxiety per reflected experiment, drawn as SVG
on the server (no script, no third-party host), with the core's text alternative beside it."""

from __future__ import annotations

from dataclasses import dataclass

from interplay.core.practice_history import ChartSeries

WIDTH = 400
HEIGHT = 220
LEFT, RIGHT, TOP, BOTTOM = 36, 12, 12, 36


@dataclass(frozen=True)
class ChartGeometry:
    width: int
    height: int
    gridlines: list[dict[str, float]]
    points: list[dict[str, object]]
    baseline: float
    left: int
    right: float


def _y(score: int) -> float:
    return round(TOP + (10 - score) / 10 * (HEIGHT - TOP - BOTTOM), 1)


def chart_geometry(series: ChartSeries) -> ChartGeometry:
    count = len(series.points)
    step = (WIDTH - LEFT - RIGHT) / max(count, 1)
    points: list[dict[str, object]] = []
    for position, point in enumerate(series.points):
        x = round(LEFT + step * (position + 0.5), 1)
        points.append(
            {
                "point": point,
                "x": x,
                "predicted_y": None
                if point.anxiety_predicted is None
                else _y(point.anxiety_predicted),
                "during_y": _y(point.anxiety_during),
                "label_y": HEIGHT - BOTTOM + 16,
                "bar_x": round(x - 4, 1),
                "bar_height": round(HEIGHT - BOTTOM - _y(point.anxiety_during), 1),
            }
        )
    grid = [{"score": s, "y": _y(s)} for s in (0, 5, 10)]
    return ChartGeometry(
        WIDTH, HEIGHT, grid, points, float(HEIGHT - BOTTOM), LEFT, float(WIDTH - RIGHT)
    )
