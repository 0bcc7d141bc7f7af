"""A person's experiment history in figures: predicted against actual, and a chart series.

The comparison the method cares about is between the fear before and the event itself: how
often the feared outcome happened, and how anxious the person expected to be against how
anxious they were. Only done-and-reflected experiments enter those figures; skipped and
abandoned ones are counted separately, as information about the steps that felt too big.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import fmean

from interplay.core.practice import ExperimentRecord, is_success
from interplay.core.vocabulary import Direction, ExperimentStatus, Outcome, Stakes


@dataclass(frozen=True)
class RungCount:
    direction: Direction
    stakes: Stakes
    planned: int
    done: int
    successes: int
    skipped: int
    abandoned: int


@dataclass(frozen=True)
class HistoryStats:
    total: int
    by_status: dict[ExperimentStatus, int]
    reflected: int
    feared_happened: int
    feared_partly: int
    feared_not_happened: int
    mean_anxiety_predicted: float | None  # over reflected experiments with a prediction
    mean_anxiety_during: float | None  # over the same experiments, so the two compare
    per_rung: tuple[RungCount, ...]

    def sentence(self) -> str:
        """The headline in words, e.g. 'The feared outcome happened in 2 of 9 experiments.'"""
        if self.reflected == 0:
            return "No experiment has been done and reflected on yet."
        text = self._feared_sentence()
        if self.mean_anxiety_predicted is not None and self.mean_anxiety_during is not None:
            text += (
                f" Anxiety expected beforehand averaged {self.mean_anxiety_predicted:.1f} out of "
                f"10; during, it averaged {self.mean_anxiety_during:.1f}."
            )
        set_aside = (
            self.by_status[ExperimentStatus.SKIPPED] + self.by_status[ExperimentStatus.ABANDONED]
        )
        if set_aside:
            text += (
                f" {set_aside} {_plural(set_aside, 'experiment was', 'experiments were')} set "
                "aside, which says something useful about the size of those steps."
            )
        return text

    def _feared_sentence(self) -> str:
        # "Partly" experiments are among the reflected ones, not extra to them, so the sentence
        # counts them inside the total ("partly in 1"), never as "1 more".
        experiments = _plural(self.reflected, "experiment")
        if not self.feared_happened and not self.feared_partly:
            if self.reflected == 1:
                return "The feared outcome did not happen in the one experiment reflected on."
            return f"The feared outcome did not happen in any of {self.reflected} {experiments}."
        happened = str(self.feared_happened) if self.feared_happened else "none"
        text = f"The feared outcome happened in {happened} of {self.reflected} {experiments}"
        if self.feared_partly:
            text += f", and partly in {self.feared_partly}"
        return text + "."


def _plural(count: int, one: str, many: str | None = None) -> str:
    return one if count == 1 else (many if many is not None else one + "s")


def history_stats(history: Sequence[ExperimentRecord]) -> HistoryStats:
    by_status = dict.fromkeys(ExperimentStatus, 0)
    for record in history:
        by_status[record.status] += 1
    reflected = [r for r in history if r.reflected and r.reflection is not None]
    outcomes = [r.reflection.feared_outcome_happened for r in reflected if r.reflection]
    paired = [
        (r.plan.anxiety_predicted, r.reflection.anxiety_during)
        for r in reflected
        if r.reflection is not None and r.plan.anxiety_predicted is not None
    ]
    per_rung = []
    for direction in Direction:
        for stakes in Stakes:
            here = [r for r in history if (r.plan.direction, r.plan.stakes) == (direction, stakes)]
            per_rung.append(
                RungCount(
                    direction=direction,
                    stakes=stakes,
                    planned=sum(r.status is ExperimentStatus.PLANNED for r in here),
                    done=sum(r.status is ExperimentStatus.DONE for r in here),
                    successes=sum(is_success(r) for r in here),
                    skipped=sum(r.status is ExperimentStatus.SKIPPED for r in here),
                    abandoned=sum(r.status is ExperimentStatus.ABANDONED for r in here),
                )
            )
    return HistoryStats(
        total=len(history),
        by_status=by_status,
        reflected=len(reflected),
        feared_happened=outcomes.count(Outcome.YES),
        feared_partly=outcomes.count(Outcome.PARTLY),
        feared_not_happened=outcomes.count(Outcome.NO),
        mean_anxiety_predicted=fmean(p for p, _ in paired) if paired else None,
        mean_anxiety_during=fmean(d for _, d in paired) if paired else None,
        per_rung=tuple(per_rung),
    )


@dataclass(frozen=True)
class ChartPoint:
    """One reflected experiment on the predicted-against-actual chart."""

    index: int  # 1-based, in the order of the history
    title: str
    stakes: Stakes
    direction: Direction
    anxiety_predicted: int | None
    anxiety_during: int
    feared_outcome_happened: Outcome


@dataclass(frozen=True)
class ChartSeries:
    points: tuple[ChartPoint, ...]
    text_alternative: str


_OUTCOME_WORDS = {
    Outcome.YES: "the feared outcome happened",
    Outcome.PARTLY: "the feared outcome partly happened",
    Outcome.NO: "the feared outcome did not happen",
}


def chart_series(history: Sequence[ExperimentRecord]) -> ChartSeries:
    """Predicted and actual anxiety for each reflected experiment, in order, with a text
    alternative that says the same as the chart for anyone who cannot see it."""
    points: list[ChartPoint] = []
    for record in history:
        if record.reflection is None or not record.reflected:
            continue
        points.append(
            ChartPoint(
                index=len(points) + 1,
                title=record.plan.title,
                stakes=record.plan.stakes,
                direction=record.plan.direction,
                anxiety_predicted=record.plan.anxiety_predicted,
                anxiety_during=record.reflection.anxiety_during,
                feared_outcome_happened=record.reflection.feared_outcome_happened,
            )
        )
    if not points:
        return ChartSeries((), "No reflected experiments to chart yet.")
    lines = [history_stats(history).sentence()]
    for point in points:
        predicted = (
            "no prediction"
            if point.anxiety_predicted is None
            else f"anxiety expected {point.anxiety_predicted}"
        )
        lines.append(
            f"{point.index}. {point.title} ({point.stakes.value} stakes): {predicted}, "
            f"during {point.anxiety_during}; {_OUTCOME_WORDS[point.feared_outcome_happened]}."
        )
    return ChartSeries(tuple(points), "\n".join(lines))
