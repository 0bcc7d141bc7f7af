"""Score the sealed blind batches once, and keep that first look.

    python -m tools.language.score_blind            # score, once; print and record the figures
    python -m tools.language.score_blind --show     # print the recorded first look

The blind batches in data/language/blind/ were written by someone who neither wrote nor
labelled the training corpus, labelled twice like the rest, and never read by training code.
Their labels are the settled ones in `<set>-labels.jsonl` (both passes agreed, or adjudicated).
The first scoring is written to data/language/blind/first-look.json with the engine versions;
a second run refuses, because a figure measured after looking is no longer blind. (Scoring a
new engine on the same batches is allowed with --again, and is recorded as a later look.)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from interplay.core.vocabulary import Theme
from interplay.language.engine import DEFAULT_ENGINE, engines
from interplay.language.statements import FIELDS
from tools.language.data_files import BLIND

RECORD = BLIND / "first-look.json"


def settled(kind: str) -> list[tuple[str, Any]]:
    """(text, settled label) for every blind text of a kind."""
    labels_path = BLIND / f"{kind}-labels.jsonl"
    if not labels_path.exists():
        return []
    labels = {}
    for line in labels_path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if "label" in row:
            labels[row["id"]] = row["label"]
    texts = []
    for path in sorted(BLIND.glob(f"{kind}-*.jsonl")):
        if path.name.endswith(("-labels.jsonl", "-rulings.jsonl")):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row["id"] in labels:
                texts.append((row["text"], labels[row["id"]]))
    return texts


def ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def score_safety(engine: str, rows: list[tuple[str, str]]) -> dict[str, Any]:
    screen = engines(engine).safety
    flagged = [screen.analyse(text).flagged for text, _ in rows]
    out: dict[str, Any] = {"texts": len(rows)}
    for kind in ("self_harm", "harm_from_others"):
        positive = [f for f, (_, lab) in zip(flagged, rows, strict=True) if lab in (kind, "both")]
        out[f"{kind}_recall"] = ratio(sum(positive), len(positive))
        out[f"{kind}_texts"] = len(positive)
    at_risk = [f for f, (_, lab) in zip(flagged, rows, strict=True) if lab != "none"]
    calm = [f for f, (_, lab) in zip(flagged, rows, strict=True) if lab == "none"]
    out["risk_recall"] = ratio(sum(at_risk), len(at_risk))
    out["false_alarms"] = ratio(sum(calm), len(calm))
    out["none_texts"] = len(calm)
    return out


def score_themes(engine: str, rows: list[tuple[str, list[str]]]) -> dict[str, Any]:
    reader = engines(engine).themes
    counts = {t.value: [0, 0, 0] for t in Theme}  # tp, fp, fn
    for text, gold in rows:
        found = {f.theme.value for f in reader.analyse(text).themes}
        for theme, c in counts.items():
            c[0] += theme in found and theme in gold
            c[1] += theme in found and theme not in gold
            c[2] += theme not in found and theme in gold
    tp, fp, fn = (sum(c[i] for c in counts.values()) for i in range(3))
    per = {t: ratio(2 * c[0], 2 * c[0] + c[1] + c[2]) for t, c in counts.items()}
    return {"texts": len(rows), "micro_f1": ratio(2 * tp, 2 * tp + fp + fn), "f1": per}


def score_statements(engine: str, rows: list[tuple[str, dict[str, bool]]]) -> dict[str, Any]:
    coach = engines(engine).statements
    found = [dict(coach.analyse(text).flags()) for text, _ in rows]
    accuracy = {
        f: ratio(
            sum(got[f] == gold[f] for got, (_, gold) in zip(found, rows, strict=True)), len(rows)
        )
        for f in FIELDS
    }
    blamed = [got["blame"] for got, (_, gold) in zip(found, rows, strict=True) if gold["blame"]]
    return {
        "texts": len(rows),
        "accuracy": accuracy,
        "blame_recall": ratio(sum(blamed), len(blamed)),
    }


def score(engine: str) -> dict[str, Any]:
    chosen = engines(engine)
    return {
        "engine": engine,
        "versions": {
            "safety": chosen.safety.version,
            "themes": chosen.themes.version,
            "statements": chosen.statements.version,
        },
        "scored_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "safety": score_safety(engine, settled("safety")),
        "themes": score_themes(engine, settled("themes")),
        "statements": score_statements(engine, settled("statements")),
    }


def main(argv: Iterable[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--show", action="store_true", help="print the recorded looks")
    parser.add_argument("--again", action="store_true", help="score once more, as a later look")
    parser.add_argument("--engine", default=DEFAULT_ENGINE)
    args = parser.parse_args(list(argv))
    record: dict[str, Any] = (
        json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}
    )
    if args.show:
        print(json.dumps(record, indent=2) if record else "the blind batches have not been scored")
        return 0
    if record and not args.again:
        print(
            f"{RECORD.name} already holds the first look ({record['first']['scored_at']}): "
            "scoring again is no longer blind. --show prints it; --again records a later look.",
            file=sys.stderr,
        )
        return 2
    result = score(args.engine)
    if record:
        record.setdefault("later", []).append(result)
    else:
        record = {"first": result}
    RECORD.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
