"""The experiment ladder: start at low stakes and climb only on the strength of what happened.

Each direction (toward autonomy, toward connection) has its own ladder of three rungs, the
stakes low, medium and high. A person starts on the low rung. They move from a rung to the next
after `SUCCESSES_TO_CLIMB` reflected successes (see `interplay.core.practice.is_success`) at that
rung's stakes or higher: an experiment done at higher stakes also shows the lower rung is
manageable. Skipped, abandoned, unreflected and not-yet-successful experiments never move the
ladder either way; they are information for the next conversation, not a mark against anyone.

Suggestions follow the focus of the person's profile: gaining self-sufficiency works toward
autonomy, loosening over-independence works toward connection, and balancing works both ways,
taking turns. They are taken from the current rung first, then the rung below (to consolidate),
never from above it, never one the person already has in progress, and never one they have
finished (done is done: the next step is a new one, not a repeat).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from interplay.core.experiments import Experiment
from interplay.core.practice import ExperimentRecord, finished_ids, is_success
from interplay.core.reasons import Reason, reason
from interplay.core.recommend import DIRECTIONS_FOR_FOCUS  # one mapping of focus to direction
from interplay.core.vocabulary import Direction, ExperimentStatus, Focus, Stakes

SUCCESSES_TO_CLIMB = 2
RUNGS: tuple[Stakes, ...] = (Stakes.LOW, Stakes.MEDIUM, Stakes.HIGH)


def rung_index(stakes: Stakes) -> int:
    return RUNGS.index(stakes)


@dataclass(frozen=True)
class RungState:
    """Where one direction's ladder stands, with the evidence for it."""

    direction: Direction
    rung: Stakes
    successes_by_rung: dict[Stakes, int]
    successes_to_next: int  # 0 on the top rung

    def explain(self) -> Reason:
        """Where this ladder stands, as a reason code (docs/reasons.md, `ladder.*`)."""
        if self.rung is RUNGS[-1]:
            return reason("ladder.top", rung=self.rung, direction=self.direction)
        done = sum(
            count
            for stakes, count in self.successes_by_rung.items()
            if rung_index(stakes) >= rung_index(self.rung)
        )
        return reason(
            "ladder.climbing",
            rung=self.rung,
            direction=self.direction,
            done=done,
            needed=SUCCESSES_TO_CLIMB,
        )


def ladder_state(history: Iterable[ExperimentRecord], direction: Direction) -> RungState:
    successes = dict.fromkeys(RUNGS, 0)
    for record in history:
        if record.plan.direction is direction and is_success(record):
            successes[record.plan.stakes] += 1
    rung = 0
    while rung < len(RUNGS) - 1:
        at_or_above = sum(successes[stakes] for stakes in RUNGS[rung:])
        if at_or_above < SUCCESSES_TO_CLIMB:
            break
        rung += 1
    if rung == len(RUNGS) - 1:
        to_next = 0
    else:
        to_next = SUCCESSES_TO_CLIMB - sum(successes[stakes] for stakes in RUNGS[rung:])
    return RungState(direction, RUNGS[rung], successes, to_next)


@dataclass(frozen=True)
class Suggestion:
    experiment: Experiment
    reasons: tuple[Reason, ...]  # where the ladder stands, then what is true of this one

    @property
    def reason(self) -> str:
        """The reasons in English, as the CLI and tests read them."""
        return " ".join(self.reasons)


def _candidates(
    direction: Direction,
    state: RungState,
    history: Sequence[ExperimentRecord],
    library: Sequence[Experiment],
) -> list[Suggestion]:
    in_progress = {r.plan.experiment_id for r in history if r.in_progress}
    tried: dict[str, ExperimentStatus] = {}
    for record in history:
        if record.plan.experiment_id is not None:
            tried[record.plan.experiment_id] = record.status
    # Untried first; then ones skipped or abandoned (worth another look, maybe smaller).
    freshness = {None: 0, ExperimentStatus.SKIPPED: 1, ExperimentStatus.ABANDONED: 1}
    left_out = in_progress | finished_ids(history)
    ranked: list[tuple[int, int, int, Experiment]] = []
    top = rung_index(state.rung)
    for position, experiment in enumerate(library):
        if experiment.direction is not direction or experiment.id in left_out:
            continue
        level = rung_index(experiment.stakes)
        if level > top:
            continue
        # Current rung first, then the rungs below it, nearest first.
        ranked.append((top - level, freshness[tried.get(experiment.id)], position, experiment))
    ranked.sort(key=lambda item: item[:3])
    return [Suggestion(item[3], _reasons(item[3], state, tried.get(item[3].id))) for item in ranked]


def _reasons(
    experiment: Experiment, state: RungState, status: ExperimentStatus | None
) -> tuple[Reason, ...]:
    reasons = [state.explain()]
    if experiment.stakes is not state.rung:
        reasons.append(reason("ladder.consolidate", stakes=experiment.stakes))
    if status in (ExperimentStatus.SKIPPED, ExperimentStatus.ABANDONED):
        reasons.append(reason("ladder.set_aside_before"))
    return tuple(reasons)


def next_suggestions(
    focus: Focus,
    history: Sequence[ExperimentRecord],
    library: Sequence[Experiment],
    limit: int = 3,
) -> list[Suggestion]:
    """Experiments to try next, each with the ladder evidence behind it.

    With two directions (balancing) the suggestions take turns, starting with the direction
    that has fewer reflected successes so far (on a tie, in the order of
    `DIRECTIONS_FOR_FOCUS`, which the profile's recommendations share)."""
    if limit < 1:
        return []
    directions = DIRECTIONS_FOR_FOCUS[focus]
    states = {direction: ladder_state(history, direction) for direction in directions}
    order = sorted(
        directions,
        key=lambda d: (sum(states[d].successes_by_rung.values()), directions.index(d)),
    )
    queues = [_candidates(d, states[d], history, library) for d in order]
    chosen: list[Suggestion] = []
    while len(chosen) < limit and any(queues):
        for queue in queues:
            if queue and len(chosen) < limit:
                chosen.append(queue.pop(0))
    return chosen
