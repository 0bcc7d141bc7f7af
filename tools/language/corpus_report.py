"""The corpus and the meaning engine's figures in one report (part of `make eval`):

- per set: texts written, texts with a settled label (both passes agreed, or adjudicated),
  texts per label, median words, kinds of source;
- Cohen's kappa per label between the two labelling passes, and how many were adjudicated;
- the heads' figures from their last training (cross-validated, and on the texts kept out of
  the encoder's fine-tuning), as `make train-meaning` wrote them;
- the blind batches' first look, as `score_blind` recorded it.

    python -m tools.language.corpus_report
"""

from __future__ import annotations

import json
import re
import statistics
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from tools.language.labelling import agreement, labels_file, read_jsonl, text_files
from tools.language.score_blind import RECORD, read_record

ROOT = Path(__file__).resolve().parents[2]
TRAINING_REPORT = ROOT / "docs" / "language-training.txt"
FIRST_LOOK = RECORD


def label_counts(kind: str, labels: list[Any]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for label in labels:
        if kind == "safety":
            counts[label] += 1
        elif kind == "themes":
            counts.update(label or ["(none)"])
        else:
            counts.update(name for name, on in label.items() if on)
    return counts


# Words a no-risk text shares with risk: with them (or with a cue the rules raise) a `none`
# text is a hard negative in the sense (figurative kill/die, grief, burnout,
# loneliness, someone else's suicide, news, venting).
RISK_WORDS = re.compile(
    r"\b(kill|killing|killed|die|died|dying|dead|death|suicid\w*|overdos\w*|cut|cutting|hurt"
    r"|end it|jump|pills?|hang\w*|shoot|gun|knife|not (be )?here|disappear|threat\w*|hit|hits"
    r"|punch\w*|abus\w*|grief|grieving|funeral|passed away|lonely|loneliness|burn(ed|t)[ -]?out"
    r"|exhausted|suicidal|self[- ]harm|scars?|depress\w*|hopeless|murder\w*|stab\w*"
    r"|strangl\w*|drown\w*|bury|buried|hospital|ambulance|police)\b",
    re.IGNORECASE,
)


def safety_mix(rows: list[dict[str, Any]], settled: dict[str, Any]) -> str:
    """The issue's safety sizes that the four labels do not show: hard negatives, and
    self-harm said without a direct cue (no rule at direct strength)."""
    from interplay.language.engine import engines
    from interplay.language.engine.composite import DIRECT_CUE

    rules = engines("cue").safety
    hard = indirect = 0
    for row in rows:
        label = settled.get(row["id"])
        if label == "none":
            hard += bool(RISK_WORDS.search(row["text"])) or rules.analyse(row["text"]).flagged
        elif label in ("self_harm", "both"):
            scores = dict(rules.analyse(row["text"]).scores).values()
            indirect += max(scores, default=0.0) < DIRECT_CUE
    return (
        f"  hard negatives (none, sharing risk words or raising a cue) {hard}; "
        f"self-harm with no direct cue {indirect}"
    )


def describe(name: str) -> list[str]:
    kind = name.removeprefix("blind-")
    rows = [
        r
        for path in text_files(name)
        if not path.name.endswith("-labels.jsonl") and not path.name.endswith("-rulings.jsonl")
        for r in read_jsonl(path)
    ]
    if not rows:
        return []
    labels_path = labels_file(name)
    settled = {}
    adjudicated = 0
    if labels_path.exists():
        for r in read_jsonl(labels_path):
            if "label" in r:
                settled[r["id"]] = r["label"]
                adjudicated += "reason" in r
    words = [len(r["text"].split()) for r in rows]
    kinds = Counter(r.get("source_kind", "?") for r in rows).most_common(4)
    out = [
        f"{name}: {len(rows)} texts, {len(settled)} with a settled label "
        f"({adjudicated} adjudicated), median {statistics.median(words):.0f} words; "
        f"sources mostly {', '.join(f'{k} {n}' for k, n in kinds)}",
        "  labels: "
        + ", ".join(
            f"{k} {n}" for k, n in sorted(label_counts(kind, list(settled.values())).items())
        ),
    ]
    if kind == "safety":
        out.append(safety_mix(rows, settled))
    if labels_path.exists():
        kappas = agreement(name)
        out.append(
            "  kappa: "
            + ", ".join(f"{k} {v:.3f}" for k, (_, v) in kappas.items())
            + f" (n={next(iter(kappas.values()))[0]})"
        )
    return out


def main() -> int:
    print("== The corpus (data/language/corpus) and the blind batches (data/language/blind)")
    for name in (
        "safety",
        "themes",
        "statements",
        "blind-safety",
        "blind-themes",
        "blind-statements",
    ):
        for line in describe(name):
            print(line)
    print(f"\n== The meaning engine's heads ({TRAINING_REPORT.relative_to(ROOT)})")
    print(
        TRAINING_REPORT.read_text(encoding="utf-8")
        if TRAINING_REPORT.exists()
        else "not trained yet"
    )
    print(f"== The blind rounds' first looks ({FIRST_LOOK.relative_to(ROOT)})")
    rounds = read_record()["rounds"]
    for name, looks in sorted(rounds.items()):
        print(f"-- round {name}")
        print(json.dumps(looks["first"], indent=1))
    if not rounds:
        print("not scored yet")
    return 0


if __name__ == "__main__":
    sys.exit(main())
