"""Command line: a thin layer over the library (every command is a library function)."""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from collections.abc import Sequence

from . import __version__
from .batch.cli import add_read_arguments, read_options
from .batch.readers import iter_items
from .batch.work import extract_item
from .records import ArticleRecord

__all__ = ["main"]

# Modules that add their own sub-commands through ``add_commands(subparsers)``.
COMMAND_MODULES = ("mahrumiat_extract.batch.cli", "mahrumiat_extract.evaluation.cli")

EPILOG = """examples:
  mahrumiat-extract extract article.txt -o out.jsonl
  mahrumiat-extract extract articles/ dump.jsonl -o out.jsonl
  mahrumiat-extract run data/samples -o out/samples.duckdb
  mahrumiat-extract evaluate gold.jsonl --errors
  mahrumiat-extract schema > record.schema.json
"""


def cmd_extract(args: argparse.Namespace) -> int:
    out = open(args.output, "w", encoding="utf-8") if args.output != "-" else sys.stdout
    ok = failed = 0
    try:
        for item in iter_items(list(args.paths), read_options(args)):
            got = extract_item(item)
            if got.record is None:
                where = f"{item.input}:{item.position}" if item.position else item.input
                print(f"mahrumiat-extract: {where}: {got.error}", file=sys.stderr)
                failed += 1
                continue
            out.write(got.record.model_dump_json() + "\n")
            ok += 1
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"{ok} articles extracted, {failed} failed", file=sys.stderr)
    return 1 if failed else 0


def cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(ArticleRecord.model_json_schema(), ensure_ascii=False, indent=2))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mahrumiat-extract",
        description="Extract officials, places and figures from Persian news articles.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress and details")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser(
        "extract",
        help="extract articles (files, directories, dumps, feeds, archives) to JSONL records",
        description="Extract articles to JSONL, one ArticleRecord a line. Inputs are read as by "
        "`run` (.txt/.html files, directories, JSONL, CSV, RSS/Atom, WARC, compressed): "
        '.txt files (id = file name), JSONL ({"id", "text", ...} a line) ... Use `run` for '
        "a store, parallel workers and resume.",
        epilog="examples:\n  mahrumiat-extract extract article.txt\n"
        "  mahrumiat-extract extract corpus/ dump.jsonl -o records.jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, dump or archive")
    p.add_argument("-o", "--output", default="-", help="output JSONL file (default: stdout)")
    add_read_arguments(p)
    p.set_defaults(func=cmd_extract)
    p = sub.add_parser(
        "schema",
        help="print the JSON Schema of ArticleRecord",
        description="Print the JSON Schema of the record every command writes.",
        epilog="example:\n  mahrumiat-extract schema > record.schema.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.set_defaults(func=cmd_schema)
    for mod in COMMAND_MODULES:
        importlib.import_module(mod).add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, stream=sys.stderr)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("mahrumiat-extract: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (``| head``): stop quietly, as Unix tools do
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    raise SystemExit(main())
