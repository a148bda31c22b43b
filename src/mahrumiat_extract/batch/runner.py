"""The batch job: inputs → chunks → worker processes (or a Dask cluster) → the DuckDB store.

Memory stays flat: items are read lazily, at most ``2 × jobs + 2`` chunks are in flight, and
each finished chunk is committed in one transaction (so ``kill -9`` loses at most the chunks
in flight, and ``--resume`` redoes only those). Ctrl-C stops reading, keeps what is committed
and returns exit code 130.

One rule: every input item ends as a stored article or an ``errors`` row (input, position,
coded reason), whatever happens in a reader, a stage, a worker or the store. A transaction
that fails is written again item by item, so only the item that cannot be stored fails (E612).
"""

from __future__ import annotations

import collections
import datetime as dt
import itertools
import json
import signal
import sys
import time
import uuid
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TextIO

from ..errors import warning
from . import store
from .engine import Engine
from .options import BatchError, RunOptions, RunSummary
from .readers import Item, ReadOptions, Tracker, input_size, iter_items
from .store import Rows
from .work import Done

__all__ = ["BatchError", "RunOptions", "RunSummary", "run"]


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


class _Progress:
    """A tqdm bar over input bytes (articles/s in the postfix) or plain lines every few s."""

    def __init__(self, tracker: Tracker, options: RunOptions, stream: TextIO) -> None:
        self.tracker, self.stream, self.every = tracker, stream, options.log_every
        self.start = self.last = time.monotonic()
        bar = options.progress if options.progress is not None else stream.isatty()
        self.bar: Any = None
        if bar:
            from tqdm import tqdm

            self.bar = tqdm(
                total=tracker.total or None, unit="B", unit_scale=True, file=stream,
                desc="run", dynamic_ncols=True,
            )  # fmt: skip

    def update(self, summary: RunSummary, *, final: bool = False) -> None:
        now = time.monotonic()
        rate = summary.read / max(now - self.start, 1e-9)
        done = self.tracker.position()
        if self.bar is not None:
            self.bar.update(done - self.bar.n)
            self.bar.set_postfix(articles=summary.stored, failed=summary.failed,
                                 rate=f"{rate:.1f}/s", refresh=False)  # fmt: skip
            if final:
                self.bar.close()
            return
        if final or now - self.last >= self.every:
            self.last = now
            eta = ""
            if self.tracker.total and done:
                left = (now - self.start) * (self.tracker.total - done) / done
                eta = f", {100 * done / self.tracker.total:.0f}% of input, ETA {left:.0f} s"
            print(f"run: {summary.read} articles ({rate:.1f}/s), {summary.stored} stored, "
                  f"{summary.failed} failed{eta}", file=self.stream, flush=True)  # fmt: skip


class _Writer:
    """Commits finished chunks to the store in batches (dropping same-run duplicate ids), and
    to the JSONL output after each commit. A batch whose transaction fails is written again
    one item at a time: the item that cannot be stored becomes an E612 row."""

    def __init__(self, con: Any, run_id: str, summary: RunSummary, jsonl: TextIO | None,
                 *, every: int, text: bool = True) -> None:  # fmt: skip
        self.con, self.run_id, self.summary, self.jsonl = con, run_id, summary, jsonl
        self.every, self.last, self.text = every, time.monotonic(), text
        self.done: list[Done] = []
        self.pending: set[str] = set()

    def add(self, results: list[Done]) -> None:
        for done in results:
            aid = done.article_id or ""
            if done.ok and aid in self.pending:  # twice in this batch (the store sees earlier ones)
                done = self._duplicate(done)
            elif done.ok:
                self.pending.add(aid)
            if not self.text:
                done.rows.tables["texts"].clear()
            self.done.append(done)
            self.summary.stored += done.ok
            self.summary.failed += not done.ok
        if len(self.done) >= self.every or time.monotonic() - self.last >= 2.0:
            self.flush()

    def flush(self) -> None:
        if not self.done:
            return
        batch, self.done, self.pending = self.done, [], set()
        rows = Rows()
        for done in batch:
            rows.extend(done.rows)
        try:
            self._write(rows, [(d.input, d.position) for d in batch])
        except Exception:  # one item's rows broke the transaction: find it, store the rest
            for done in batch:
                self._write_one(done)
        self.last = time.monotonic()

    def _write(self, rows: Rows, keys: list[tuple[str, int]]) -> None:
        dropped = store.write_rows(self.con, rows, error_keys=keys, run_id=self.run_id)
        self.summary.stored -= len(dropped)  # already stored by this run: E611 rows now
        self.summary.failed += len(dropped)
        if self.jsonl is not None:
            skip = {row[0] for row in dropped}
            self.records(row[13] for row in rows.tables["articles"] if row[0] not in skip)

    def _write_one(self, done: Done) -> None:
        try:
            self._write(done.rows, [(done.input, done.position)])
            return
        except Exception as exc:
            reason = warning("E612", f"{type(exc).__name__}: {str(exc)[:300]}")
        if done.ok:
            self.summary.stored -= 1
            self.summary.failed += 1
        rows = store.error_rows(done.input, done.position, done.article_id, reason,
                                run_id=self.run_id, now=dt.datetime.now())  # fmt: skip
        try:
            self._write(rows, [(done.input, done.position)])
        except Exception:  # the error row itself cannot be written: its text, plainly
            rows = store.error_rows(ascii(done.input), done.position, ascii(done.article_id),
                                    reason.encode("ascii", "replace").decode(),
                                    run_id=self.run_id, now=dt.datetime.now())  # fmt: skip
            self._write(rows, [])

    def records(self, records: Iterable[str]) -> None:
        """Append stored records (JSON text) to the JSONL output."""
        if self.jsonl is None:
            return
        for record in records:
            self.jsonl.write(json.dumps(json.loads(record), ensure_ascii=False) + "\n")
        self.jsonl.flush()

    def _duplicate(self, done: Done) -> Done:
        reason = warning("E611", str(done.article_id))
        rows = store.error_rows(done.input, done.position, done.article_id, reason,
                                run_id=self.run_id, now=dt.datetime.now())  # fmt: skip
        return Done(done.input, done.position, done.article_id, rows, ok=False)


def _resume_filter(
    chunks: Iterable[list[Item]], con: Any, summary: RunSummary, *, group: int = 16,
    writer: _Writer | None = None,
) -> Iterator[list[Item]]:  # fmt: skip
    """Drop the items already stored; the store is asked once for ``group`` chunks (a lookup
    scans the ids, so fewer, larger lookups). With a JSONL output (``writer``) the records
    of the items skipped are written to it from the store: a run killed between a commit and
    its JSONL write loses nothing from the JSONL."""
    it = iter(chunks)
    while batch := list(itertools.islice(it, group)):
        found = store.stored_ids(con, {i.id for c in batch for i in c if i.id and i.error is None})
        skipped: list[str] = []
        for chunk in batch:
            kept = [i for i in chunk if i.error is not None or i.id not in found]
            skipped += [i.id for i in chunk if i.error is None and i.id in found]
            summary.skipped += len(chunk) - len(kept)
            if kept:
                yield kept
        if writer is not None and writer.jsonl is not None and skipped:
            marks = ", ".join("?" for _ in skipped)
            rows = con.execute(f"SELECT record FROM articles WHERE article_id IN ({marks})",
                               skipped).fetchall()  # fmt: skip
            writer.records(record for (record,) in rows)


def run(
    inputs: list[str],
    store_path: str | Path,
    *,
    read: ReadOptions | None = None,
    options: RunOptions | None = None,
    stream: TextIO | None = None,
) -> RunSummary:
    """Run the batch job over ``inputs`` into the DuckDB store at ``store_path``."""
    read = read or ReadOptions()
    options = options or RunOptions()
    options.check()
    stream = stream or sys.stderr
    summary = RunSummary(store=str(store_path))
    run_id = dt.datetime.now().strftime("%Y%m%dT%H%M%S-") + uuid.uuid4().hex[:6]
    con = _connect(store_path)
    try:
        jsonl = _open_jsonl(options)
        engine = Engine(options)
    except BaseException:
        con.close()
        raise
    outputs = frozenset(Path(p).absolute() for p in (store_path, options.jsonl) if p)
    tracker = Tracker(total=input_size(inputs, read, exclude=outputs))
    counted = _count(iter_items(inputs, read, tracker=tracker, exclude=outputs), summary)
    chunks: Iterable[list[Item]] = _chunks(counted, options.chunk_size)
    writer = _Writer(con, run_id, summary, jsonl, every=options.commit_every, text=options.text)
    if options.resume:
        chunks = _resume_filter(chunks, con, summary, writer=writer)
    progress = _Progress(tracker, options, stream)
    start = time.monotonic()
    # Ctrl-C only raises a flag, checked between chunks: an interrupt must never land inside a
    # DuckDB write (DuckDB turns it into «Query interrupted» and the batch would be lost)
    stop = _Stop()
    previous = _on_sigint(stop)
    try:
        _drive(engine, chunks, run_id, writer, progress, window=2 * max(options.jobs, 1) + 2,
               stop=stop)  # fmt: skip
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        writer.flush()  # what is done is committed, also on Ctrl-C
        engine.close(cancel=summary.interrupted)
        if jsonl is not None:
            jsonl.close()
        summary.seconds = time.monotonic() - start
        progress.update(summary, final=True)
        summary.totals = store.summary(con)
        if options.parquet is not None and not summary.interrupted:
            store.export_parquet(con, options.parquet)
        con.close()
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    return summary


class _Stop:
    """Set by Ctrl-C; the run stops at the next chunk boundary."""

    requested = False

    def __call__(self, signum: int, frame: Any) -> None:
        self.requested = True


def _on_sigint(stop: _Stop) -> Any:
    try:
        return signal.signal(signal.SIGINT, stop)
    except ValueError:  # not the main thread: Ctrl-C stays as it is
        return None


def _count(items: Iterator[Item], summary: RunSummary) -> Iterator[Item]:
    for item in items:
        summary.read += 1
        yield item


def _connect(path: str | Path) -> Any:
    """The store, or a :class:`BatchError` that says why not (another run holds it, the path
    is no DuckDB file, its folder cannot be made)."""
    if str(path) != ":memory:" and Path(path).suffix.lower() != ".duckdb":
        raise BatchError(f"{path}: the store must be a DuckDB file named *.duckdb "
                         "(use --jsonl or --parquet, or export, for other formats)")  # fmt: skip
    try:
        return store.connect(path)
    except OSError as exc:
        raise BatchError(f"{path}: {exc.strerror or exc}") from exc
    except Exception as exc:  # duckdb.IOException and friends
        text = str(exc)
        if "lock" in text.lower():
            raise BatchError(f"{path}: the store is locked by another process (another run "
                             f"on it?): {text.splitlines()[0]}") from exc  # fmt: skip
        raise BatchError(f"{path}: cannot open the store: {text.splitlines()[0]}") from exc


def _open_jsonl(options: RunOptions) -> TextIO | None:
    """The JSONL output, rewritten: with ``--resume`` the records already stored are written
    to it again from the store (:func:`_resume_filter`), so it never misses nor repeats one."""
    if options.jsonl is None:
        return None
    try:
        Path(options.jsonl).parent.mkdir(parents=True, exist_ok=True)
        return open(options.jsonl, "w", encoding="utf-8")
    except OSError as exc:
        raise BatchError(f"{options.jsonl}: {exc.strerror or exc}") from exc


def _drive(
    engine: Engine, chunks: Iterable[list[Item]], run_id: str, writer: _Writer,
    progress: _Progress, *, window: int, stop: _Stop | None = None,
) -> None:  # fmt: skip
    """Keep ``window`` chunks in flight; commit results in input order."""
    pending: collections.deque[tuple[list[Item], Any]] = collections.deque()

    def check() -> None:
        if stop is not None and stop.requested:
            raise KeyboardInterrupt

    try:
        for chunk in chunks:
            check()
            pending.append((chunk, engine.submit(chunk, run_id)))
            while len(pending) >= window:
                _finish(engine, pending.popleft(), run_id, writer, progress)
                check()
        while pending:
            _finish(engine, pending.popleft(), run_id, writer, progress)
            check()
    except BaseException:
        for _, future in pending:
            future.cancel()
        raise


def _finish(
    engine: Engine, entry: tuple[list[Item], Future[list[Done]] | Any], run_id: str,
    writer: _Writer, progress: _Progress,
) -> None:  # fmt: skip
    chunk, future = entry
    try:
        results = future.result()
    except (BrokenProcessPool, Exception):  # a dead worker, a failed task: item by item
        results = engine.recover(chunk, run_id)
    writer.add(results)
    progress.update(writer.summary)
