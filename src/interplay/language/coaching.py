"""The suggestion and the rewrite scaffold, in plain, warm words.

The rewrite follows the shape observation, feeling, need, request, and reuses the person's own
phrases where the analysis found them; where something is missing it leaves a gentle blank in
square brackets for them to fill in.
"""

from __future__ import annotations

from dataclasses import dataclass

from interplay.language.rewrite import ChargeParts

# Longest phrase reused in the rewrite; longer ones are cut at a word boundary.
MAX_PHRASE_CHARS = 120
MAX_SUGGESTIONS = 3


@dataclass
class Phrases:
    """The first phrase of each kind found in the text (the earliest is usually the clearest)."""

    observation: str = ""
    feeling: str = ""
    need: str = ""
    request: str = ""
    blame: str = ""
    absolute: str = ""
    hedge: str = ""
    need_is_value: bool = False
    feeling_is_clause: bool = False

    def offer_observation(self, text: str) -> None:
        self.observation = self.observation or _clean(text)

    def offer_feeling(self, text: str, is_clause: bool = False) -> None:
        if not self.feeling and _clean(text):
            self.feeling = _clean(text)
            self.feeling_is_clause = is_clause

    def offer_need(self, text: str, is_value: bool = False) -> None:
        if not self.need and _clean(text):
            self.need = _clean(text)
            self.need_is_value = is_value

    def offer_request(self, text: str) -> None:
        self.request = self.request or _clean(text)

    def offer_blame(self, text: str) -> None:
        self.blame = self.blame or _clean(text)

    def offer_absolute(self, text: str) -> None:
        self.absolute = self.absolute or _clean(text)

    def offer_hedge(self, text: str) -> None:
        self.hedge = self.hedge or _clean(text)


def _clean(text: str) -> str:
    text = " ".join(text.split()).strip(" ,;:.!?")
    if len(text) > MAX_PHRASE_CHARS:
        cut = text.rfind(" ", 0, MAX_PHRASE_CHARS)
        text = text[: cut if cut > 0 else MAX_PHRASE_CHARS] + "\u2026"
    return text


def _quote(text: str) -> str:
    return f"\u201c{text}\u201d"


def suggestion_for(flags: dict[str, bool], phrases: Phrases, text: str) -> str:
    """Up to three warm, specific pointers, most important first."""
    tips: list[str] = []
    if not text.strip():
        return (
            "Write what you'd like to say, in your own words, and I'll help you shape it: "
            "what happened, how it leaves you, what you need and what you'd like them to do."
        )
    if flags["blame"]:
        tips.append(
            f"{_quote(phrases.blame)} may come across as a judgement of them, and people tend "
            "to defend themselves rather than listen. Try describing what happened, as plainly "
            "as a camera would have seen it."
        )
    if flags["absolute"]:
        tips.append(
            f"{_quote(phrases.absolute)} turns a few moments into a rule; one specific time is "
            "easier to hear, and fairer to everyone, you included."
        )
    if flags["hedge_apology"]:
        tips.append(
            f"You don't need to apologise for having a need: you could leave out "
            f"{_quote(phrases.hedge)}."
        )
    if not flags["feeling"]:
        tips.append(
            "Say how this leaves you (tired, hurt, worried, relieved?) so they can hear what "
            "it is like from your side."
        )
    if not flags["need"]:
        tips.append(
            "Add what matters to you underneath it: rest, fairness, time to yourself, being "
            "kept in the loop."
        )
    if not flags["request"]:
        lowered = text.lower()
        if "wish" in lowered or "want you to" in lowered:
            tips.append(
                "A wish leaves them guessing. Turn it into one thing they could do, and when."
            )
        else:
            tips.append("Finish with one clear thing they could do, and by when.")
    if not flags["i_statement"] and not flags["blame"]:
        tips.append(
            "Try speaking from your side: \u201cI feel\u2026\u201d, \u201cI need\u2026\u201d."
        )
    if not tips:
        return (
            "This is clear and kind: it says how you feel, what you need and what you'd like. "
            "You could say it just as it is."
        )
    return " ".join(tips[:MAX_SUGGESTIONS])


def rewrite_for(phrases: Phrases, charge: ChargeParts | None = None) -> str:
    """A scaffold in four lines: when..., I feel..., because I need..., would you...? What the
    person wrote comes first; what a blaming clause holds (`charge`, the charge taken out)
    fills what is still missing; a blank is left only for the rest."""
    charge = charge or ChargeParts()
    if not phrases.observation and charge.observation:
        phrases.observation = charge.observation
    if not phrases.need and charge.need:
        phrases.need, phrases.need_is_value = charge.need, False
    inferred_request = not phrases.request and bool(charge.request)
    ask_when = inferred_request and not charge.request_says_when
    if inferred_request:
        phrases.request = charge.request
    observation = phrases.observation
    if observation.lower().startswith(("when ", "whenever ")):
        observation = observation.split(" ", 1)[1]
    observation = observation or "[what you saw or heard]"
    if phrases.feeling and phrases.feeling_is_clause:
        feeling_clause = phrases.feeling
    else:
        feeling_clause = f"I feel {phrases.feeling or '[how you feel]'}"
    need = _need_clause(phrases.need, phrases.need_is_value)
    request = _request_clause(phrases.request)
    if ask_when:  # the habit they missed, asked for; when is the person's to say
        request = request.removesuffix("?") + " [when]?"
    return f"When {observation}, {feeling_clause}, because {need}. {request}"


def _need_clause(need: str, is_value: bool) -> str:
    if not need:
        return "I need [what matters to you]"
    if not is_value:
        return f"I need {need}"
    if need.lower().startswith(("that ", "to ", "when ")):
        return f"it matters to me {need}"
    return f"{need[:1].lower()}{need[1:]} matters to me"


def _request_clause(request: str) -> str:
    if not request:
        return "Would you be willing to [one thing they could do, and when]?"
    lowered = request.lower()
    for opener in ("please ", "could you ", "can you ", "would you "):
        if lowered.startswith(opener):
            request = request[len(opener) :]
            lowered = request.lower()
    if lowered.startswith(("don't ", "do not ", "dont ")):
        request = "not " + request.split(" ", 1)[1]
    if lowered.startswith(("are you ", "is there ", "let's ", "lets ")):
        return f"{request[:1].upper()}{request[1:]}?"
    return f"Would you be willing to {request}?"
