"""The benchmark: ``python -m mahrumiat_extract.bench`` (or ``mahrumiat-extract bench``).

In one run, on the same articles (the dev set when ../shared is present, and the sample
articles in data/samples/articles, repeated to at least ``--mb`` MB):

- the whole pipeline, timed stage by stage (articles/s, MB/s, per stage), on one core;
- hazm's ``Normalizer().normalize`` alone, the baseline, and the throughput ratio;
- peak RSS of a streamed batch through the CLI (``run`` when the batch command exists, else
  ``extract ... -o /dev/null``), for a small and a large batch (is memory flat?);
- ``run --jobs 1`` against ``--jobs 2`` throughput, when ``run`` exists;
- import of the package plus the first article, in a fresh process.

Nothing here asserts a time: the figures are printed (and written with ``--markdown``).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..pipeline import Pipeline

from .benchio import (
    Corpus,
    format_markdown,
    format_text,
    load_average,
    load_corpus,
    machine_info,
    write_stream_input,
)

__all__ = ["BenchResult", "add_arguments", "main", "main_args", "run_bench"]

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


@dataclass(slots=True)
class BenchResult:
    machine: dict[str, Any]
    corpus: dict[str, Any]
    pipeline: dict[str, Any] = field(default_factory=dict)
    hazm: dict[str, Any] = field(default_factory=dict)
    ratio: float | None = None
    streams: list[StreamRun] = field(default_factory=list)
    jobs_ratio: float | None = None
    parallel_ceiling: float | None = None
    gazetteer_cost: float | None = None
    startup: dict[str, Any] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["streams"] = [{**asdict(s), "articles_per_s": s.articles_per_s} for s in self.streams]
        return out


# ---------------------------------------------------------------- in-process throughput


def time_pipeline(texts: list[str], pipe: Pipeline | None = None) -> dict[str, Any]:
    """Run every article through ``pipe`` (the default pipeline, ``get_pipeline()``, when
    None), timing normalization, each stage and record building separately; returns totals
    and per-stage seconds."""
    from ..pipeline import get_pipeline

    if pipe is None:
        pipe = get_pipeline()
    pipe.record(pipe.run(pipe.make_doc(texts[0])))  # warm lazy caches outside the clock
    names = ["normalize", *(s.name for s in pipe.stages), "record"]
    ns = dict.fromkeys(names, 0)
    clock = time.perf_counter_ns
    for text in texts:
        t0 = clock()
        doc = pipe.make_doc(text)
        t1 = clock()
        ns["normalize"] += t1 - t0
        for stage in pipe.stages:
            t0 = clock()
            stage(doc)
            t1 = clock()
            ns[stage.name] += t1 - t0
        t0 = clock()
        pipe.record(doc)
        ns["record"] += clock() - t0
    total = sum(ns.values()) / 1e9
    return _throughput(texts, total) | {"stages": {k: v / 1e9 for k, v in ns.items()}}


def _interleaved(
    texts: list[str], sides: dict[str, Callable[[list[str]], float]], *, block: int = 50
) -> dict[str, float]:
    """Seconds of each side over the same articles, run block by block and in alternating
    order, so that both see the same load on a shared machine: a drift in the machine's speed
    during the run cannot favour either. A side times its own block and returns the seconds."""
    names = list(sides)
    seconds = dict.fromkeys(names, 0.0)
    for n, i in enumerate(range(0, len(texts), block)):
        chunk = texts[i : i + block]
        for name in names if n % 2 == 0 else names[::-1]:
            seconds[name] += sides[name](chunk)
    return seconds


def time_side_by_side(texts: list[str], *, block: int = 50) -> tuple[dict[str, Any], dict[str, Any]]:
    """The pipeline (stage by stage) and hazm's normalizer over the same articles,
    :func:`_interleaved`."""
    from hazm import Normalizer

    normalizer = Normalizer()
    normalizer.normalize(texts[0])
    stages: dict[str, float] = {}

    def pipeline(chunk: list[str]) -> float:
        timed = time_pipeline(chunk)
        for name, sec in timed["stages"].items():
            stages[name] = stages.get(name, 0.0) + sec
        return float(timed["seconds"])

    def hazm(chunk: list[str]) -> float:
        t0 = time.perf_counter()
        for text in chunk:
            normalizer.normalize(text)
        return time.perf_counter() - t0

    seconds = _interleaved(texts, {"pipeline": pipeline, "hazm": hazm}, block=block)
    return _throughput(texts, seconds["pipeline"]) | {"stages": stages}, _throughput(texts, seconds["hazm"])


def time_gazetteer_cost(texts: list[str], *, block: int = 50) -> float:
    """What the ~1,800 counties, cities and neighborhoods cost the pipeline: its time with the
    whole gazetteer over its time with the 31 provinces alone, minus one (0.1 = 10% slower);
    the two :func:`_interleaved`."""
    from ..language import Resources
    from ..pipeline import Pipeline

    small = Pipeline(resources=Resources(places=False))

    def full(chunk: list[str]) -> float:
        return float(time_pipeline(chunk)["seconds"])

    def provinces_only(chunk: list[str]) -> float:
        return float(time_pipeline(chunk, small)["seconds"])

    seconds = _interleaved(texts, {"full": full, "provinces": provinces_only}, block=block)
    return seconds["full"] / seconds["provinces"] - 1.0 if seconds["provinces"] else 0.0


def _throughput(texts: list[str], seconds: float) -> dict[str, Any]:
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    return {
        "articles": len(texts),
        "mb": mb,
        "seconds": seconds,
        "articles_per_s": len(texts) / seconds if seconds else 0.0,
        "mb_per_s": mb / seconds if seconds else 0.0,
    }


# ---------------------------------------------------------------- CLI subprocesses


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
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _proc_kb(pid, "smaps_rollup", "Pss") or _proc_kb(pid, "status", "VmRSS")
        todo.extend(children.get(pid, ()))
    return total


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
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak_kb = 0
    while proc.poll() is None:
        hwm = _proc_kb(proc.pid, "status", "VmHWM")
        peak_kb = max(peak_kb, hwm, _tree_mem_kb(proc.pid))
        time.sleep(poll_s)
    seconds = time.perf_counter() - t0
    return seconds, peak_kb / 1024, proc.returncode


def stream_command(path: Path, out_dir: Path, *, jobs: int, use_run: bool) -> tuple[str, list[str]]:
    base = [sys.executable, "-m", "mahrumiat_extract"]
    if use_run:
        store = out_dir / f"store-{path.stem}-j{jobs}.duckdb"
        for p in (store, Path(str(store) + ".wal")):
            p.unlink(missing_ok=True)
        return f"run --jobs {jobs}", [*base, "run", str(path), "-o", str(store), "--jobs", str(jobs)]
    return "extract -o /dev/null", [*base, "extract", str(path), "-o", os.devnull]


def time_streams(
    corpus: Corpus, sizes: list[int], *, use_run: bool, jobs_compare: int, tmp: Path,
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
    corpus_path: Path, tmp: Path, *, sizes: tuple[int, ...] = (10_000, 50_000),
    jobs: tuple[int, ...] = (1, 2),
) -> dict[str, Any]:
    """Peak memory of ``run`` on distinct corpus articles (issue 16: repeated articles hide
    caches that grow). The corpus has about 10,000 articles: a larger size repeats them with
    a varied suffix on every line (``" ‹k›"``, k the round), so no paragraph, sentence or id
    comes twice. Returns peak MB per (size, jobs) and the ratio largest / smallest size."""
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
                fh.write(json.dumps({"id": f"{obj.get('id')}#{k}", "text": text}, ensure_ascii=False) + "\n")
        for j in jobs:
            store = tmp / f"distinct-{n}-j{j}.duckdb"
            store.unlink(missing_ok=True)
            cmd = [sys.executable, "-m", "mahrumiat_extract", "run", str(path), "-o", str(store),
                   "--jobs", str(j), "--no-progress"]  # fmt: skip
            secs, peak, code = run_measured(cmd)
            out["runs"].append({"articles": n, "jobs": j, "peak_mb": round(peak, 1),
                                "seconds": round(secs, 1), "exit": code})  # fmt: skip
    for j in jobs:
        peaks = [r["peak_mb"] for r in out["runs"] if r["jobs"] == j]
        out["ratio"][f"jobs {j}"] = round(peaks[-1] / peaks[0], 3) if peaks and peaks[0] else None
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


STARTUP_CODE = """
import json, sys, time
t0 = time.perf_counter()
import mahrumiat_extract
t1 = time.perf_counter()
mahrumiat_extract.extract(sys.stdin.read(), id="first")
t2 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "first_article_s": t2 - t1}))
"""


def time_startup(text: str) -> dict[str, Any]:
    """Import + first article in a fresh interpreter (and the whole process's wall time)."""
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", STARTUP_CODE],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - t0
    data: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    data["import_plus_first_s"] = data["import_s"] + data["first_article_s"]
    data["process_wall_s"] = wall
    return data


# ---------------------------------------------------------------- orchestration


def run_bench(
    *,
    mb: float = 20.0,
    stream_sizes: tuple[int, ...] = (10_000, 100_000),
    jobs_compare: int = 10_000,
    samples_dir: Path | None = None,
    dev_path: Path | None = None,
    progress: bool = True,
) -> BenchResult:
    """Run every measurement and return the figures."""
    corpus = load_corpus(mb=mb, samples_dir=samples_dir, dev_path=dev_path)
    result = BenchResult(machine=machine_info(), corpus=corpus.describe())
    result.settings = {"mb": mb, "stream": list(stream_sizes), "jobs_compare": jobs_compare}
    say = _say if progress else _quiet
    say(f"corpus: {corpus.describe()}")
    say("startup: import + first article in a fresh process")
    result.startup = time_startup(corpus.unique[0])
    say("pipeline throughput and hazm Normalizer().normalize baseline, interleaved")
    result.pipeline, result.hazm = time_side_by_side(corpus.texts)
    if result.hazm["articles_per_s"]:
        result.ratio = result.pipeline["articles_per_s"] / result.hazm["articles_per_s"]
    say("gazetteer cost: the whole gazetteer against the provinces alone")
    result.gazetteer_cost = time_gazetteer_cost(corpus.texts[: max(200, len(corpus.texts) // 4)])
    if stream_sizes:
        use_run = cli_has_run()
        say(f"streams through the CLI ({'run' if use_run else 'extract'}): {list(stream_sizes)}")
        with tempfile.TemporaryDirectory(prefix="mahrumiat-bench-") as tmp:
            result.streams, result.jobs_ratio = time_streams(
                corpus, list(stream_sizes), use_run=use_run, jobs_compare=jobs_compare,
                tmp=Path(tmp),
            )
        if result.jobs_ratio is not None:
            say("the machine's parallel ceiling: a CPU loop in 1 and in 2 processes")
            result.parallel_ceiling = time_parallel_ceiling()
    result.machine["load_average_end"] = load_average()
    return result


def _say(msg: str) -> None:
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def _quiet(msg: str) -> None:
    return None


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--quick", action="store_true", help="a small run (0.1 MB, 50/200 articles)")
    p.add_argument("--mb", type=float, default=20.0, help="repeat the articles to this many MB")
    p.add_argument(
        "--stream",
        type=int,
        nargs="*",
        default=None,
        metavar="N",
        help="batch sizes streamed through the CLI (default 10000 100000; none to skip)",
    )
    p.add_argument("--samples", type=Path, default=None, help="directory of sample .txt articles")
    p.add_argument("--dev", type=Path, default=None, help="dev set JSONL (default ../shared)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--markdown", type=Path, default=None, help="also write a Markdown report")
    p.add_argument("--distinct-memory", type=Path, default=None, metavar="CORPUS",
                   help="only measure run's peak memory on distinct articles of CORPUS (JSONL, "
                   "e.g. ../shared/corpus/news.jsonl.gz): 10,000 vs 50,000, --jobs 1 and 2")


def main_args(args: argparse.Namespace) -> int:
    if getattr(args, "distinct_memory", None) is not None:
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(distinct_memory(args.distinct_memory, Path(tmp)), indent=2))
        return 0
    default_sizes = [50, 200] if args.quick else [10_000, 100_000]
    sizes = args.stream if args.stream is not None else default_sizes
    result = run_bench(
        mb=0.1 if args.quick and args.mb == 20.0 else args.mb,
        stream_sizes=tuple(sizes),
        jobs_compare=min(sizes) if sizes else 0,
        samples_dir=args.samples,
        dev_path=args.dev,
    )
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_text(result.to_dict()))
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(format_markdown(result.to_dict()), encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m mahrumiat_extract.bench", description=__doc__.split("\n\n")[0]
    )
    add_arguments(parser)
    return main_args(parser.parse_args(argv))

