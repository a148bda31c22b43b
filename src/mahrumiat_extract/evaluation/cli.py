"""The ``evaluate`` and ``bench`` sub-commands: thin layers over :func:`evaluate` and
:mod:`mahrumiat_extract.evaluation.bench`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

__all__ = ["add_commands", "cmd_bench", "cmd_evaluate"]

EVALUATE_EPILOG = """gold format: one JSON object a line,
  {"id": "a1", "text": "...", "gold": {"officials": [{"name": ..., "title": ...,
   "jurisdiction": ...}], "provinces": ["یزد"], "places": [{"name": ...}],
   "neighborhoods": [{"name": ...}], "project_counts": [{"count": 132, "unit": "پروژه"}],
   "job_figures": [{"count": 40, "unit": "شغل"}]}}
  (fields left out count as empty)

examples:
  mahrumiat-extract evaluate gold.jsonl
  mahrumiat-extract evaluate gold.jsonl --errors
  mahrumiat-extract evaluate gold.jsonl --json > scores.json
  mahrumiat-extract evaluate gold.jsonl --predictions records.jsonl
  mahrumiat-extract evaluate gold.jsonl --floors tests/eval_floors.json
  mahrumiat-extract evaluate gold.jsonl --halves     # half A (tune), half B (check), B - A
  mahrumiat-extract evaluate gold.jsonl --half B     # only the check half
  mahrumiat-extract evaluate --peyma                 # PEYMA silver (../shared/eval/)
  mahrumiat-extract evaluate --peyma --errors        # plus each false item, missed per_titled
"""

BENCH_EPILOG = """examples:
  mahrumiat-extract bench --quick
  mahrumiat-extract bench --mb 20 --stream 100000 --markdown docs/benchmark.md
"""


def cmd_peyma(args: argparse.Namespace) -> int:
    from ..errors import InputError
    from .peyma import evaluate_peyma

    try:
        report = evaluate_peyma(args.peyma, corpus=args.peyma_corpus, predictions=args.predictions)
    except InputError as exc:
        print(f"mahrumiat-extract evaluate: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_dict(errors=args.errors), ensure_ascii=False, indent=2))
    else:
        if args.errors:
            print(report.format_errors())
            print()
        print(report.format_table())
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from ..errors import InputError

    if (args.gold is None) == (args.peyma is None):
        print("mahrumiat-extract evaluate: give a GOLD file or --peyma (one of them)",
              file=sys.stderr)  # fmt: skip
        return 2
    if args.peyma is not None:
        if args.halves or args.half or args.floors or args.raise_floors:
            print("mahrumiat-extract evaluate: --peyma takes no --halves/--half/--floors",
                  file=sys.stderr)  # fmt: skip
            return 2
        return cmd_peyma(args)
    from .api import evaluate, evaluate_halves
    from .gate import check_floors, load_floors, raise_floors

    halves = None
    try:
        if args.halves:
            halves = evaluate_halves(args.gold, predictions=args.predictions)
            report = halves.all
        else:
            report = evaluate(args.gold, predictions=args.predictions, half=args.half)
        floors = load_floors(args.floors)["floors"] if args.floors else None
    except InputError as exc:
        print(f"mahrumiat-extract evaluate: {exc}", file=sys.stderr)
        return 2
    if args.json:
        data = halves.to_dict(errors=args.errors) if halves else report.to_dict(errors=args.errors)
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        if args.errors:
            print(report.format_errors())
            print()
        print(halves.format_table() if halves else report.format_table())
    status = 0
    if floors is not None:
        shortfalls = check_floors(report, floors)
        for s in shortfalls:
            print(f"below floor: {s}", file=sys.stderr)
        status = 1 if shortfalls else 0
    if args.raise_floors:
        for metric, (old, new) in raise_floors(args.raise_floors, report).items():
            print(f"floor raised: {metric} {old:.2f} -> {new:.2f}", file=sys.stderr)
    return status


def cmd_bench(args: argparse.Namespace) -> int:
    from .bench import main_args

    return main_args(args)


def add_commands(sub: Any) -> None:
    """Add ``evaluate`` and ``bench`` to the CLI's sub-parsers."""
    p = sub.add_parser(
        "evaluate",
        help="score the extractor against a gold JSONL file (P, R, F1 per field)",
        description="Score against gold as SPEC.md fixes it: per-field precision, recall and "
        "F1 (micro-averaged over articles), a macro average over fields, and title/"
        "jurisdiction accuracy on matched officials. Runs the extractor on each gold "
        "article's text unless --predictions gives saved records.",
        epilog=EVALUATE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "gold", metavar="GOLD.jsonl", nargs="?", help='gold file: {"id", "text", "gold"} a line'
    )
    p.add_argument(
        "--peyma",
        metavar="SILVER.jsonl",
        nargs="?",
        const="../shared/eval/peyma_silver.jsonl",
        help="instead of gold: PEYMA silver entities (default ../shared/eval/peyma_silver.jsonl)"
        ": official-name precision, per_titled recall, place precision",
    )
    p.add_argument(
        "--peyma-corpus",
        metavar="CORPUS.jsonl[.gz]",
        help="the documents' texts for --peyma (default: ../corpus/news.jsonl.gz beside the "
        "silver file's directory)",
    )
    p.add_argument(
        "--predictions",
        metavar="RECORDS.jsonl",
        help="score these saved records (from `extract`) instead of running the extractor; "
        "paired with gold (or --peyma documents) by id",
    )
    half = p.add_mutually_exclusive_group()
    half.add_argument(
        "--halves",
        action="store_true",
        help="score the two fixed halves of the gold (by a hash of the id: A to tune, B to "
        "check) and the difference B - A per field; --floors apply to the whole set",
    )
    half.add_argument(
        "--half", choices=("A", "B"), help="score only this half of the gold (see --halves)"
    )
    p.add_argument("--errors", action="store_true", help="list per article what was missed/extra")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument(
        "--floors", metavar="FLOORS.json", help="exit 1 if a metric scores below its floor"
    )
    p.add_argument(
        "--raise-floors",
        metavar="FLOORS.json",
        help="raise the floors in this file to the current scores (never lowers one)",
    )
    p.set_defaults(func=cmd_evaluate)

    from .bench import add_arguments

    b = sub.add_parser(
        "bench",
        help="benchmark: throughput vs hazm's normalizer, stream memory, start-up time",
        description="Time the pipeline (articles/s, MB/s, per stage) against hazm's "
        "Normalizer().normalize on the same articles, peak RSS of a streamed batch through "
        "the CLI, and import + first article in a fresh process.",
        epilog=BENCH_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_arguments(b)
    b.set_defaults(func=cmd_bench)
