"""The one engine interface: engines by name, the composite's combination of cue rules and a
second opinion, and the guards that keep callers on the interface."""

import ast
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from interplay.core.vocabulary import SafetyRisk, Theme
from interplay.language.engine import (
    DEFAULT_ENGINE,
    ENGINE_NAMES,
    LEARNED_CUE,
    UnknownEngine,
    engines,
)
from interplay.language.engine.composite import composite_readers
from interplay.language.findings import Span
from interplay.language.second_opinion import ANY_RISK, SELF_HARM

SRC = Path(__file__).resolve().parents[2] / "src" / "interplay"


def test_the_default_engine_is_the_meaning_model_with_the_rules():
    assert DEFAULT_ENGINE == "meaning"
    assert engines().name == "meaning"
    assert set(ENGINE_NAMES) == {"cue", "composite", "meaning"}


def test_an_unknown_engine_name_is_refused_with_the_names_it_knows():
    with pytest.raises(UnknownEngine, match="'nlp'.*composite, cue, meaning"):
        engines("nlp")


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_every_reader_stamps_its_version_on_what_it_returns(name):
    chosen = engines(name)
    text = "I can't say no to anyone. He hit me again last night."
    assert chosen.themes.analyse(text).engine_version == chosen.themes.version
    assert chosen.safety.analyse(text).engine_version == chosen.safety.version
    assert chosen.safety.analyse("A quiet day.").engine_version == chosen.safety.version
    assert chosen.statements.analyse(text).to_dict()["blame"] in (True, False)


def test_the_cue_engine_and_the_composite_agree_where_the_cues_speak():
    text = "I can't say no to anyone, and I never ask for help."
    cue, composite = engines("cue"), engines("composite")
    cue_themes = {f.theme: f for f in cue.themes.analyse(text).themes}
    for finding in composite.themes.analyse(text).themes:
        if finding.cues != (LEARNED_CUE,):
            assert cue_themes[finding.theme] == finding


@dataclass
class _Reading:
    probabilities: dict[str, float]
    thresholds: dict[str, float]
    per_sentence: dict[str, list[tuple[Span, float]]] = field(default_factory=dict)

    def sentences(self, label):
        return self.per_sentence.get(label, [])


class _FakeModel:
    """A second opinion that says what the test tells it to, and records what it was shown."""

    version = "fake-2.0"

    def __init__(self, reading):
        self.reading = reading
        self.shown = []

    def read(self, text, cue_hits=()):
        self.shown.append(list(cue_hits))
        return self.reading


TEXT = "I can't say no to anyone. Work was fine. The rest of the week was quiet."
FIRST, SECOND, THIRD = Span(0, 25), Span(26, 40), Span(41, 72)


def _model(theme_p=0.9, risk_p=0.1, self_harm_p=0.2):
    probabilities = {t.value: 0.0 for t in Theme}
    probabilities[Theme.PERFECTIONISM.value] = theme_p
    probabilities.update({ANY_RISK: risk_p, SELF_HARM: self_harm_p})
    thresholds = {label: 0.6 for label in probabilities} | {SELF_HARM: 0.5}
    sentences = [(FIRST, 0.3), (SECOND, 0.8), (THIRD, 0.7)]
    per_sentence = {Theme.PERFECTIONISM.value: sentences, ANY_RISK: sentences}
    return _FakeModel(_Reading(probabilities, thresholds, per_sentence))


def test_a_theme_only_the_model_finds_is_added_with_its_sentences_as_evidence():
    themes, _ = composite_readers(_model())
    found = {f.theme: f for f in themes.analyse(TEXT).themes}
    assert found[Theme.PERFECTIONISM].cues == (LEARNED_CUE,)
    assert found[Theme.PERFECTIONISM].evidence == (SECOND, THIRD)  # leaning its way, in order
    assert found[Theme.PERFECTIONISM].score == 0.875  # 0.9 on the cue scale (0.6 -> 0.5)
    assert found[Theme.POROUS_BOUNDARIES].cues != (LEARNED_CUE,)  # the cues' own finding
    assert themes.version == "themes-lexicon-1.3+fake-2.0"


def test_a_theme_under_the_models_threshold_is_not_added():
    themes, _ = composite_readers(_model(theme_p=0.59))
    assert Theme.PERFECTIONISM not in themes.analyse(TEXT).labels


def test_the_model_is_shown_the_cue_hits_of_both_lexicons():
    text = "He hit me again last night. I can't say no to anyone."
    model = _model()
    themes, _ = composite_readers(model)
    themes.analyse(text)
    cue = engines("cue")
    expected = [(str(h[0]), h[3]) for h in cue.safety.hits(text)]
    expected += [(str(h[0]), h[3]) for h in cue.themes.hits(text)]
    assert model.shown == [expected]
    assert {"harm_from_others", "porous_boundaries"} <= {label for label, _ in expected}


def test_a_risk_only_the_model_sees_is_flagged_with_the_kind_it_gives():
    _, safety = composite_readers(_model(risk_p=0.8, self_harm_p=0.3))
    result = safety.analyse(TEXT)
    assert result.risk is SafetyRisk.HARM_FROM_OTHERS
    assert result.cues == (LEARNED_CUE,) and result.evidence == (SECOND, THIRD)
    _, safety = composite_readers(_model(risk_p=0.8, self_harm_p=0.7))
    assert safety.analyse(TEXT).risk is SafetyRisk.SELF_HARM


def test_a_risk_the_cues_flag_keeps_the_cues_answer_whatever_the_model_says():
    _, safety = composite_readers(_model(risk_p=0.0))
    result = safety.analyse("He hit me again last night.")
    assert result.risk is SafetyRisk.HARM_FROM_OTHERS and LEARNED_CUE not in result.cues


def test_when_no_sentence_leans_towards_a_label_the_one_leaning_most_is_still_shown():
    model = _model(risk_p=0.8)
    model.reading.per_sentence[ANY_RISK] = [(FIRST, 0.2), (SECOND, 0.4), (THIRD, 0.1)]
    _, safety = composite_readers(model)
    assert safety.analyse(TEXT).evidence == (SECOND,)


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_rules_and_model_do_not_import_each_other():
    language = SRC / "language"
    rules = {"interplay.language.safety", "interplay.language.themes"}
    assert not _imports(language / "learned.py") & (rules | {"interplay.language.engine"})
    for name in ("safety.py", "themes.py"):
        assert "interplay.language.learned" not in _imports(language / name)


def test_the_model_loads_without_the_rules():
    code = (
        "import sys; import interplay.language.learned; "
        "print(any(m in sys.modules for m in "
        "('interplay.language.safety', 'interplay.language.themes')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_callers_outside_the_language_package_go_through_the_engine():
    direct = {"analyze_statement", "analyze_themes", "screen", "judged_safety", "judged_themes"}
    offenders = []
    for path in SRC.rglob("*.py"):
        if (SRC / "language") in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "interplay.language"
            ):
                names = {alias.name for alias in node.names}
                if names & direct or names & {"safety", "themes", "statements", "learned"}:
                    offenders.append(f"{path.relative_to(SRC)}: {node.module} {sorted(names)}")
    assert not offenders, offenders


DIG = "Great job on the dishes. Really top work. The rest can wait till Sunday."


def _statement_model(blame_p):
    first, second = Span(0, 24), Span(25, 41)
    reading = _Reading(
        {"statement:blame": blame_p, "statement:request": 0.1},
        {"statement:blame": 0.5, "statement:request": 0.5},
        {"statement:blame": [(first, 0.9), (second, 0.7)]},
    )
    return _FakeModel(reading)


def test_blame_only_the_model_hears_is_added_with_its_sentence_and_quoted_in_the_tip():
    from interplay.language.engine.composite import CompositeStatementCoach
    from interplay.language.engine.cue import CueStatementCoach

    cues = CueStatementCoach()
    assert not cues.analyse(DIG).blame  # the rules miss this sarcasm
    model = _statement_model(0.8)
    found = CompositeStatementCoach(cues, model).analyse(DIG)
    assert found.blame and not found.request
    assert [(s.label, DIG[s.start : s.end]) for s in found.spans if s.label == "blame"] == [
        ("blame", "Great job on the dishes."),
        ("blame", "Really top work."),
    ]
    assert "\u201cGreat job on the dishes\u201d may come across as a judgement" in found.suggestion
    assert found.to_dict().keys() == cues.analyse(DIG).to_dict().keys()


def test_the_rules_findings_reach_the_model_and_stand_when_it_is_under_threshold():
    from interplay.language.engine.composite import CompositeStatementCoach
    from interplay.language.engine.cue import CueStatementCoach

    text = "You never listen. Could you call me tonight?"
    model = _statement_model(0.1)
    found = CompositeStatementCoach(CueStatementCoach(), model).analyse(text)
    assert found.to_dict() == CueStatementCoach().analyse(text).to_dict()
    assert ("statement:blame", "rule") in model.shown[0]
    assert ("statement:request", "rule") in model.shown[0]
