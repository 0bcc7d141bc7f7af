import subprocess
import sys
from pathlib import Path

from interplay.core.vocabulary import SafetyRisk, Theme
from interplay.language.statements import FIELDS
from tools.language import evaluate

ROOT = Path(__file__).resolve().parents[2]


def test_every_label_of_the_three_analyses_gets_a_row():
    labels = {(row.analysis, row.label) for row in evaluate.statement_rows("all")}
    labels |= {(row.analysis, row.label) for row in evaluate.theme_rows("all")}
    labels |= {(row.analysis, row.label) for row in evaluate.safety_rows("all")[0]}
    assert {("statements", name) for name in FIELDS} <= labels
    assert {("themes", theme.value) for theme in Theme} | {("themes", "micro")} <= labels
    assert {("safety", risk.value) for risk in SafetyRisk} <= labels


def test_scores_are_proportions_and_supports_add_up():
    rows, result = evaluate.safety_rows("all")
    assert all(0 <= r.precision <= 1 and 0 <= r.recall <= 1 and 0 <= r.f1 <= 1 for r in rows)
    assert sum(r.support for r in rows) == sum(result.confusion.values())


def test_evaluate_runs_as_a_module_and_prints_held_out_figures_first():
    done = subprocess.run(  # noqa: S603 - our own module, fixed arguments
        [sys.executable, "-m", "tools.language.evaluate"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
        # A guard against a hang, not a speed target: the meaning engine reads every labelled
        # set, which takes a few minutes on a shared, loaded machine.
        timeout=900,
    )
    out = done.stdout
    assert out.index("== test ==") < out.index("== all ==")
    for heading in ("Statement coach", "Journal themes", "Safety screen", "risk recall"):
        assert heading in out
    assert "porous_boundaries" in out and "hedge_apology" in out
    assert out.index("== all ==") < out.index("== every labelled file")
    assert "safety_blind3.jsonl" in out and "statements_unseen.jsonl" in out


def test_the_cue_engine_can_be_scored_for_comparison(capsys):
    assert evaluate.main(["--split", "test", "--engine", "cue"]) == 0
    out = capsys.readouterr().out
    assert "(themes-lexicon-1.3)" in out and "(safety-lexicon-1.4)" in out


def test_one_split_can_be_chosen(capsys):
    assert evaluate.main(["--split", "train"]) == 0
    out = capsys.readouterr().out
    assert "== train ==" in out and "== all ==" not in out
