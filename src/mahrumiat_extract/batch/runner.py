"""The batch job: inputs → chunks → worker processes (or a Dask cluster) → the DuckDB store.

Memory stays flat: items are read lazily, at most ``2 × jobs + 2`` chunks are in flight, and
each finished chunk is committed in one transaction (so ``kill -9`` loses at most the chunks
in flight, and ``--resume`` redoes only those). Ctrl-C stops reading, keeps what is committed
and returns exit code 130.
"""

from __future__ import annotations

import collections
import datetime as dt
import itertools
import json
import multiprocessing as mp
import signal
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any, TextIO

from ..errors import warning
from . import store
from .readers import Item, ReadOptions, Tracker, input_size, iter_items
from .store import Rows
from .work import Done, init_worker, process_chunk

__all__ = ["RunOptions", "RunSummary", "run"]


@dataclass(frozen=True, slots=True)
class RunOptions:
    """How to run: parallelism, resume, outputs besides the store, progress display."""

    jobs: int = 1
    chunk_size: int = 32
    commit_every: int = 512  # articles a transaction (also committed at least every 2 s)
    resume: bool = False
    engine: str = "local"  # local | dask
    scheduler: str | None = None  # a Dask scheduler address; None starts a local cluster
    jsonl: Path | None = None
    parquet: Path | None = None
    progress: bool | None = None  # None: a bar on a terminal, log lines otherwise
    log_every: float = 10.0  # seconds between plain progress lines


@dataclass
class RunSummary:
    """What a run did; ``exit_code`` is 0 (all stored), 1 (some failed) or 130 (interrupted)."""

    store: str
    read: int = 0
    stored: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        return 130 if self.interrupted else (1 if self.failed else 0)

    def line(self) -> str:
        rate = self.stored / self.seconds if self.seconds else 0.0
        status = "interrupted; " if self.interrupted else ""
        return (
            f"{status}{self.read} read, {self.stored} stored, {self.failed} failed, "
            f"{self.skipped} skipped (already stored) in {self.seconds:.1f} s "
            f"({rate:.1f} articles/s) -> {self.store}"
        )


class _Now:
    """A finished result posing as a future (the in-process engine of ``--jobs 1``)."""

    def __init__(self, fn: Callable[[], list[Done]]) -> None:
        self.fn = fn

    def result(self) -> list[Done]:
        return self.fn()

    def cancel(self) -> bool:
        return True


class _Engine:
    """Submits chunks to the chosen executor: in-process, a process pool, or Dask."""

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self.pool: ProcessPoolExecutor | None = None
        self.client: Any = None
        if options.engine == "dask":
            self.client = _dask_client(options)
        elif options.jobs > 1:
            self.pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        # forkserver: never fork the parent, whose DuckDB and reader threads are running; the
        # server loads the resources once (batch.preload) and forks warm workers from itself
        ctx: BaseContext
        if "forkserver" in mp.get_all_start_methods():
            server = mp.get_context("forkserver")
            server.set_forkserver_preload(["mahrumiat_extract.batch.preload"])
            ctx = server
        else:
            ctx = mp.get_context("spawn")
        return ProcessPoolExecutor(self.options.jobs, mp_context=ctx, initializer=init_worker)

    def submit(self, chunk: list[Item], run_id: str) -> Any:
        if self.client is not None:
            return self.client.submit(process_chunk, chunk, run_id, pure=False)
        if self.pool is not None:
            if getattr(self.pool, "_broken", False):  # a worker died: start a fresh pool
                self.pool.shutdown(wait=False, cancel_futures=True)
                self.pool = self._new_pool()
            return self.pool.submit(process_chunk, chunk, run_id)
        return _Now(lambda: process_chunk(chunk, run_id))

    def recover(self, chunk: list[Item], run_id: str) -> list[Done]:
        """Redo a chunk whose worker died, one item at a time, so only the culprit fails."""
        out: list[Done] = []
        for item in chunk:
            try:
                out.extend(self.submit([item], run_id).result())
            except BrokenProcessPool:
                reason = warning("E610", "the article crashed its worker")
                aid = item.id or f"{item.input}:{item.position}"
                rows = store.error_rows(
                    item.input, item.position, aid, reason, run_id=run_id, now=dt.datetime.now()
                )
                out.append(Done(item.input, item.position, aid, rows, ok=False))
        return out

    def close(self, *, cancel: bool = False) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=not cancel, cancel_futures=cancel)
        if self.client is not None:
            cluster = None if self.options.scheduler else self.client.cluster
            self.client.close()
            if cluster is not None:  # the local cluster this run started
                cluster.close()


def _dask_client(options: RunOptions) -> Any:
    from distributed import Client, LocalCluster

    if options.scheduler:
        return Client(options.scheduler)
    cluster = LocalCluster(n_workers=max(options.jobs, 1), threads_per_worker=1, processes=True)
    return Client(cluster)


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
    to the JSONL output."""

    def __init__(self, con: Any, run_id: str, summary: RunSummary, jsonl: TextIO | None,
                 *, every: int) -> None:  # fmt: skip
        self.con, self.run_id, self.summary, self.jsonl = con, run_id, summary, jsonl
        self.every, self.last = every, time.monotonic()
        self.rows, self.keys, self.pending = Rows(), list[tuple[str, int]](), set[str]()

    def add(self, results: list[Done]) -> None:
        for done in results:
            aid = done.article_id or ""
            self.keys.append((done.input, done.position))
            if done.ok and aid in self.pending:  # twice in this batch (the store sees earlier ones)
                done = self._duplicate(done)
            elif done.ok:
                self.pending.add(aid)
            self.rows.extend(done.rows)
            self.summary.stored += done.ok
            self.summary.failed += not done.ok
        if len(self.keys) >= self.every or time.monotonic() - self.last >= 2.0:
            self.flush()

    def flush(self) -> None:
        if not self.keys:
            return
        dropped = store.write_rows(self.con, self.rows, error_keys=self.keys, run_id=self.run_id)
        self.summary.stored -= len(dropped)  # already stored by this run: E611 rows now
        self.summary.failed += len(dropped)
        skip = {row[0] for row in dropped}
        if self.jsonl is not None:
            for row in self.rows.tables["articles"]:
                if row[0] in skip:
                    continue
                self.jsonl.write(json.dumps(json.loads(row[13]), ensure_ascii=False) + "\n")
            self.jsonl.flush()
        self.rows, self.keys, self.pending = Rows(), [], set()
        self.last = time.monotonic()

    def _duplicate(self, done: Done) -> Done:
        reason = warning("E611", str(done.article_id))
        rows = store.error_rows(done.input, done.position, done.article_id, reason,
                                run_id=self.run_id, now=dt.datetime.now())  # fmt: skip
        return Done(done.input, done.position, done.article_id, rows, ok=False)


def _resume_filter(
    chunks: Iterable[list[Item]], con: Any, summary: RunSummary, *, group: int = 16
) -> Iterator[list[Item]]:
    """Drop the items already stored; the store is asked once for ``group`` chunks (a lookup
    scans the ids, so fewer, larger lookups)."""
    it = iter(chunks)
    while batch := list(itertools.islice(it, group)):
        found = store.stored_ids(con, {i.id for c in batch for i in c if i.id and i.error is None})
        for chunk in batch:
            kept = [i for i in chunk if i.error is not None or i.id not in found]
            summary.skipped += len(chunk) - len(kept)
            if kept:
                yield kept


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
    stream = stream or sys.stderr
    summary = RunSummary(store=str(store_path))
    run_id = dt.datetime.now().strftime("%Y%m%dT%H%M%S-") + uuid.uuid4().hex[:6]
    con = store.connect(store_path)
    outputs = frozenset(Path(p).resolve() for p in (store_path, options.jsonl) if p)
    tracker = Tracker(total=input_size(inputs, read, exclude=outputs))
    counted = _count(iter_items(inputs, read, tracker=tracker, exclude=outputs), summary)
    chunks: Iterable[list[Item]] = _chunks(counted, options.chunk_size)
    if options.resume:
        chunks = _resume_filter(chunks, con, summary)
    jsonl = _open_jsonl(options)
    writer = _Writer(con, run_id, summary, jsonl, every=options.commit_every)
    progress = _Progress(tracker, options, stream)
    engine = _Engine(options)
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


def _open_jsonl(options: RunOptions) -> TextIO | None:
    if options.jsonl is None:
        return None
    Path(options.jsonl).parent.mkdir(parents=True, exist_ok=True)
    return open(options.jsonl, "a" if options.resume else "w", encoding="utf-8")


def _drive(
    engine: _Engine, chunks: Iterable[list[Item]], run_id: str, writer: _Writer,
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
    engine: _Engine, entry: tuple[list[Item], Future[list[Done]] | Any], run_id: str,
    writer: _Writer, progress: _Progress,
) -> None:  # fmt: skip
    chunk, future = entry
    try:
        results = future.result()
    except BrokenProcessPool:
        results = engine.recover(chunk, run_id)
    writer.add(results)
    progress.update(writer.summary)
