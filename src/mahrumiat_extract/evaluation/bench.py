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
import json
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
    format_markdown,
    format_text,
    load_average,
    load_corpus,
    machine_info,
)
from .benchproc import (
    StreamRun,
    cli_has_run,
    distinct_memory,
    time_parallel_ceiling,
    time_streams,
)

__all__ = ["BenchResult", "add_arguments", "main", "main_args", "run_bench"]


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


def time_side_by_side(
    texts: list[str], *, block: int = 50
) -> tuple[dict[str, Any], dict[str, Any]]:
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
    return _throughput(texts, seconds["pipeline"]) | {"stages": stages}, _throughput(
        texts, seconds["hazm"]
    )


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
                corpus,
                list(stream_sizes),
                use_run=use_run,
                jobs_compare=jobs_compare,
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
    p.add_argument(
        "--distinct-memory",
        type=Path,
        default=None,
        metavar="CORPUS",
        help="only measure run's peak memory on distinct articles of CORPUS (JSONL, "
        "e.g. ../shared/corpus/news.jsonl.gz): 10,000 vs 50,000, --jobs 1 and 2",
    )


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
