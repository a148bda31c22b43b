"""Command line: a thin layer over the library (every command is a library function)."""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .api import decode_bytes, extract
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


def iter_inputs(paths: Sequence[str]) -> Iterator[tuple[str, dict[str, Any] | None, str | None]]:
    """Yield ``(name, item, error)`` for .txt files, directories of them and JSONL files.

    ``item`` is ``{"id", "text", ...}``; an unreadable input gives ``item=None`` and the reason.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in (".txt", ".jsonl"))
            if not files:
                yield str(path), None, "directory holds no .txt or .jsonl files"
            for f in files:
                yield from iter_inputs([str(f)])
        elif not path.exists():
            yield str(path), None, "no such file"
        elif path.suffix == ".jsonl":
            try:
                fh = path.open("rb")
            except OSError as exc:
                yield str(path), None, f"cannot open: {exc.strerror}"
                continue
            with fh:
                for n, line in enumerate(fh, 1):
                    name = f"{path}:{n}"
                    if not line.strip():
                        continue
                    text, _ = decode_bytes(line)
                    try:
                        obj = json.loads(text)
                    except json.JSONDecodeError as exc:
                        yield name, None, f"invalid JSON: {exc.msg}"
                        continue
                    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                        yield name, None, 'a JSON object with a "text" string is expected'
                        continue
                    obj.setdefault("id", f"{path.stem}:{n}")
                    yield name, obj, None
        else:
            try:
                data = path.read_bytes()
            except OSError as exc:
                yield str(path), None, f"cannot read: {exc.strerror}"
                continue
            text, _ = decode_bytes(data)
            yield str(path), {"id": path.stem, "text": text}, None


def cmd_extract(args: argparse.Namespace) -> int:
    out = open(args.output, "w", encoding="utf-8") if args.output != "-" else sys.stdout
    ok = failed = 0
    try:
        for name, item, error in iter_inputs(args.paths):
            if item is None:
                print(f"mahrumiat-extract: {name}: {error}", file=sys.stderr)
                failed += 1
                continue
            try:
                record = extract(
                    item["text"],
                    id=str(item.get("id")) if item.get("id") is not None else None,
                    published=item.get("published") or item.get("date"),
                    title=item.get("title"),
                    source=item.get("source"),
                )
            except Exception as exc:
                print(f"mahrumiat-extract: {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
                failed += 1
                continue
            out.write(record.model_dump_json() + "\n")
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
        help="extract .txt files, directories and JSONL to JSONL records",
        description="Extract articles to JSONL, one ArticleRecord a line. Inputs: .txt files "
        '(id = file name), directories of them, JSONL files ({"id", "text", ...} a line).',
        epilog="examples:\n  mahrumiat-extract extract article.txt\n"
        "  mahrumiat-extract extract corpus/ dump.jsonl -o records.jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help=".txt file, directory or .jsonl file")
    p.add_argument("-o", "--output", default="-", help="output JSONL file (default: stdout)")
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
