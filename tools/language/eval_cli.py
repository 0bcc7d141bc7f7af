"""The shared command line of the per-analysis evaluators (`python -m
tools.language.eval_themes`, `... eval_safety`): the same options and the same report
layout, so one evaluator's output reads like the other's. `--engine cue` scores the cue rules
alone, for comparison with the default (composite) engine."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from interplay.language.engine import DEFAULT_ENGINE, ENGINE_NAMES

Example = TypeVar("Example")


def run_evaluation(
    argv: Sequence[str] | None,
    *,
    description: str | None,
    default_data: Path,
    load: Callable[[Path], list[Example]],
    select: Callable[[Sequence[Example], str], list[Example]],
    report: Callable[[Sequence[Example], str, str], str],
    errors: Callable[[Sequence[Example], str], str],
) -> None:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", type=Path, default=default_data)
    parser.add_argument("--split", choices=("all", "train", "test", "each"), default="each")
    parser.add_argument("--errors", action="store_true", help="list the texts it gets wrong")
    parser.add_argument("--engine", choices=ENGINE_NAMES, default=DEFAULT_ENGINE)
    args = parser.parse_args(argv)
    examples = load(args.data)
    splits = ("train", "test", "all") if args.split == "each" else (args.split,)
    for split in splits:
        chosen = select(examples, split)
        print(report(chosen, split, args.engine))
        if args.errors:
            print(errors(chosen, args.engine))
        print()
