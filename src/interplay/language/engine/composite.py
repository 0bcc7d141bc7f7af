"""The composite engine: the cue rules first, and a second opinion (`second_opinion`) for what
the cues miss. The rules give precision and exact evidence spans; the model reaches writing no
lexicon lists. Neither knows about the other: this module owns the combination.

- Themes: every theme the cues find, plus each theme the model puts over its threshold that
  the cues did not find. Such a theme's score is the model's probability on the cue scale (its
  threshold at 0.5), its cue id `LEARNED_CUE`, and its evidence the sentences that drove it.
- Safety: the cues' answer when they flag a risk; otherwise a risk when the model's risk
  probability reaches its threshold (chosen in training to keep non-risk texts flagged at
  about 3%), its kind from the model's self-harm probability, its evidence the sentences that
  drove it. Recall matters most in a screen, so either source flagging is enough.
- Statements: the rules alone for now (no model has been trained for them).

The model sees the cue hits of both lexicons as features, so both readers share them.
A version names the cue rules and the model ("safety-lexicon-1.4+learned-1.0"): a change of
either makes a stored reading stale.
"""

from __future__ import annotations

from dataclasses import replace

from interplay.core.vocabulary import SafetyRisk, Theme
from interplay.language.coaching import rewrite_for, suggestion_for
from interplay.language.engine.cue import CueSafetyScreen, CueStatementCoach, CueThemeReader
from interplay.language.rewrite import charge_parts
from interplay.language.safety import SafetyResult
from interplay.language.second_opinion import (
    ANY_RISK,
    SELF_HARM,
    CueHit,
    ModelReading,
    SecondOpinion,
    evidence_sentences,
    on_rule_scale,
    over_threshold,
)
from interplay.language.statements import FIELDS, StatementAnalysis
from interplay.language.statements import Span as StatementSpan
from interplay.language.themes import ThemeAnalysis, ThemeFinding

# The statement fields a model may answer, as its labels ("statement:blame"); the rules'
# findings go to the model as hits of the same names.
STATEMENT_PREFIX = "statement:"

LEARNED_CUE = "learned-model"
# A cue score this high comes from a direct cue ("I want to die", "he hit me"): the meaning
# engine keeps such a flag even when its model would not raise one.
# A cue's flag stands when the model gives the text at least this share of its risk threshold.
# Chosen on 2 December on the older blind sets and blind round 1 (already looked at), round 2
# still sealed: at 0.6 their recall rose from 0.97/0.92/0.84/0.86 to 1.00/0.98/0.88/0.87 for
# 0.8 points more false alarms on round 1 and none on the others.
AGREEING = 0.6
DIRECT_CUE = 0.9  # the cue id reported for a finding only the model made


class _CueHits:
    """Both lexicons' accepted hits in a text, as the model's cue features."""

    def __init__(self, cue_themes: CueThemeReader, cue_safety: CueSafetyScreen) -> None:
        self._themes = cue_themes
        self._safety = cue_safety

    def __call__(self, text: str) -> list[CueHit]:
        found: list[CueHit] = [
            (str(risk), cue) for risk, _weight, _span, cue in self._safety.hits(text)
        ]
        return found + [(str(theme), cue) for theme, _weight, _span, cue in self._themes.hits(text)]


def cue_hits(text: str) -> list[CueHit]:
    """Both default lexicons' hits in a text, as the model sees them (training uses this, so
    the model is trained on the features it is given at run time)."""
    return _CueHits(CueThemeReader(), CueSafetyScreen())(text)


class CompositeThemeReader:
    def __init__(
        self, cues: CueThemeReader, model: SecondOpinion, hits: _CueHits, decides: bool = False
    ) -> None:
        self.cues, self.model, self._hits, self.decides = cues, model, hits, decides
        self.version = f"{cues.version}+{model.version}"

    def analyse(self, text: str) -> ThemeAnalysis:
        findings = list(self.cues.analyse(text).themes)
        reading = self.model.read(text, self._hits(text))
        if self.decides and not getattr(reading, "truncated", False):
            return ThemeAnalysis(_model_themes(findings, reading), self.version)
        # (A text longer than the model reads keeps the cues' findings, which read all of it.)
        have = {f.theme for f in findings}
        for theme in Theme:
            if theme in have or not over_threshold(reading, theme.value):
                continue
            score = on_rule_scale(
                reading.probabilities[theme.value], reading.thresholds[theme.value]
            )
            evidence = evidence_sentences(reading, theme.value)
            findings.append(ThemeFinding(theme, score, evidence, (LEARNED_CUE,)))
        findings.sort(key=lambda f: (-f.score, f.theme.value))
        return ThemeAnalysis(tuple(findings), self.version)


def _model_themes(
    cue_findings: list[ThemeFinding], reading: ModelReading
) -> tuple[ThemeFinding, ...]:
    """The model decides which themes are shown (it read the cues' hits as features); a theme
    the cues also found keeps the cues' exact spans as its evidence, otherwise the sentences
    that lean its way are shown. A theme the model gives no probability for keeps the cues'
    answer."""
    by_theme = {f.theme: f for f in cue_findings}
    findings = []
    for theme in Theme:
        label = theme.value
        if label not in reading.probabilities:
            if theme in by_theme:
                findings.append(by_theme[theme])
            continue
        if not over_threshold(reading, label):
            continue
        score = on_rule_scale(reading.probabilities[label], reading.thresholds[label])
        if theme in by_theme:
            cue = by_theme[theme]
            findings.append(ThemeFinding(theme, score, cue.evidence, (*cue.cues, LEARNED_CUE)))
        else:
            findings.append(
                ThemeFinding(theme, score, evidence_sentences(reading, label), (LEARNED_CUE,))
            )
    findings.sort(key=lambda f: (-f.score, f.theme.value))
    return tuple(findings)


class CompositeSafetyScreen:
    def __init__(
        self, cues: CueSafetyScreen, model: SecondOpinion, hits: _CueHits, decides: bool = False
    ) -> None:
        self.cues, self.model, self._hits, self.decides = cues, model, hits, decides
        self.version = f"{cues.version}+{model.version}"

    def analyse(self, text: str) -> SafetyResult:
        found = self.cues.analyse(text)
        if self.decides:
            return self._model_decides(text, found)
        if found.flagged:
            return replace(found, engine_version=self.version)
        reading = self.model.read(text, self._hits(text))
        if not over_threshold(reading, ANY_RISK):
            return replace(found, engine_version=self.version)
        kind = (
            SafetyRisk.SELF_HARM
            if over_threshold(reading, SELF_HARM)
            else SafetyRisk.HARM_FROM_OTHERS
        )
        score = on_rule_scale(reading.probabilities[ANY_RISK], reading.thresholds[ANY_RISK])
        return SafetyResult(
            kind,
            evidence_sentences(reading, ANY_RISK),
            ((kind, score),),
            (LEARNED_CUE,),
            self.version,
        )

    def _model_decides(self, text: str, found: SafetyResult) -> SafetyResult:
        """The model decides (it read the cues' hits as features, and on the corpus the rules
        alone raise 8% false alarms where the model raises 3%); the kind comes from the model;
        the evidence is the cues' spans when they flagged the same, else the sentences."""
        reading = self.model.read(text, self._hits(text))
        if ANY_RISK not in reading.probabilities:
            return replace(found, engine_version=self.version)
        cue_scores = dict(found.scores)
        # Recall first: a direct cue (score DIRECT_CUE or more), a text longer than the model
        # reads, or a cue the model leans towards (over AGREEING of its threshold: two weak
        # signals that agree) keeps the cues' flag even when the model would not raise one.
        cues_stand = found.flagged and (
            max(cue_scores.values(), default=0.0) >= DIRECT_CUE
            or getattr(reading, "truncated", False)
            or reading.probabilities[ANY_RISK] >= AGREEING * reading.thresholds[ANY_RISK]
        )
        if not over_threshold(reading, ANY_RISK):
            if cues_stand:
                return replace(found, engine_version=self.version)
            return SafetyResult(SafetyRisk.NONE, (), found.scores, (), self.version)
        self_harm_cues = cue_scores.get(SafetyRisk.SELF_HARM, 0.0) >= 0.5
        kind = (
            SafetyRisk.SELF_HARM
            if over_threshold(reading, SELF_HARM) or self_harm_cues
            else SafetyRisk.HARM_FROM_OTHERS
        )
        score = on_rule_scale(reading.probabilities[ANY_RISK], reading.thresholds[ANY_RISK])
        if found.flagged:
            return SafetyResult(
                kind, found.evidence, ((kind, score),), (*found.cues, LEARNED_CUE), self.version
            )
        return SafetyResult(
            kind,
            evidence_sentences(reading, ANY_RISK),
            ((kind, score),),
            (LEARNED_CUE,),
            self.version,
        )


def composite_readers(
    model: SecondOpinion, *, model_decides: bool = False
) -> tuple[CompositeThemeReader, CompositeSafetyScreen]:
    """The composite theme reader and safety screen around `model`: by default the cues'
    findings stand and the model adds what they miss; with `model_decides` the model (which
    was trained with the cues' hits as features) decides, and the cues give the evidence."""
    cue_themes, cue_safety = CueThemeReader(), CueSafetyScreen()
    hits = _CueHits(cue_themes, cue_safety)
    return (
        CompositeThemeReader(cue_themes, model, hits, model_decides),
        CompositeSafetyScreen(cue_safety, model, hits, model_decides),
    )


class CompositeStatementCoach:
    """The statement rules first; a field the rules did not find is added when the model puts
    it over its threshold, with the sentences that drove it as its spans. Blame the model adds
    is quoted in the suggestion like blame the rules found. A model that knows no statement
    labels leaves the rules' answer as it is."""

    def __init__(
        self, cues: CueStatementCoach, model: SecondOpinion, model_decides: bool = False
    ) -> None:
        self.cues, self.model, self.decides = cues, model, model_decides
        self.version = f"{cues.version}+{model.version}"

    def analyse(self, text: str) -> StatementAnalysis:
        found, phrases = self.cues.analyse_with_phrases(text)
        flags = found.flags()
        hits = [(STATEMENT_PREFIX + name, "rule") for name in FIELDS if flags[name]]
        reading = self.model.read(text, hits)
        added = False
        for name in FIELDS:
            label = STATEMENT_PREFIX + name
            if self.decides and flags[name] and label in reading.probabilities:
                if not over_threshold(reading, label):  # the model overrules the rule
                    setattr(found, name, False)
                    found.spans = [span for span in found.spans if span.label != name]
                    added = True
                continue
            if flags[name] or not over_threshold(reading, label):
                continue
            spans = evidence_sentences(reading, label)
            if not spans:
                continue
            setattr(found, name, True)
            found.spans.extend(StatementSpan(name, s.start, s.end) for s in spans)
            if name == "blame":
                phrases.offer_blame(text[spans[0].start : spans[0].end])
            elif name == "absolute":
                phrases.offer_absolute(text[spans[0].start : spans[0].end])
            elif name == "hedge_apology":
                phrases.offer_hedge(text[spans[0].start : spans[0].end])
            added = True
        if added:
            found.spans.sort(key=lambda span: (span.start, span.end, span.label))
            found.suggestion = suggestion_for(found.flags(), phrases, text)
            charge = charge_parts(text) if found.blame or found.absolute else None
            found.rewrite = rewrite_for(phrases, charge)
        return found
