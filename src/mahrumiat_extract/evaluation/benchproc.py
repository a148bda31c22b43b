"""The benchmark's measures of whole processes: peak memory of a process tree (PSS from
/proc), CLI batches streamed through ``run``, ``--jobs 2`` against ``--jobs 1``, memory on
distinct corpus articles, and the machine's own parallel ceiling."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .benchio import Corpus, write_stream_input

__all__ = [
    "StreamRun",
    "cli_has_run",
    "distinct_memory",
    "run_measured",
    "stream_command",
    "time_parallel_ceiling",
    "time_streams",
]


@dataclass(slots=True)
class StreamRun:
    """One CLI run over a generated JSONL file."""

    command: str
    articles: int
    jobs: int
    seconds: float
    peak_rss_mb: float
    exit_code: int

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def cli_has_run() -> bool:
    """Whether the batch ``run`` command exists (the stream uses it then)."""
    from ..cli import build_parser

    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction) and "run" in action.choices:
            return True
    return False


def _tree_mem_kb(root: int) -> int:
    """Memory of ``root`` and its descendants (worker processes), from /proc: the sum of PSS
    (shared pages split between the processes sharing them), or of RSS where PSS is not
    readable."""
    return sum(_proc_kb(pid, "smaps_rollup", "Pss") or _proc_kb(pid, "status", "VmRSS")
               for pid in _tree(root))  # fmt: skip


def _tree_anon_kb(root: int) -> int:
    """The anonymous memory of ``root`` and its descendants (sum of ``Pss_Anon``): heaps,
    caches, DuckDB's buffers. Unlike the PSS of file pages (the code of Python, DuckDB and
    NumPy), it does not depend on how many other processes on the machine map the same
    libraries: anonymous pages are shared only by a fork, inside the tree."""
    return sum(_proc_kb(pid, "smaps_rollup", "Pss_Anon") for pid in _tree(root))


def _tree(root: int) -> list[int]:
    """``root`` and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def _proc_kb(pid: int, filename: str, field_name: str) -> int:
    try:
        with open(f"/proc/{pid}/{filename}", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith(field_name + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def run_measured(cmd: list[str], *, poll_s: float = 0.05) -> tuple[float, float, int]:
    """Run ``cmd``; return wall seconds, peak memory in MB and the exit code.

    Peak memory is the larger of the process's own high-water mark (``VmHWM``, polled) and
    the largest sum of PSS over its process tree (a worker pool together). Not ``wait4``'s
    ``ru_maxrss``: Linux carries the parent's RSS at fork into it across ``exec``."""
    seconds, peak, _, code = run_measured_anon(cmd, poll_s=poll_s)
    return seconds, peak, code


def run_measured_anon(cmd: list[str], *, poll_s: float = 0.05) -> tuple[float, float, float, int]:
    """:func:`run_measured` that also gives the peak of the tree's anonymous memory in MB
    (:func:`_tree_anon_kb`): seconds, peak, peak anonymous, exit code."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak_kb = anon_kb = 0
    while proc.poll() is None:
        hwm = _proc_kb(proc.pid, "status", "VmHWM")
        peak_kb = max(peak_kb, hwm, _tree_mem_kb(proc.pid))
        anon_kb = max(anon_kb, _tree_anon_kb(proc.pid))
        time.sleep(poll_s)
    seconds = time.perf_counter() - t0
    return seconds, peak_kb / 1024, anon_kb / 1024, proc.returncode


def stream_command(path: Path, out_dir: Path, *, jobs: int, use_run: bool) -> tuple[str, list[str]]:
    base = [sys.executable, "-m", "mahrumiat_extract"]
    if use_run:
        store = out_dir / f"store-{path.stem}-j{jobs}.duckdb"
        for p in (store, Path(str(store) + ".wal")):
            p.unlink(missing_ok=True)
        return f"run --jobs {jobs}", [
            *base,
            "run",
            str(path),
            "-o",
            str(store),
            "--jobs",
            str(jobs),
        ]
    return "extract -o /dev/null", [*base, "extract", str(path), "-o", os.devnull]


def time_streams(
    corpus: Corpus,
    sizes: list[int],
    *,
    use_run: bool,
    jobs_compare: int,
    tmp: Path,
    repeats: int = 2,
) -> tuple[list[StreamRun], float | None]:
    """Stream batches of the given sizes through the CLI; with ``run``, also ``--jobs 2``
    against ``--jobs 1`` on ``jobs_compare`` articles, alternating, ``repeats`` times each and
    the best of each kept (on a shared machine a burst of other work can slow one run)."""
    runs: list[StreamRun] = []
    paths = {n: write_stream_input(corpus, n, tmp / f"stream-{n}.jsonl") for n in sizes}
    for n in sizes:
        label, cmd = stream_command(paths[n], tmp, jobs=1, use_run=use_run)
        secs, rss, code = run_measured(cmd)
        runs.append(StreamRun(label, n, 1, secs, rss, code))
    if not (use_run and jobs_compare):
        return runs, None
    n = jobs_compare
    path = paths.get(n) or write_stream_input(corpus, n, tmp / f"stream-{n}.jsonl")
    tried: dict[int, list[StreamRun]] = {1: [r for r in runs if r.articles == n], 2: []}
    for _ in range(repeats):
        for jobs in (2, 1):
            if jobs == 1 and len(tried[1]) >= repeats:
                continue
            label, cmd = stream_command(path, tmp, jobs=jobs, use_run=True)
            secs, rss, code = run_measured(cmd)
            tried[jobs].append(StreamRun(label, n, jobs, secs, rss, code))
    best = {j: max(rs, key=lambda r: r.articles_per_s) for j, rs in tried.items()}
    # the best run's throughput, the highest peak memory of all its runs
    runs.append(dataclasses.replace(best[2], peak_rss_mb=max(r.peak_rss_mb for r in tried[2])))
    ratio = best[2].articles_per_s / best[1].articles_per_s if best[1].articles_per_s else None
    return runs, ratio


def distinct_memory(
    corpus_path: Path,
    tmp: Path,
    *,
    sizes: tuple[int, ...] = (10_000, 50_000),
    jobs: tuple[int, ...] = (1, 2),
) -> dict[str, Any]:
    """Peak memory of ``run`` on distinct corpus articles (issue 16: repeated articles hide
    caches that grow). The corpus has about 10,000 articles: a larger size repeats them with
    a varied suffix on every line (``" ‹k›"``, k the round), so no paragraph, sentence or id
    comes twice. Returns peak MB per (size, jobs) and the ratio largest / smallest size, of
    the PSS sum (``ratio``) and of the anonymous memory (``ratio_anon``)."""
    import gzip

    opener = gzip.open if corpus_path.suffix == ".gz" else open
    with opener(corpus_path, "rt", encoding="utf-8") as fh:
        base = [json.loads(line) for line in fh if line.strip()]
    out: dict[str, Any] = {"distinct_in_corpus": len(base), "runs": [], "ratio": {}}
    for n in sizes:
        path = tmp / f"distinct-{n}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for i in range(n):
                k, obj = divmod(i, len(base))[0], base[i % len(base)]
                text = str(obj.get("text") or "")
                if k:
                    text = "\n".join(f"{line} ‹{k}›" for line in text.split("\n"))
                fh.write(
                    json.dumps({"id": f"{obj.get('id')}#{k}", "text": text}, ensure_ascii=False)
                    + "\n"
                )
        for j in jobs:
            store = tmp / f"distinct-{n}-j{j}.duckdb"
            store.unlink(missing_ok=True)
            cmd = [sys.executable, "-m", "mahrumiat_extract", "run", str(path), "-o", str(store),
                   "--jobs", str(j), "--no-progress"]  # fmt: skip
            secs, peak, anon, code = run_measured_anon(cmd)
            out["runs"].append({"articles": n, "jobs": j, "peak_mb": round(peak, 1),
                                "peak_anon_mb": round(anon, 1), "seconds": round(secs, 1),
                                "exit": code})  # fmt: skip
    out["ratio_anon"] = {}
    for j in jobs:
        for field, ratios in (("peak_mb", out["ratio"]), ("peak_anon_mb", out["ratio_anon"])):
            peaks = [r[field] for r in out["runs"] if r["jobs"] == j]
            ratios[f"jobs {j}"] = round(peaks[-1] / peaks[0], 3) if peaks and peaks[0] else None
    return out


def _spin(n: int) -> int:
    """A pure CPU loop (no memory traffic, no I/O): what two cores can do at best."""
    total = 0
    for i in range(n):
        total += i * i
    return total


def time_parallel_ceiling(n: int = 4_000_000, rounds: int = 3) -> float:
    """The machine's own limit for ``--jobs 2``: two runs of :func:`_spin` one after the other
    over the same two at once in two processes (best of ``rounds``). On a virtual machine
    whose two vCPUs share a host with other guests this is well below 2."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    best = 0.0
    with ctx.Pool(2) as pool:
        pool.map(_spin, [1000, 1000])  # the workers are up before the clock starts
        for _ in range(rounds):
            t0 = time.perf_counter()
            _spin(n)
            _spin(n)
            serial = time.perf_counter() - t0
            t0 = time.perf_counter()
            pool.map(_spin, [n, n], chunksize=1)
            best = max(best, serial / (time.perf_counter() - t0))
    return best
