"""Train the meaning-based heads (`language/meaning/heads.py`) on the labelled corpus and write
`src/interplay/language/models/meaning-heads.npz` with `--write`.

    python tools/language/train_meaning.py [--write] [--folds 5] [--report FILE]

For each reader (safety, themes, statements) and label: a logistic regression (scikit-learn,
development only) over the encoder's features and the cue rules' scores, C chosen from a
small grid and the threshold chosen by stratified cross-validation on the training data only:
- safety leans to recall: the lowest threshold whose cross-validated false-alarm rate on
  texts with no risk stays within SAFETY_MAX_FALSE_ALARMS;
- themes and statement fields: the threshold with the best cross-validated F1.
Prints the cross-validated figures. Training data: the corpus texts whose two labelling
passes agree or were adjudicated (data/language/corpus/SET-labels.jsonl), plus the project's
earlier hand-written sets. The sealed blind batches are never read (see `training_data`).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools" / "language"))

from training_data import corpus_examples, earlier_examples  # noqa: E402

from interplay.language.meaning.encoder import MANIFEST_FILE, read  # noqa: E402
from interplay.language.meaning.heads import HEADS_FILE  # noqa: E402
from interplay.language.meaning.sentences import sentence_spans  # noqa: E402

CACHE = ROOT / ".cache" / "embeddings"
SAFETY_MAX_FALSE_ALARMS = 0.04
C_GRID = (0.5, 2.0, 8.0)
SAFETY_LABELS = ("self_harm", "harm_from_others")
THEMES = (
    "over_independence",
    "over_dependence",
    "interdependence",
    "rigid_boundaries",
    "porous_boundaries",
    "confluence",
    "perfectionism",
    "vulnerability_fear",
    "cultural_pressure",
    "past_experience",
)
FIELDS = ("i_statement", "blame", "feeling", "need", "request", "absolute", "hedge_apology")


def cue_scores(reader: str, text: str) -> list[float]:
    """The cue rules' own view of a text, as the heads' last features."""
    if reader == "safety":
        from interplay.language.findings import tally
        from interplay.language.safety import judged_safety

        found = {t.label.value: t.score for t in tally(judged_safety(text))}
        return [found.get(label, 0.0) for label in SAFETY_LABELS]
    if reader == "themes":
        from interplay.language.findings import tally
        from interplay.language.themes import judged_themes

        found = {t.label.value: t.score for t in tally(judged_themes(text))}
        return [found.get(label, 0.0) for label in THEMES]
    from interplay.language.statements import analyze_statement

    flags = dict(analyze_statement(text).flags())
    return [1.0 if flags[f] else 0.0 for f in FIELDS]


def cue_names(reader: str) -> tuple[str, ...]:
    names = {"safety": SAFETY_LABELS, "themes": THEMES, "statements": FIELDS}[reader]
    return tuple(f"cue:{n}" for n in names)


def model_key() -> str:
    return hashlib.sha256(MANIFEST_FILE.read_bytes()).hexdigest()[:12]


def feature_matrix(reader: str, texts: list[str]) -> npt.NDArray[np.float64]:
    """Features for every text, the encoder's part cached on disk by text and model."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{model_key()}.npz"
    cache: dict[str, npt.NDArray[np.float64]] = {}
    if path.exists():
        with np.load(path) as data:
            cache = {k: data[k] for k in data.files}
    rows = []
    fresh = 0
    for text in texts:
        key = hashlib.sha1(text.encode("utf-8")).hexdigest()  # noqa: S324 - a cache key
        if key not in cache:
            spans = sentence_spans(text[:60_000])
            r = read(text, spans, threads=2)
            peak = r.sentence_vectors.max(axis=0) if len(r.sentence_vectors) else r.text_vector
            cache[key] = np.concatenate([r.text_vector, peak]).astype(np.float64)
            fresh += 1
        rows.append(np.concatenate([cache[key], cue_scores(reader, text)]))
    if fresh:
        np.savez(path, **cache)
    return np.array(rows)


def stratified_folds(
    y: npt.NDArray[np.bool_], folds: int, seed: int
) -> list[npt.NDArray[np.int64]]:
    rng = np.random.default_rng(seed)
    assignment = np.empty(len(y), dtype=np.int64)
    for value in (False, True):
        idx = np.flatnonzero(y == value)
        rng.shuffle(idx)
        assignment[idx] = np.arange(len(idx)) % folds
    return [np.flatnonzero(assignment == k) for k in range(folds)]


def fit(x: npt.NDArray[np.float64], y: npt.NDArray[np.bool_], c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=4000, class_weight="balanced").fit(x, y)


def cross_validated(
    x: npt.NDArray[np.float64], y: npt.NDArray[np.bool_], c: float, folds: int
) -> npt.NDArray[np.float64]:
    out = np.zeros(len(y))
    for test in stratified_folds(y, folds, seed=7):
        train = np.setdiff1d(np.arange(len(y)), test)
        out[test] = fit(x[train], y[train], c).predict_proba(x[test])[:, 1]
    return out


def f1_at(p: npt.NDArray[np.float64], y: npt.NDArray[np.bool_], t: float) -> float:
    pred = p >= t
    tp = int((pred & y).sum())
    return 2 * tp / max(1, int(pred.sum()) + int(y.sum()))


def choose_threshold(
    reader: str,
    p: npt.NDArray[np.float64],
    y: npt.NDArray[np.bool_],
    negatives: npt.NDArray[np.bool_],
) -> float:
    grid = np.unique(np.round(p, 4))
    if reader == "safety":
        # Recall first: the lowest threshold that keeps false alarms on no-risk texts in bound.
        for t in grid:
            if (p[negatives] >= t).mean() <= SAFETY_MAX_FALSE_ALARMS:
                return float(t)
        return 0.5
    return float(max(grid, key=lambda t: (f1_at(p, y, t), -abs(t - 0.5))))


def train_reader(
    reader: str, examples: list[tuple[str, Any]], folds: int
) -> tuple[dict[str, Any], list[str]]:
    labels = {"safety": SAFETY_LABELS, "themes": THEMES, "statements": FIELDS}[reader]
    texts = [t for t, _ in examples]
    x = feature_matrix(reader, texts)
    if reader == "safety":
        ys = {k: np.array([lab in (k, "both") for _, lab in examples]) for k in labels}
        negatives = np.array([lab == "none" for _, lab in examples])
    elif reader == "themes":
        ys = {k: np.array([k in lab for _, lab in examples]) for k in labels}
    else:
        ys = {k: np.array([bool(lab[k]) for _, lab in examples]) for k in labels}
    weights, bias, thresholds, report = [], [], [], []
    for label in labels:
        y = ys[label]
        neg = negatives if reader == "safety" else ~y
        best: tuple[float, float, float, npt.NDArray[np.float64]] | None = None
        for c in C_GRID:
            p = cross_validated(x, y, c, folds)
            t = choose_threshold(reader, p, y, neg)
            score = float((p[y] >= t).mean()) if reader == "safety" else f1_at(p, y, t)
            if best is None or score > best[0]:
                best = (score, c, t, p)
        assert best is not None
        score, c, t, p = best
        model = fit(x, y, c)
        weights.append(model.coef_[0])
        bias.append(model.intercept_[0])
        thresholds.append(t)
        pred = p >= t
        recall = float((pred & y).sum() / max(1, y.sum()))
        precision = float((pred & y).sum() / max(1, pred.sum()))
        alarms = float(pred[neg].mean()) if reader == "safety" else float("nan")
        accuracy = float((pred == y).mean())
        report.append(
            f"{reader:10} {label:20} n={len(y):5} pos={int(y.sum()):5} C={c:<4} t={t:.3f} "
            f"cv P={precision:.2f} R={recall:.2f} F1={f1_at(p, y, t):.2f} acc={accuracy:.2f}"
            + (f" false-alarms={alarms:.3f}" if reader == "safety" else "")
        )
    arrays = {
        f"{reader}.labels": np.array(labels),
        f"{reader}.cue_features": np.array(cue_names(reader)),
        f"{reader}.weights": np.array(weights),
        f"{reader}.bias": np.array(bias),
        f"{reader}.thresholds": np.array(thresholds),
    }
    return arrays, report


def main(argv: Iterable[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--write", action="store_true", help=f"write {HEADS_FILE.name}")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--readers", default="safety,themes,statements")
    parser.add_argument(
        "--no-earlier", action="store_true", help="corpus only, without the earlier sets"
    )
    parser.add_argument("--report", type=Path, help="also write the figures to this file")
    args = parser.parse_args(list(argv))
    arrays: dict[str, Any] = {}
    lines: list[str] = []
    readers = args.readers.split(",")
    for reader in readers:
        examples = corpus_examples(reader) + ([] if args.no_earlier else earlier_examples(reader))
        lines.append(f"{reader}: {len(examples)} training texts")
        print(lines[-1], flush=True)
        reader_arrays, report = train_reader(reader, examples, args.folds)
        arrays.update(reader_arrays)
        for line in report:
            print(line, flush=True)
        lines.extend(report)
    if args.report:
        args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.write:
        version = "meaning-1.0+" + model_key()
        np.savez_compressed(
            HEADS_FILE, version=np.array(version), readers=np.array(readers), **arrays
        )
        print(f"wrote {HEADS_FILE.relative_to(ROOT)} ({version})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
