"""Train the learned second opinion offline (numpy only, fixed seed) and report honest figures.

    python -m tools.language.training.train_learned [--write] [--no-cues]   (make train-language)

Protocol: `safety_blind3.jsonl`, `journal_themes_blind3.jsonl` and every `"split": "test"` row
are held out of training and of threshold choice. Thresholds come from grouped cross-validation
over the training files (a file is never split between folds). `--write` saves the weights to
`src/interplay/language/models/learned.npz`. Every file is read through
`data_files.read_training_file`, which refuses anything under `data/language/blind/`.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from interplay.core.vocabulary import SafetyRisk, Theme
from interplay.language.engine import engines
from interplay.language.engine.composite import cue_hits
from interplay.language.journal_text import read_passage
from interplay.language.learned import MODEL_PATH, cue_features
from interplay.language.learned_features import (
    DIMENSIONS,
    hashed,
    sentence_features,
    text_vector,
)
from tools.language.data_files import DATA, read_training_file

SAFETY_FILES = ("safety.jsonl", "safety_blind.jsonl", "safety_blind2.jsonl", "safety_probes.jsonl")
THEME_FILES = (
    "journal_themes.jsonl",
    "journal_themes_blind.jsonl",
    "journal_themes_blind2.jsonl",
    "journal_themes_probes.jsonl",
)
HELD_OUT_FILES = {"safety": "safety_blind3.jsonl", "themes": "journal_themes_blind3.jsonl"}
THEMES = tuple(Theme)
Floats = npt.NDArray[np.float64]


@dataclass
class Row:
    text: str
    group: str
    labels: tuple[float, ...]
    held_out: bool


def load(kind: str) -> list[Row]:
    rows: list[Row] = []
    for name in (*(SAFETY_FILES if kind == "safety" else THEME_FILES), HELD_OUT_FILES[kind]):
        for line in read_training_file(DATA / name).splitlines():
            if not line.strip():
                continue
            raw = json.loads(line)
            if kind == "safety":
                risk = SafetyRisk(raw["risk"])
                labels: tuple[float, ...] = (
                    float(risk is not SafetyRisk.NONE),
                    float(risk is SafetyRisk.SELF_HARM),
                )
            else:
                found = {Theme(t) for t in raw["themes"]}
                labels = tuple(float(t in found) for t in THEMES)
            held = name == HELD_OUT_FILES[kind] or raw.get("split") == "test"
            rows.append(Row(raw["text"], name, labels, held))
    return rows


class Sparse:
    """Rows of hashed features as CSR arrays, enough for X @ W and X.T @ G."""

    def __init__(self, vectors: Sequence[dict[int, float]]) -> None:
        self.indptr = np.cumsum([0] + [len(v) for v in vectors])
        self.indices = np.fromiter((k for v in vectors for k in v), dtype=np.int64)
        self.data = np.fromiter((x for v in vectors for x in v.values()), dtype=np.float64)
        self.rows = np.repeat(np.arange(len(vectors)), np.diff(self.indptr))
        self.n = len(vectors)

    def dot(self, weights: Floats) -> Floats:
        products = weights[self.indices] * self.data[:, None]
        out = np.zeros((self.n, weights.shape[1]))
        np.add.at(out, self.rows, products)
        return out

    def tdot(self, grads: Floats, dims: int) -> Floats:
        out = np.zeros((dims, grads.shape[1]))
        np.add.at(out, self.indices, grads[self.rows] * self.data[:, None])
        return out


def fit(x: Sparse, y: Floats, mask: Floats, l2: float, steps: int = 300) -> Floats:
    """L2-regularised logistic regression, one output per column, full-batch Adam.
    `mask` zeroes rows that do not count for an output (the kind model learns from risk
    texts only)."""
    used = np.unique(x.indices)
    w = np.zeros((DIMENSIONS, y.shape[1]))
    m = np.zeros_like(w[used])
    v = np.zeros_like(w[used])
    counts = np.maximum(mask.sum(axis=0), 1.0)
    for step in range(1, steps + 1):
        p = 1.0 / (1.0 + np.exp(-x.dot(w)))
        g_rows = (p - y) * mask / counts
        grad = x.tdot(g_rows, DIMENSIONS)[used] + l2 * w[used]
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        mhat = m / (1 - 0.9**step)
        vhat = v / (1 - 0.999**step)
        w[used] -= 0.1 * mhat / (np.sqrt(vhat) + 1e-8)
    return w


def probabilities(x: Sparse, w: Floats) -> Floats:
    return 1.0 / (1.0 + np.exp(-x.dot(w)))


def vectors(rows: Sequence[Row], cues: bool) -> Sparse:
    out = []
    for row in rows:
        sentences = sentence_features(read_passage(row.text))
        buckets = (hashed(names) for _, _, names in sentences)
        out.append(text_vector(buckets, cue_features(cue_hits(row.text)) if cues else ()))
    return Sparse(out)


def subset(x: Sparse, keep: Sequence[int]) -> Sparse:
    rows = [
        dict(
            zip(
                x.indices[x.indptr[i] : x.indptr[i + 1]].tolist(),
                x.data[x.indptr[i] : x.indptr[i + 1]].tolist(),
                strict=True,
            )
        )
        for i in keep
    ]
    return Sparse(rows)


def masks(kind: str, y: Floats) -> Floats:
    mask = np.ones_like(y)
    if kind == "safety":
        mask[:, 1] = y[:, 0]  # the kind model learns from risk texts only
    return mask


def out_of_fold(kind: str, x: Sparse, y: Floats, groups: list[str], l2: float) -> Floats:
    """Probabilities for each training row from a model that never saw its file."""
    oof = np.zeros_like(y)
    for group in sorted(set(groups)):
        train = [i for i, g in enumerate(groups) if g != group]
        test = [i for i, g in enumerate(groups) if g == group]
        w = fit(subset(x, train), y[train], masks(kind, y[train]), l2)
        oof[test] = probabilities(subset(x, test), w)
    return oof


def safety_threshold(p: Floats, y: Floats, ceiling: float = 0.03) -> float:
    """The lowest threshold whose out-of-fold non-risk flagged share stays within `ceiling`."""
    negatives = np.sort(p[y[:, 0] == 0, 0])[::-1]
    allowed = int(np.floor(ceiling * len(negatives)))
    return float(negatives[allowed]) + 1e-6 if allowed < len(negatives) else 0.5


def theme_thresholds(p: Floats, y: Floats, beta: float = 0.5) -> list[float]:
    """Per theme, the threshold with the best out-of-fold F-beta of the model alone (beta 0.5
    weighs precision twice as much as recall: the model is a second opinion and should speak
    only where it is fairly sure; ties go to the higher threshold). The cue engine's own
    out-of-fold figures cannot guide this choice: it was tuned on these very files."""
    chosen = []
    b2 = beta * beta
    for k in range(y.shape[1]):
        best, best_f = 0.5, -1.0
        for t in np.arange(0.05, 0.96, 0.01):
            pred = p[:, k] >= t
            tp = float(np.sum(pred & (y[:, k] == 1)))
            fp = float(np.sum(pred & (y[:, k] == 0)))
            fn = float(np.sum(~pred & (y[:, k] == 1)))
            f = (1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp) if tp else 0.0
            if f >= best_f:
                best, best_f = float(t), f
        chosen.append(best)
    return chosen


def rule_predictions(kind: str, rows: Sequence[Row]) -> Floats:
    cue = engines("cue")
    out: list[tuple[float, ...]] = []
    for row in rows:
        if kind == "safety":
            risk = cue.safety.analyse(row.text).risk
            out.append((float(risk is not SafetyRisk.NONE), float(risk is SafetyRisk.SELF_HARM)))
        else:
            found = cue.themes.analyse(row.text).labels
            out.append(tuple(float(t in found) for t in THEMES))
    return np.array(out)


def figures(kind: str, pred: Floats, y: Floats) -> str:
    if kind == "safety":
        risky = y[:, 0] == 1
        recall = float(pred[risky, 0].mean()) if risky.any() else 0.0
        flagged = float(pred[~risky, 0].mean()) if (~risky).any() else 0.0
        return f"recall {recall:.2f}, non-risk flagged {flagged:.2f} (n={len(y)})"
    tp = float(np.sum((pred == 1) & (y == 1)))
    fp = float(np.sum((pred == 1) & (y == 0)))
    fn = float(np.sum((pred == 0) & (y == 1)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"micro P/R/F1 {p:.2f} / {r:.2f} / {f1:.2f} (n={len(y)})"


def decide(
    kind: str, p: Floats, rules: Floats, thresholds: Sequence[float]
) -> tuple[Floats, Floats]:
    """(classifier alone, rules OR classifier) as 0/1 arrays shaped like the labels."""
    if kind == "safety":
        alone = np.zeros_like(p)
        alone[:, 0] = p[:, 0] >= thresholds[0]
        alone[:, 1] = alone[:, 0] * (p[:, 1] >= 0.5)
        both = rules.copy()
        extra = (rules[:, 0] == 0) & (alone[:, 0] == 1)
        both[extra] = alone[extra]
        return alone, both
    alone = (p >= np.array(thresholds)[None, :]).astype(float)
    return alone, np.maximum(alone, rules)


def run(kind: str, cues: bool, l2: float) -> tuple[Floats, list[float]]:
    rows = load(kind)
    x = vectors(rows, cues)
    y = np.array([r.labels for r in rows])
    rules = rule_predictions(kind, rows)
    train = [i for i, r in enumerate(rows) if not r.held_out]
    held = [i for i, r in enumerate(rows) if r.held_out]
    xt, yt = subset(x, train), y[train]
    groups = [rows[i].group for i in train]
    oof = out_of_fold(kind, xt, yt, groups, l2)
    thresholds = [safety_threshold(oof, yt)] if kind == "safety" else theme_thresholds(oof, yt)
    print(f"== {kind} (cue features {'on' if cues else 'off'}, l2 {l2}) thresholds", thresholds)
    alone, both = decide(kind, oof, rules[train], thresholds)
    for group in sorted(set(groups)):
        idx = [j for j, g in enumerate(groups) if g == group]
        print(f"  CV {group:30} rules {figures(kind, rules[train][idx], yt[idx])}")
        print(f"  {'':33} model {figures(kind, alone[idx], yt[idx])}")
        print(f"  {'':33} both  {figures(kind, both[idx], yt[idx])}")
    w = fit(xt, yt, masks(kind, yt), l2)
    p = probabilities(subset(x, held), w)
    alone, both = decide(kind, p, rules[held], thresholds)
    for name, pick in (
        (
            "held-out blind3",
            [j for j, i in enumerate(held) if rows[i].group == HELD_OUT_FILES[kind]],
        ),
        (
            "held-out test rows",
            [j for j, i in enumerate(held) if rows[i].group != HELD_OUT_FILES[kind]],
        ),
    ):
        yh = y[held][pick]
        print(f"  {name:35} rules {figures(kind, rules[held][pick], yh)}")
        print(f"  {'':35} model {figures(kind, alone[pick], yh)}")
        print(f"  {'':35} both  {figures(kind, both[pick], yh)}")
    return w, thresholds


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--no-cues", action="store_true")
    parser.add_argument("--l2", type=float, default=1e-3)
    parser.add_argument("--only", choices=("safety", "themes"))
    parser.add_argument("--write", action="store_true", help=f"save the weights to {MODEL_PATH}")
    args = parser.parse_args(argv)
    trained = {}
    for kind in ("safety", "themes"):
        if args.only and kind != args.only:
            continue
        trained[kind] = run(kind, not args.no_cues, args.l2)
    if args.write:
        if set(trained) != {"safety", "themes"} or args.no_cues:
            raise SystemExit("--write needs both models, with cue features")
        save(trained["safety"], trained["themes"])
        print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size // 1024} kB)")


def save(safety: tuple[Floats, list[float]], themes: tuple[Floats, list[float]]) -> None:
    """Only the buckets some training text used are stored, as float32."""
    arrays: dict[str, npt.NDArray[np.generic]] = {}
    for name, (w, thresholds) in (("safety", safety), ("themes", themes)):
        used = np.flatnonzero(np.any(w != 0.0, axis=1))
        arrays[f"{name}_buckets"] = used.astype(np.int32)
        arrays[f"{name}_weights"] = w[used].astype(np.float32)
        arrays[f"{name}_thresholds"] = np.array(thresholds, dtype=np.float64)
    arrays["dimensions"] = np.array([DIMENSIONS], dtype=np.int64)
    arrays["themes"] = np.array([t.value for t in THEMES])
    MODEL_PATH.parent.mkdir(exist_ok=True)
    np.savez_compressed(MODEL_PATH, **arrays)  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
