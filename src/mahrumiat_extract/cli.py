"""Command line: a thin layer over the library (every command is a library function)."""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from . import __version__
from .batch.cli import add_read_arguments, read_options
from .batch.readers import Item, ReadOptions, Tracker, input_size, iter_items
from .batch.readers.archives import read_stream
from .batch.readers.ids import prefix_id
from .batch.work import extract_item
from .errors import InputError
from .records import ArticleRecord

__all__ = ["main"]

# Modules that add their own sub-commands through ``add_commands(subparsers)``.
COMMAND_MODULES = ("mahrumiat_extract.batch.cli", "mahrumiat_extract.evaluation.cli")

EPILOG = """examples:
  mahrumiat-extract extract article.txt -o out.jsonl
  mahrumiat-extract extract articles/ dump.jsonl -o out.jsonl
  cat article.txt | mahrumiat-extract extract -
  mahrumiat-extract show article.txt -o page.html
  mahrumiat-extract run data/samples -o out/samples.duckdb
  mahrumiat-extract evaluate gold.jsonl --errors
  mahrumiat-extract schema > record.schema.json
"""


#: the name standard input (``-``) is given in error messages and ids
STDIN = "<stdin>"


def _stdin_name(head: bytes, opts: ReadOptions) -> str:
    """A file name for standard input from which its format follows: ``--format`` if given,
    else from the first bytes (JSON, a feed, a WARC, an HTML page, or text)."""
    if opts.format != "auto":
        return f"stdin.{opts.format}"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if start.startswith(b"\x1f\x8b"):
        return "stdin.txt.gz"
    if start.startswith((b"{", b"[")):
        return "stdin.json"
    if start.startswith(b"warc/"):
        return "stdin.warc"
    if start.startswith(b"<") and (b"<rss" in start or b"<feed" in start):
        return "stdin.rss"
    return "stdin.html" if start.startswith(b"<") else "stdin.txt"


def iter_inputs(
    paths: Sequence[str], opts: ReadOptions, *, tracker: Tracker | None = None
) -> Iterator[Item]:
    """:func:`~.batch.readers.iter_items` over ``paths``, where ``-`` is standard input (its
    format from ``--format`` or its first bytes; a single article's id is ``stdin``)."""
    for path in paths:
        if path != "-":
            yield from iter_items([path], opts, tracker=tracker)
            continue
        stream = sys.stdin.buffer
        head = stream.peek(512) if hasattr(stream, "peek") else b""
        for item in read_stream(stream, STDIN, _stdin_name(head, opts), opts):
            yield prefix_id(item, opts.id_prefix)


class _Bar:
    """A tqdm bar over input bytes on a terminal (stderr a TTY), as ``run`` shows; nothing
    otherwise."""

    def __init__(self, paths: Sequence[str], opts: ReadOptions, *, enabled: bool) -> None:
        self.tracker = Tracker()
        self.bar: Any = None
        if enabled and sys.stderr.isatty():
            from tqdm import tqdm

            files = [p for p in paths if p != "-"]
            self.tracker.total = input_size(files, opts) if files else 0
            self.bar = tqdm(total=self.tracker.total or None, unit="B", unit_scale=True,
                            file=sys.stderr, desc="extract", dynamic_ncols=True)  # fmt: skip

    def update(self, ok: int, failed: int) -> None:
        if self.bar is not None:
            self.bar.update(self.tracker.position() - self.bar.n)
            self.bar.set_postfix(articles=ok, failed=failed, refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def cmd_extract(args: argparse.Namespace) -> int:
    opts = read_options(args)
    bar = _Bar(args.paths, opts, enabled=not args.no_progress)
    out = open(args.output, "w", encoding="utf-8") if args.output != "-" else sys.stdout
    ok = failed = 0
    try:
        for item in iter_inputs(list(args.paths), opts, tracker=bar.tracker):
            got = extract_item(item)
            if got.record is None:
                where = f"{item.input}:{item.position}" if item.position else item.input
                print(f"mahrumiat-extract: {where}: {got.error}", file=sys.stderr)
                failed += 1
            else:
                out.write(got.record.model_dump_json() + "\n")
                ok += 1
            bar.update(ok, failed)
    finally:
        bar.close()
        if out is not sys.stdout:
            out.close()
    print(f"{ok} articles extracted, {failed} failed", file=sys.stderr)
    return 1 if failed else 0


def cmd_show(args: argparse.Namespace) -> int:
    from .show import show_items

    items = iter_inputs([args.article], read_options(args))
    try:
        page, record, _ = show_items(items, id=args.id)
    except InputError as exc:
        print(f"mahrumiat-extract: {exc}", file=sys.stderr)
        return 1
    if args.output == "-":
        sys.stdout.write(page)
    else:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(page)
        n = len(record.spans())
        print(f"{args.output}: {record.id}, {n} mentions highlighted", file=sys.stderr)
    return 0


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
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="file, directory, dump or archive; - reads standard input")  # fmt: skip
    p.add_argument("-o", "--output", default="-", help="output JSONL file (default: stdout)")
    p.add_argument("--no-progress", action="store_true",
                   help="no progress bar (shown only when stderr is a terminal)")  # fmt: skip
    add_read_arguments(p)
    p.set_defaults(func=cmd_extract)
    p = sub.add_parser(
        "show",
        help="write one article as an HTML page: every extracted item highlighted, the record "
        "beside it",
        description="Write one HTML page (right to left) of an article: its text with every "
        "extracted item highlighted in the colour of its kind, a legend, and the record beside "
        "it. ARTICLE is any input `extract` reads; of a dump, the article --id (or the first).",
        epilog="examples:\n  mahrumiat-extract show article.txt -o page.html\n"
        "  mahrumiat-extract show dump.jsonl --id a17 -o a17.html\n"
        "  cat article.txt | mahrumiat-extract show - > page.html",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("article", metavar="ARTICLE", help="file, dump or feed; - reads standard input")
    p.add_argument("-o", "--output", default="-", help="the HTML page (default: stdout)")
    p.add_argument("--id", help="the article's id in a dump or feed (default: the first)")
    add_read_arguments(p)
    p.set_defaults(func=cmd_show)
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
