"""The role-play engine: a scripted counterpart who answers according to how you say it.

Each reply comes with its analysis from the statement coach (passed in, so this module never
imports the language package): an "I" statement, blame, a feeling, a need, a request, an
absolute word, a hedge or apology. The reply is read as one of five styles, and the counterpart
answers in kind:

- blaming ("you always...")          -> they get defensive
- hedged or over-apologetic          -> they push harder
- a clear request (no blame, hedge)  -> they give a concrete answer
- clear and kind ("I", a feeling or a need, no blame, no hedge)
                                     -> they test it once per run for consistency, then respect it
- anything else                      -> a neutral, clarifying line

Which line of a response is used depends only on how many times that response has been used
in the run, so the same replies always give the same conversation, and a counterpart does not
repeat a line until it has used the others. A run lasts at least `MIN_TURNS` turns and ends at
the first respectful or concrete answer after that, or at the scenario's `max_turns` (4 to 8).
The debrief lists each turn's analysis, what worked, one thing to adjust, and a draft
experiment to try the same thing for real.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, Protocol

from interplay.core.practice import ExperimentPlan, plan_to_dict
from interplay.core.scenarios import (
    MIN_TURNS,
    Response,
    Scenario,
    load_scenarios,
    parse_scenario,
    scenario_by_id,
    scenario_library,
)
from interplay.core.vocabulary import Direction, Technique

__all__ = [
    "Debrief",
    "Ending",
    "ReplyAnalysis",
    "ReplySignals",
    "ReplyStyle",
    "RunState",
    "Turn",
    "classify",
    "debrief",
    "load_scenarios",
    "parse_scenario",
    "replay",
    "reply",
    "run",
    "scenario_by_id",
    "scenario_library",
    "start",
    "stop",
]

SIGNALS = ("i_statement", "blame", "feeling", "need", "request", "absolute", "hedge_apology")


class ReplySignals(Protocol):
    """What the engine needs from the statement coach's analysis of one reply."""

    @property
    def i_statement(self) -> bool: ...
    @property
    def blame(self) -> bool: ...
    @property
    def feeling(self) -> bool: ...
    @property
    def need(self) -> bool: ...
    @property
    def request(self) -> bool: ...
    @property
    def absolute(self) -> bool: ...
    @property
    def hedge_apology(self) -> bool: ...


@dataclass(frozen=True)
class ReplyAnalysis:
    """The seven signals as plain data (what the engine keeps for the debrief)."""

    i_statement: bool = False
    blame: bool = False
    feeling: bool = False
    need: bool = False
    request: bool = False
    absolute: bool = False
    hedge_apology: bool = False

    @classmethod
    def of(cls, signals: ReplySignals) -> ReplyAnalysis:
        return cls(**{name: bool(getattr(signals, name)) for name in SIGNALS})

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Any]) -> ReplyAnalysis:
        """From `StatementAnalysis.to_dict()` (extra keys such as spans are ignored)."""
        return cls(**{name: bool(mapping.get(name, False)) for name in SIGNALS})

    def to_dict(self) -> dict[str, bool]:
        return {name: getattr(self, name) for name in SIGNALS}


class ReplyStyle(StrEnum):
    BLAMING = "blaming"
    HEDGED = "hedged"
    REQUEST = "request"
    CLEAR = "clear"
    UNCLEAR = "unclear"


def classify(analysis: ReplySignals) -> ReplyStyle:
    """Blame outweighs everything (it is what the other person hears first), then hedging,
    then a request, then speaking clearly from oneself."""
    if analysis.blame:
        return ReplyStyle.BLAMING
    if analysis.hedge_apology:
        return ReplyStyle.HEDGED
    if analysis.request:
        return ReplyStyle.REQUEST
    if analysis.i_statement or analysis.need or analysis.feeling:
        return ReplyStyle.CLEAR
    return ReplyStyle.UNCLEAR


_RESPONSE_FOR_STYLE = {
    ReplyStyle.BLAMING: Response.DEFEND,
    ReplyStyle.HEDGED: Response.PUSH,
    ReplyStyle.REQUEST: Response.ANSWER,
    ReplyStyle.CLEAR: Response.RESPECT,  # or TEST, once, when the scenario has test lines
    ReplyStyle.UNCLEAR: Response.NEUTRAL,
}


class Ending(StrEnum):
    SETTLED = "settled"  # the counterpart respected the boundary or answered the request
    OUT_OF_TURNS = "out_of_turns"  # the scenario's last turn came without settling
    STOPPED = "stopped"  # the person stopped before the end


@dataclass(frozen=True)
class Turn:
    number: int
    reply: str
    analysis: ReplyAnalysis
    style: ReplyStyle
    response: Response
    line: str


@dataclass(frozen=True)
class RunState:
    scenario: Scenario
    turns: tuple[Turn, ...] = ()
    tested: bool = False
    ending: Ending | None = None

    @property
    def finished(self) -> bool:
        return self.ending is not None

    @property
    def last_line(self) -> str:
        return self.turns[-1].line if self.turns else self.scenario.opening


def start(scenario: Scenario) -> RunState:
    return RunState(scenario)


def reply(state: RunState, text: str, analysis: ReplySignals) -> RunState:
    """The counterpart's answer to one reply, as a new state (the old one is unchanged)."""
    if state.finished:
        raise ValueError("this role-play has already ended")
    scenario = state.scenario
    style = classify(analysis)
    response = _RESPONSE_FOR_STYLE[style]
    tested = state.tested
    if response is Response.RESPECT and not tested and scenario.responses[Response.TEST]:
        response, tested = Response.TEST, True
    lines = scenario.responses[response]
    used = sum(turn.response is response for turn in state.turns)
    number = len(state.turns) + 1
    turn = Turn(number, text, ReplyAnalysis.of(analysis), style, response, lines[used % len(lines)])
    ending = None
    if number >= MIN_TURNS and response in (Response.RESPECT, Response.ANSWER):
        ending = Ending.SETTLED
    elif number >= scenario.max_turns:
        ending = Ending.OUT_OF_TURNS
    return replace(state, turns=(*state.turns, turn), tested=tested, ending=ending)


def stop(state: RunState) -> RunState:
    """The person ends the run early; the debrief works from the turns so far."""
    return state if state.finished else replace(state, ending=Ending.STOPPED)


def replay(scenario: Scenario, replies: Iterable[tuple[str, ReplySignals]]) -> RunState:
    """Rebuild a run in progress from the replies so far (how a web page resumes one: the
    engine is deterministic, so storing the replies and their analyses is enough). Replies
    after the run ended are ignored."""
    state = start(scenario)
    for text, analysis in replies:
        if state.finished:
            break
        state = reply(state, text, analysis)
    return state


def run(scenario: Scenario, replies: Iterable[tuple[str, ReplySignals]]) -> RunState:
    """Play replies until the run ends; if they run out first, the run is stopped."""
    return stop(replay(scenario, replies))


@dataclass(frozen=True)
class Debrief:
    scenario_id: str
    ending: Ending
    turns: tuple[Turn, ...]
    what_worked: tuple[str, ...]
    adjust: str
    best_line: str
    experiment_draft: ExperimentPlan
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario_id": self.scenario_id,
            "ending": self.ending.value,
            "turns": [
                {
                    "number": t.number,
                    "reply": t.reply,
                    "analysis": t.analysis.to_dict(),
                    "style": t.style.value,
                    "response": t.response.value,
                    "line": t.line,
                }
                for t in self.turns
            ],
            "what_worked": list(self.what_worked),
            "adjust": self.adjust,
            "best_line": self.best_line,
            "experiment_draft": plan_to_dict(self.experiment_draft),
            "notes": list(self.notes),
        }


def _numbers(turns: Iterable[Turn]) -> str:
    numbers = [str(t.number) for t in turns]
    if len(numbers) == 1:
        return f"turn {numbers[0]}"
    return f"turns {', '.join(numbers[:-1])} and {numbers[-1]}"


def _line_score(turn: Turn) -> int:
    a = turn.analysis
    score = 2 if turn.style in (ReplyStyle.CLEAR, ReplyStyle.REQUEST) else 0
    score += a.i_statement + a.need + a.request + a.feeling
    return score - 3 * a.blame - 2 * a.hedge_apology - a.absolute


def _what_worked(turns: tuple[Turn, ...]) -> list[str]:
    worked = []
    spoke = [
        t
        for t in turns
        if t.analysis.i_statement and not t.analysis.blame and not t.analysis.hedge_apology
    ]
    if spoke:
        worked.append(f"You spoke from yourself, with an 'I', in {_numbers(spoke)}.")
    named = [t for t in turns if (t.analysis.feeling or t.analysis.need) and not t.analysis.blame]
    if named:
        worked.append(f"You named a feeling or a need in {_numbers(named)}.")
    asked = [t for t in turns if t.style is ReplyStyle.REQUEST]
    if asked:
        worked.append(f"You made a clear request in {_numbers(asked)}, and got a concrete answer.")
    for earlier, later in zip(turns, turns[1:], strict=False):
        if earlier.response is Response.TEST and later.style in (
            ReplyStyle.CLEAR,
            ReplyStyle.REQUEST,
        ):
            worked.append(f"When they tested you in turn {earlier.number}, you held steady.")
    if turns and not any(t.analysis.blame for t in turns):
        worked.append("You kept blame out of every reply.")
    if not worked and turns:
        worked.append("You stayed in the conversation and kept trying, which is practice too.")
    return worked


def _adjust(scenario: Scenario, turns: tuple[Turn, ...]) -> str:
    """One thing to try next time, the most useful first."""
    if not turns:
        return "Try at least one reply next time: the practice is in saying it aloud."
    blamed = [t for t in turns if t.analysis.blame]
    if blamed:
        return (
            f"In {_numbers(blamed)} the reply pointed at what they do, and they got defensive. "
            "Try saying what you feel and need instead, starting with 'I'."
        )
    hedged = [t for t in turns if t.analysis.hedge_apology]
    if hedged:
        return (
            f"In {_numbers(hedged)} an apology or a hedge softened your point, and they pushed "
            "harder. Try saying it once, plainly and kindly, without the sorry."
        )
    if scenario.direction is Direction.TOWARD_CONNECTION and not any(
        t.style is ReplyStyle.REQUEST for t in turns
    ):
        return (
            "You never quite asked. Try ending with a clear request: what exactly you would "
            "like, and by when."
        )
    if not any(t.analysis.i_statement for t in turns):
        return "Try starting with 'I' so it is clearly about your needs, not their failings."
    absolute = [t for t in turns if t.analysis.absolute]
    if absolute:
        return (
            f"Words like 'always' and 'never' in {_numbers(absolute)} can start an argument "
            "about the facts. Try describing this one time instead."
        )
    return "That went well. Next time, try it with a little more at stake, or for real."


def debrief(state: RunState) -> Debrief:
    scenario = state.scenario
    turns = state.turns
    best = max(turns, key=lambda t: (_line_score(t), -t.number), default=None)
    best_line = best.reply if best is not None and _line_score(best) > 0 else ""
    uses_i_statement = best is not None and best.analysis.i_statement and bool(best_line)
    draft = ExperimentPlan(
        title=f"For real: {scenario.title}",
        # A good "I" statement is ready to use in life; otherwise rehearse again first.
        technique=Technique.I_STATEMENT if uses_i_statement else Technique.ROLE_PLAY,
        direction=scenario.direction,
        stakes=scenario.stakes,
        what=scenario.situation,
        who_with=scenario.counterpart.relationship,
        feared_outcome=scenario.feared_outcome,
        statement_draft=best_line,
    )
    notes = []
    if state.ending is Ending.OUT_OF_TURNS:
        notes.append(
            "The conversation ended without them coming round. That happens in life too; "
            "what you said still counts."
        )
    elif state.ending is Ending.STOPPED:
        notes.append("You stopped before the end; the debrief covers the turns you played.")
    return Debrief(
        scenario_id=scenario.id,
        ending=state.ending or Ending.STOPPED,
        turns=turns,
        what_worked=tuple(_what_worked(turns)),
        adjust=_adjust(scenario, turns),
        best_line=best_line,
        experiment_draft=draft,
        notes=tuple(notes),
    )
