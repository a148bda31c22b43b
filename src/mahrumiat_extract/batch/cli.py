"""Sub-commands ``run`` (the batch job into a DuckDB store) and ``export`` (store → Parquet,
JSONL): thin layers over :func:`~mahrumiat_extract.batch.runner.run` and
:mod:`~mahrumiat_extract.batch.store`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .readers import FORMATS, ReadOptions
from .runner import BatchError, RunOptions, run
from .work import MAX_SECONDS

__all__ = ["add_commands", "add_read_arguments", "cmd_export", "cmd_run", "read_options"]

RUN_EPILOG = """examples:
  mahrumiat-extract run data/samples/feeds -o out/samples.duckdb
  mahrumiat-extract run dumps/*.jsonl.gz -o news.duckdb --jobs 4 --resume
  mahrumiat-extract run dump.csv -o news.duckdb --id-field news_id --text-field body
  mahrumiat-extract run archive.warc.gz -o news.duckdb --parquet out/parquet
  mahrumiat-extract run dumps/ -o news.duckdb --engine dask --scheduler tcp://10.0.0.5:8786
  mahrumiat-extract run mehr.jsonl irna.jsonl -o news.duckdb --id-prefix '{name}:'
  mahrumiat-extract run ChatExport/result.json telegram.tar.gz -o news.duckdb --no-text

exit code: 0 every article stored, 1 some failed (see the errors table), 2 the run could not
run (usage, a locked store, a crash), 130 interrupted.
"""


def add_read_arguments(p: argparse.ArgumentParser) -> None:
    """The input options shared by ``run`` and ``extract`` (see :func:`read_options`)."""
    p.add_argument("--format", choices=FORMATS, default="auto", help="input format (default: "
                   "from file names)")  # fmt: skip
    for name, default in (("id", "id"), ("text", "text"), ("date", "date"), ("url", "url"),
                          ("title", "title"), ("source", "source")):  # fmt: skip
        p.add_argument(
            f"--{name}-field",
            default=default,
            metavar="FIELD",
            help=f"JSONL/CSV field of the article's {name} (default {default!r})",
        )
    p.add_argument(
        "--id-prefix",
        default="",
        metavar="TEMPLATE",
        help="put before every article id; {name} is the input's file name without "
        "suffixes ('{name}:' gives mehr:1, irna:1 for two dumps numbered alike)",
    )
    p.add_argument("--max-record-mb", type=int, default=16, help="longest article/line in MB")
    p.add_argument("--max-decompressed-mb", type=int, default=4096,
                   help="largest decompressed file in MB (zip bomb guard)")  # fmt: skip


def read_options(args: argparse.Namespace) -> ReadOptions:
    """The :class:`ReadOptions` of :func:`add_read_arguments`' arguments."""
    return ReadOptions(
        format=args.format,
        id_field=args.id_field,
        text_field=args.text_field,
        date_field=args.date_field,
        url_field=args.url_field,
        title_field=args.title_field,
        source_field=args.source_field,
        id_prefix=args.id_prefix,
        max_record_bytes=args.max_record_mb << 20,
        max_decompressed_bytes=args.max_decompressed_mb << 20,
    )


def _fail(message: str) -> int:
    print(f"mahrumiat-extract: error: {message}", file=sys.stderr)
    return 2


def _guarded(command: Any, args: argparse.Namespace) -> int:
    """Run a command; what stops it (not an article: those are error rows) is a clear message
    and exit code 2, never a raw traceback."""
    try:
        return int(command(args))
    except BatchError as exc:
        return _fail(str(exc))
    except MemoryError:
        return _fail("out of memory; try fewer --jobs, a smaller --chunk-size, or a lower "
                     "MAHRUMIAT_DUCKDB_MEMORY")  # fmt: skip
    except KeyboardInterrupt:
        raise
    except Exception as exc:
        kind = type(exc).__name__
        if "OutOfMemory" in kind:
            return _fail(f"DuckDB ran out of memory ({exc}); set MAHRUMIAT_DUCKDB_MEMORY "
                         "higher (e.g. 256MB)")  # fmt: skip
        import traceback

        traceback.print_exc()
        return _fail(f"the run stopped: {kind}: {exc}")


def cmd_run(args: argparse.Namespace) -> int:
    return _guarded(_cmd_run, args)


def _cmd_run(args: argparse.Namespace) -> int:
    read = read_options(args)
    options = RunOptions(
        jobs=args.jobs,
        chunk_size=args.chunk_size,
        commit_every=args.commit_every,
        resume=args.resume,
        engine=args.engine,
        scheduler=args.scheduler,
        jsonl=Path(args.jsonl) if args.jsonl else None,
        parquet=Path(args.parquet) if args.parquet else None,
        progress=False if args.no_progress else None,
        max_seconds=args.max_seconds if args.max_seconds > 0 else None,
        text=not args.no_text,
    )
    summary = run(args.inputs, args.output, read=read, options=options)
    t = summary.totals
    print(summary.line(), file=sys.stderr)
    print(
        f"store {summary.store}: {t.get('articles', 0)} articles, {t.get('officials', 0)} "
        f"officials, {t.get('places', 0)} places, {t.get('provinces', 0)} provinces, "
        f"{t.get('figures', 0)} figures, {t.get('errors', 0)} errors",
        file=sys.stderr,
    )
    return summary.exit_code


def cmd_export(args: argparse.Namespace) -> int:
    return _guarded(_cmd_export, args)


def _cmd_export(args: argparse.Namespace) -> int:
    from . import store

    if not Path(args.store).exists():
        print(f"mahrumiat-extract: {args.store}: no such store", file=sys.stderr)
        return 2
    if not (args.parquet or args.jsonl):
        print("mahrumiat-extract: export needs --parquet DIR and/or --jsonl FILE", file=sys.stderr)
        return 2
    try:
        con = store.connect(args.store, read_only=True)
    except Exception as exc:
        return _fail(f"{args.store}: cannot open the store: {str(exc).splitlines()[0]}")
    try:
        if args.parquet:
            paths = store.export_parquet(con, args.parquet)
            print(f"{len(paths)} tables written to {args.parquet}", file=sys.stderr)
        if args.jsonl:
            n = store.export_jsonl(con, args.jsonl)
            print(f"{n} records written to {args.jsonl}", file=sys.stderr)
    finally:
        con.close()
    return 0


def add_commands(sub: Any) -> None:
    """Add ``run`` and ``export`` to the CLI's sub-parsers."""
    p = sub.add_parser(
        "run",
        help="batch-process archived feeds into a DuckDB store (the main job)",
        description="Read articles from directories of .txt/.html files, JSONL and CSV dumps, "
        "RSS/Atom feeds and WARC archives (also .gz, .bz2, .zst, .zip), extract them in "
        "parallel and store the records in DuckDB tables (articles, officials, places, "
        "provinces, neighborhoods, figures, mentions, errors). Re-running does not duplicate "
        "rows; --resume skips articles already stored.",
        epilog=RUN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="file or directory")
    p.add_argument("-o", "--output", required=True, metavar="STORE", help="DuckDB file")
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--resume", action="store_true", help="skip articles already in the store")
    add_read_arguments(p)
    p.add_argument("--jsonl", metavar="FILE", help="also write the records as JSONL")
    p.add_argument("--parquet", metavar="DIR", help="also export every table to Parquet")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes (default) or a Dask cluster")  # fmt: skip
    p.add_argument(
        "--scheduler",
        metavar="ADDR",
        help="Dask scheduler, e.g. tcp://host:8786 "
        "(default with --engine dask: a local cluster of --jobs workers)",
    )
    p.add_argument("--chunk-size", type=int, default=32, help="articles a task (default 32)")
    p.add_argument("--commit-every", type=int, default=512, metavar="N",
                   help="articles a transaction (default 512; also every 2 s)")  # fmt: skip
    p.add_argument("--max-seconds", type=float, default=MAX_SECONDS, metavar="S",
                   help=f"time budget of one article (default {MAX_SECONDS:g}); past it the "
                   "article is an E613 error row; 0: no budget")  # fmt: skip
    p.add_argument("--no-progress", action="store_true", help="plain log lines, no bar")
    p.add_argument("--no-text", action="store_true",
                   help="leave the article texts out of the store (the texts table)")  # fmt: skip
    p.set_defaults(func=cmd_run)

    p = sub.add_parser(
        "export",
        help="export a store's tables to Parquet and/or its records to JSONL",
        description="Export every table of a DuckDB store to DIR/<table>.parquet, and/or "
        "the stored records as JSONL (one ArticleRecord a line).",
        epilog="examples:\n  mahrumiat-extract export out/samples.duckdb --parquet out/parquet\n"
        "  mahrumiat-extract export out/samples.duckdb --jsonl out/records.jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("store", metavar="STORE", help="DuckDB file written by run")
    p.add_argument("--parquet", metavar="DIR", help="directory for <table>.parquet files")
    p.add_argument("--jsonl", metavar="FILE", help="JSONL file of the records")
    p.set_defaults(func=cmd_export)
