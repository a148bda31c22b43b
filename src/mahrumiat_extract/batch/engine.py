"""Where a batch's chunks run: in-process (``--jobs 1``), a pool of warm worker processes
forked by a forkserver, or a Dask cluster; and the recovery of a chunk whose worker died."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext
from typing import Any

from ..errors import warning
from . import store
from .options import SCHEDULER_TIMEOUT, BatchError, RunOptions
from .readers import Item
from .work import Done, init_worker, process_chunk

__all__ = ["Engine", "failed"]


class _Now:
    """A finished result posing as a future (the in-process engine of ``--jobs 1``)."""

    def __init__(self, fn: Callable[[], list[Done]]) -> None:
        self.fn = fn

    def result(self) -> list[Done]:
        return self.fn()

    def cancel(self) -> bool:
        return True


class Engine:
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
        budget = self.options.max_seconds
        if self.client is not None:
            return self.client.submit(process_chunk, chunk, run_id, budget, pure=False)
        if self.pool is not None:
            if getattr(self.pool, "_broken", False):  # a worker died: start a fresh pool
                self.pool.shutdown(wait=False, cancel_futures=True)
                self.pool = self._new_pool()
            return self.pool.submit(process_chunk, chunk, run_id, budget)
        return _Now(lambda: process_chunk(chunk, run_id, budget))

    def recover(self, chunk: list[Item], run_id: str) -> list[Done]:
        """Redo a chunk whose worker died (or whose task failed), one item at a time, so only
        the culprit fails."""
        out: list[Done] = []
        for item in chunk:
            try:
                out.extend(self.submit([item], run_id).result())
            except BrokenProcessPool:
                out.append(failed(item, run_id, warning("E610", "the article crashed its worker")))
            except Exception as exc:  # a task that failed outside the article (pickling ...)
                out.append(failed(item, run_id, warning("E610", f"{type(exc).__name__}: {exc}")))
        return out

    def close(self, *, cancel: bool = False) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=not cancel, cancel_futures=cancel)
        if self.client is not None:
            cluster = None if self.options.scheduler else self.client.cluster
            self.client.close()
            if cluster is not None:  # the local cluster this run started
                cluster.close()


def failed(item: Item, run_id: str, reason: str) -> Done:
    aid = item.id or f"{item.input}:{item.position}"
    rows = store.error_rows(item.input, item.position, aid, reason, run_id=run_id,
                            now=dt.datetime.now())  # fmt: skip
    return Done(item.input, item.position, aid, rows, ok=False)


def _dask_client(options: RunOptions) -> Any:
    from distributed import Client, LocalCluster

    if options.scheduler:
        try:
            return Client(options.scheduler, timeout=SCHEDULER_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            raise BatchError(f"cannot reach the Dask scheduler at {options.scheduler} "
                             f"({type(exc).__name__}: {exc})") from exc  # fmt: skip
    cluster = LocalCluster(n_workers=max(options.jobs, 1), threads_per_worker=1, processes=True)
    return Client(cluster)
