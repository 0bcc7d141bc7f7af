"""Score the sealed blind batches once, and keep that first look.

    python -m tools.language.score_blind            # score the newest round, once; record it
    python -m tools.language.score_blind --show     # print every round's recorded looks
    python -m tools.language.score_blind --round 1 --again   # a later look at an older round

The blind batches in data/language/blind/ were written by someone who neither wrote nor
labelled the training corpus, labelled twice like the rest, and never read by training code.
Their labels are the settled ones in `<set>-labels.jsonl` (both passes agreed, or adjudicated).
The first scoring is written to data/language/blind/first-look.json with the engine versions;
a second run refuses, because a figure measured after looking is no longer blind. (Scoring a
new engine on the same batches is allowed with --again, and is recorded as a later look.)

Batches come in rounds. Once a round has been looked at, an engine trained after that look is
measured honestly only on a round written after it: round 1 is b1 (safety, statements) and b2
(themes), scored first on 2026-12-02; round 2 is b3 (all three), written after that look by a
writer who never saw the corpus; round 3 is b4 (safety only): short texts (titles, one-liners,
messages) written on 3 December after the meaning engine was found raising false alarms on
short everyday complaints, by a writer who saw neither the corpus nor the short texts added to
it then.
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


ROUNDS = {"1": ("b1", "b2"), "2": ("b3",), "3": ("b4",)}
ALL_KINDS = ("safety", "themes", "statements")
# The kinds a round was written for (a round that holds only one kind is whole without the
# others); a round not named here holds all three.
ROUND_KINDS = {"3": ("safety",)}
NEWEST = max(ROUNDS, key=int)
SHORT_WORDS = 40  # a text of at most this many words counts as short in the figures


def kinds_of(round_name: str) -> tuple[str, ...]:
    return ROUND_KINDS.get(round_name, ALL_KINDS)


def in_round(path_stem: str, round_name: str) -> bool:
    """Whether a batch file (``safety-b3``) belongs to a round."""
    return path_stem.rsplit("-", 1)[-1] in ROUNDS[round_name]


def settled(kind: str, round_name: str) -> list[tuple[str, Any]]:
    """(text, settled label) for every blind text of a kind in one round."""
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
        if not in_round(path.stem, round_name):
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
    # Short texts (titles, one-liners) apart: the screen reads every journal title alone.
    short = [
        (f, lab)
        for f, (text, lab) in zip(flagged, rows, strict=True)
        if len(text.split()) <= SHORT_WORDS
    ]
    short_risk = [f for f, lab in short if lab != "none"]
    short_calm = [f for f, lab in short if lab == "none"]
    out["short_texts"] = len(short)
    out["short_risk_recall"] = ratio(sum(short_risk), len(short_risk))
    out["short_false_alarms"] = ratio(sum(short_calm), len(short_calm))
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


def score(engine: str, round_name: str) -> dict[str, Any]:
    chosen = engines(engine)
    kinds = kinds_of(round_name)
    versions = {
        "safety": chosen.safety.version,
        "themes": chosen.themes.version,
        "statements": chosen.statements.version,
    }
    result: dict[str, Any] = {
        "engine": engine,
        "round": round_name,
        "versions": {kind: versions[kind] for kind in kinds},
        "scored_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    if "safety" in kinds:
        result["safety"] = score_safety(engine, settled("safety", round_name))
    if "themes" in kinds:
        result["themes"] = score_themes(engine, settled("themes", round_name))
    if "statements" in kinds:
        result["statements"] = score_statements(engine, settled("statements", round_name))
    return result


def unready(round_name: str) -> str:
    """Why a round cannot be scored yet, or "" when every kind it was written for has texts and
    every text a settled label: a look at half a round would spend the rest of it."""
    problems = []
    for kind in kinds_of(round_name):
        files = [
            path
            for path in BLIND.glob(f"{kind}-*.jsonl")
            if in_round(path.stem, round_name)
            and not path.name.endswith(("-labels.jsonl", "-rulings.jsonl"))
        ]
        written = sum(
            1 for path in files for line in path.read_text(encoding="utf-8").splitlines() if line
        )
        labelled = len(settled(kind, round_name))
        if not written or labelled < written:
            problems.append(f"{kind} {labelled} of {written} texts settled")
    return "; ".join(problems)


def read_record() -> dict[str, Any]:
    """Every round's looks: {"rounds": {"1": {"first": ..., "later": [...]}, ...}}. The record
    written before rounds existed held round 1's looks at its top level."""
    if not RECORD.exists():
        return {"rounds": {}}
    record: dict[str, Any] = json.loads(RECORD.read_text(encoding="utf-8"))
    if "rounds" not in record:
        record = {"rounds": {"1": record}}
    return record


def main(argv: Iterable[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--show", action="store_true", help="print the recorded looks")
    parser.add_argument("--again", action="store_true", help="score once more, as a later look")
    parser.add_argument("--round", default=NEWEST, choices=sorted(ROUNDS), dest="round_name")
    parser.add_argument("--engine", default=DEFAULT_ENGINE)
    args = parser.parse_args(list(argv))
    record = read_record()
    if args.show:
        print(json.dumps(record, indent=2) if record["rounds"] else "no blind round is scored")
        return 0
    looks = record["rounds"].get(args.round_name)
    if looks and not args.again:
        print(
            f"round {args.round_name} already has its first look ({looks['first']['scored_at']}): "
            "scoring again is no longer blind. --show prints it; --again records a later look.",
            file=sys.stderr,
        )
        return 2
    missing = unready(args.round_name)
    if missing:
        print(f"round {args.round_name} is not ready to score: {missing}", file=sys.stderr)
        return 2
    result = score(args.engine, args.round_name)
    if looks:
        looks.setdefault("later", []).append(result)
    else:
        record["rounds"][args.round_name] = {"first": result}
    RECORD.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
