"""The two labelling passes over the corpus, kept blind to each other and to the writers.

  python tools/language/labelling.py batch SET [--all]   # new texts -> shuffled batches of 100
  python tools/language/labelling.py collect SET         # both passes' answers -> labels file
  python tools/language/labelling.py agreement SET       # Cohen's kappa per label
  python tools/language/labelling.py disagreements SET  # what the adjudicator must settle
  python tools/language/labelling.py adjudicate SET --rulings FILE  # settle disagreements

`batch` draws every text of the set not yet batched from data/language/corpus/SET/*.jsonl,
shuffles them together (so no batch is one writer's or one label's run of texts) and writes
WORK/SET/batches/batch-NNN.jsonl with only `id` and `text`: the labellers see nothing else.
Each labeller writes WORK/SET/pass_a/batch-NNN.jsonl (or pass_b) with one
`{"id": ..., "label": ..., "note": ...}` per text. `collect` gathers both passes into
data/language/corpus/SET-labels.jsonl, one row per text with `batch`, `pass_a`, `pass_b`,
`agreed` and, where the passes differ, `label` and `reason` left for adjudication.
WORK is /work/labelling unless INTERPLAY_LABELLING_DIR says otherwise.

The labels file is the ledger, not WORK: a work folder lost between sessions loses nothing.
A text already in the labels file is never batched again, new batches are numbered after every
batch the ledger names, and `collect` merges the passes it finds into the ledger's rows (a
text whose passes are not in WORK keeps its row as it was).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "language" / "corpus"
BLIND = ROOT / "data" / "language" / "blind"
KINDS = ("safety", "themes", "statements")
SETS = (*KINDS, *(f"blind-{kind}" for kind in KINDS))
WORK = Path(os.environ.get("INTERPLAY_LABELLING_DIR", "/work/labelling"))
BATCH = 100
SEED = 20261201

SAFETY = ("self_harm", "harm_from_others", "both", "none")
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


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    path.write_text(text, encoding="utf-8")


def kind_of(name: str) -> str:
    """The label kind of a set: "blind-safety" is labelled like "safety"."""
    return name.removeprefix("blind-")


def text_files(name: str) -> list[Path]:
    if name.startswith("blind-"):
        return sorted(BLIND.glob(f"{kind_of(name)}-*.jsonl"))
    return sorted((CORPUS / name).glob("*.jsonl"))


def labels_file(name: str) -> Path:
    if name.startswith("blind-"):
        return BLIND / f"{kind_of(name)}-labels.jsonl"
    return CORPUS / f"{name}-labels.jsonl"


def corpus_rows(kind: str) -> list[dict[str, Any]]:
    """Every written text of a set. A writer may be appending to a file right now, so a last
    line that is not yet whole is left for the next run."""
    rows: list[dict[str, Any]] = []
    for path in text_files(kind):
        if path.name.endswith(("-labels.jsonl", "-rulings.jsonl")):
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                if number != len(lines):
                    raise
    return rows


def validate(name: str, label: Any) -> Any:
    """The label in its canonical form, or ValueError saying what is wrong with it."""
    kind = kind_of(name)
    if kind == "safety":
        if label not in SAFETY:
            raise ValueError(f"safety label must be one of {SAFETY}, not {label!r}")
        return label
    if kind == "themes":
        if not isinstance(label, list) or any(t not in THEMES for t in label):
            raise ValueError(f"themes label must be a list of {THEMES}, not {label!r}")
        return sorted(set(label))
    if not isinstance(label, dict) or set(label) != set(FIELDS):
        raise ValueError(f"statements label must have exactly the fields {FIELDS}")
    if not all(isinstance(label[f], bool) for f in FIELDS):
        raise ValueError("statements fields must be true or false")
    return {f: label[f] for f in FIELDS}


def shown(path: Path) -> str:
    """A path as the person running the tool reads it best: from the repository root."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def ledger(kind: str) -> dict[str, dict[str, Any]]:
    """The labels file's rows by text id: what earlier sessions settled."""
    path = labels_file(kind)
    return {row["id"]: row for row in read_jsonl(path)} if path.exists() else {}


def batch_number(name: str) -> int:
    return int(name.removeprefix("batch-"))


def batched_ids(kind: str) -> set[str]:
    ids: set[str] = set(ledger(kind))
    for path in (WORK / kind / "batches").glob("batch-*.jsonl"):
        ids.update(row["id"] for row in read_jsonl(path))
    return ids


def last_batch_number(kind: str) -> int:
    names = [row["batch"] for row in ledger(kind).values() if "batch" in row]
    names += [path.stem for path in (WORK / kind / "batches").glob("batch-*.jsonl")]
    return max((batch_number(name) for name in names), default=0)


def make_batches(kind: str, take_all: bool) -> int:
    done = batched_ids(kind)
    fresh = [row for row in corpus_rows(kind) if row["id"] not in done]
    random.Random(f"{SEED}-{kind}-{len(done)}").shuffle(fresh)  # noqa: S311 - a fixed, repeatable order
    number = last_batch_number(kind)
    made = 0
    while len(fresh) >= BATCH or (take_all and fresh):
        chunk, fresh = fresh[:BATCH], fresh[BATCH:]
        number += 1
        made += 1
        rows = [{"id": row["id"], "text": row["text"]} for row in chunk]
        write_jsonl(WORK / kind / "batches" / f"batch-{number:03d}.jsonl", rows)
    print(f"{kind}: {made} new batches, {len(fresh)} texts waiting for a full batch")
    return 0


def answers(kind: str, which: str) -> dict[str, tuple[str, Any, str]]:
    found: dict[str, tuple[str, Any, str]] = {}
    for path in sorted((WORK / kind / which).glob("batch-*.jsonl")):
        for row in read_jsonl(path):
            found[row["id"]] = (path.stem, validate(kind, row["label"]), row.get("note", ""))
    return found


def collect(kind: str) -> int:
    a, b = answers(kind, "pass_a"), answers(kind, "pass_b")
    out_path = labels_file(kind)
    previous = ledger(kind)
    merged = dict(previous)
    for text_id in sorted(set(a) | set(b)):
        old = previous.get(text_id, {})
        row: dict[str, Any] = {"id": text_id, "batch": (a.get(text_id) or b[text_id])[0]}
        for which, found in (("pass_a", a), ("pass_b", b)):
            if text_id in found:
                row[which] = found[text_id][1]
            elif which in old:
                row[which] = old[which]
        notes = [n for n in (a.get(text_id, ("", "", ""))[2], b.get(text_id, ("", "", ""))[2]) if n]
        notes = notes or old.get("notes", [])
        if notes:
            row["notes"] = notes
        both = "pass_a" in row and "pass_b" in row
        row["agreed"] = both and row["pass_a"] == row["pass_b"]
        if row["agreed"]:
            row["label"] = row["pass_a"]
        elif both and "reason" in previous.get(text_id, {}):
            row["label"] = validate(kind, previous[text_id]["label"])
            row["reason"] = previous[text_id]["reason"]
        merged[text_id] = row
    rows = [merged[text_id] for text_id in sorted(merged)]
    write_jsonl(out_path, rows)
    counts = Counter(
        "agreed"
        if r["agreed"]
        else "adjudicated"
        if "reason" in r
        else "to adjudicate"
        if "pass_b" in r and "pass_a" in r
        else "one pass"
        for r in rows
    )
    print(f"{kind}: {len(rows)} texts labelled: {dict(counts)} -> {shown(out_path)}")
    return 0


def disagreements(kind: str) -> int:
    """Write WORK/SET/disagreements.jsonl: each text the passes disagree on and that has no
    ruling yet, with both answers and the labellers' notes, for the adjudicator."""
    texts = {row["id"]: row["text"] for row in corpus_rows(kind)}
    todo = [
        {
            "id": row["id"],
            "text": texts[row["id"]],
            "pass_a": row["pass_a"],
            "pass_b": row["pass_b"],
            "notes": row.get("notes", []),
        }
        for row in read_jsonl(labels_file(kind))
        if "pass_a" in row and "pass_b" in row and "label" not in row
    ]
    write_jsonl(WORK / kind / "disagreements.jsonl", todo)
    print(f"{kind}: {len(todo)} disagreements -> {WORK / kind / 'disagreements.jsonl'}")
    return 0


def adjudicate(kind: str, rulings_path: Path) -> int:
    """Settle disagreements: each ruling is {"id", "label", "reason"}; only texts the two
    passes disagree on take a ruling, and every ruling needs its reason."""
    out_path = labels_file(kind)
    rows = read_jsonl(out_path)
    by_id = {row["id"]: row for row in rows}
    for ruling in read_jsonl(rulings_path):
        row = by_id.get(ruling["id"])
        if row is None or row["agreed"] or not ruling.get("reason"):
            raise ValueError(f"{ruling['id']}: only a disagreement takes a ruling, with a reason")
        row["label"] = validate(kind, ruling["label"])
        row["reason"] = ruling["reason"]
    write_jsonl(out_path, rows)
    left = sum(1 for r in rows if "pass_a" in r and "pass_b" in r and "label" not in r)
    print(f"{kind}: {left} disagreements left to adjudicate")
    return 0


def cohen_kappa(pairs: list[tuple[Any, Any]]) -> float:
    n = len(pairs)
    if not n:
        return float("nan")
    observed = sum(x == y for x, y in pairs) / n
    left, right = Counter(x for x, _ in pairs), Counter(y for _, y in pairs)
    expected = sum(left[k] * right.get(k, 0) for k in left) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def agreement(kind: str) -> dict[str, tuple[int, float]]:
    """Cohen's kappa per label over texts both passes labelled: the safety label as one
    four-way choice and each risk kind as yes/no; each theme and each statement field as
    yes/no."""
    rows = [r for r in read_jsonl(labels_file(kind)) if "pass_a" in r and "pass_b" in r]
    result: dict[str, tuple[int, float]] = {}
    kind = kind_of(kind)
    if kind == "safety":
        result["label (4 ways)"] = (
            len(rows),
            cohen_kappa([(r["pass_a"], r["pass_b"]) for r in rows]),
        )
        for risk in ("self_harm", "harm_from_others"):

            def has(label: str, risk: str = risk) -> bool:
                return label in (risk, "both")

            result[risk] = (
                len(rows),
                cohen_kappa([(has(r["pass_a"]), has(r["pass_b"])) for r in rows]),
            )
    else:
        names = THEMES if kind == "themes" else FIELDS
        for name in names:

            def on(label: Any, name: str = name) -> bool:
                return name in label if kind == "themes" else bool(label[name])

            result[name] = (
                len(rows),
                cohen_kappa([(on(r["pass_a"]), on(r["pass_b"])) for r in rows]),
            )
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "command", choices=("batch", "collect", "agreement", "disagreements", "adjudicate")
    )
    parser.add_argument("set", choices=SETS)
    parser.add_argument("--all", action="store_true", help="batch the remainder too")
    parser.add_argument("--rulings", type=Path, help="with adjudicate: a JSONL of rulings")
    args = parser.parse_args(argv)
    if args.command == "batch":
        return make_batches(args.set, args.all)
    if args.command == "collect":
        return collect(args.set)
    if args.command == "disagreements":
        return disagreements(args.set)
    if args.command == "adjudicate":
        return adjudicate(args.set, args.rulings)
    for name, (n, kappa) in agreement(args.set).items():
        print(f"{args.set:10} {name:20} n={n:5} kappa={kappa:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
