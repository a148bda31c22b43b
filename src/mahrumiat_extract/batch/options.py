"""The batch run's options, its summary and its error: what ``run`` takes and gives back."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import MahrumiatError
from .work import MAX_SECONDS

__all__ = ["SCHEDULER_TIMEOUT", "BatchError", "RunOptions", "RunSummary"]

#: seconds to wait for a Dask scheduler given with ``--scheduler``
SCHEDULER_TIMEOUT = 10.0


class BatchError(MahrumiatError, RuntimeError):
    """The run cannot start or go on (a locked store, a path that is no DuckDB file, an
    unreachable scheduler ...): the command line prints it and exits with 2."""


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
    max_seconds: float | None = MAX_SECONDS  # time budget of one article (None: no budget)
    text: bool = True  # keep the article texts (the ``texts`` table); False: --no-text

    def check(self) -> None:
        """Raise :class:`BatchError` for options that do not go together."""
        if self.engine not in ("local", "dask"):
            raise BatchError(f"unknown engine {self.engine!r} (local or dask)")
        if self.scheduler and self.engine != "dask":
            raise BatchError("--scheduler needs --engine dask")
        if self.jobs < 1 or self.chunk_size < 1 or self.commit_every < 1:
            raise BatchError("--jobs, --chunk-size and --commit-every must be at least 1")


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
        """0 every item stored, 1 some failed (see ``errors``), 130 interrupted; a run that
        could not run at all raises instead (the command line's 2)."""
        return 130 if self.interrupted else (1 if self.failed else 0)

    def line(self) -> str:
        rate = self.stored / self.seconds if self.seconds else 0.0
        status = "interrupted; " if self.interrupted else ""
        return (
            f"{status}{self.read} read, {self.stored} stored, {self.failed} failed, "
            f"{self.skipped} skipped (already stored) in {self.seconds:.1f} s "
            f"({rate:.1f} articles/s) -> {self.store}"
        )
