"""The benchmark's inputs (articles, machine) and outputs (text and Markdown reports)."""

from __future__ import annotations

import json
import os
import platform
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from .targets import (
    TARGET_GAZETTEER_COST,
    TARGET_JOBS_RATIO,
    TARGET_RATIO,
    TARGET_RSS_MB,
    TARGET_STARTUP_S,
)

__all__ = [
    "Corpus",
    "format_markdown",
    "build_kind",
    "format_text",
    "load_average",
    "load_corpus",
    "machine_info",
    "write_stream_input",
]

REPO = Path(__file__).resolve().parents[3]
DEFAULT_SAMPLES = REPO / "data" / "samples" / "articles"
DEFAULT_DEV = REPO.parent / "shared" / "eval" / "dev.jsonl"
#: the same sample articles shipped in the package (scripts/bundle_samples.py), read when the
#: repository's data/ is not beside the code (an installed wheel)
BUNDLED_SAMPLES = "resources/samples.jsonl.gz"


@dataclass(frozen=True, slots=True)
class Corpus:
    """The distinct articles and the list repeated to the target size."""

    unique: list[str]
    texts: list[str]
    dev_articles: int
    sample_articles: int

    def describe(self) -> dict[str, Any]:
        return {
            "dev_articles": self.dev_articles,
            "sample_articles": self.sample_articles,
            "distinct_articles": len(self.unique),
            "articles": len(self.texts),
            "mb": round(sum(len(t.encode("utf-8")) for t in self.texts) / 1e6, 2),
            "mean_kb": round(
                sum(len(t.encode("utf-8")) for t in self.unique) / len(self.unique) / 1e3, 2
            ),
        }


def _dev_texts(path: Path) -> list[str]:
    if not path.is_file():
        return []
    out: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            text = json.loads(line).get("text")
            if isinstance(text, str) and text.strip():
                out.append(text)
    return out


def _sample_texts(directory: Path) -> list[str]:
    if not directory.is_dir():
        return []
    files = sorted(directory.glob("*.txt"))
    return [t for t in (f.read_text(encoding="utf-8") for f in files) if t.strip()]


def _bundled_texts() -> list[str]:
    import gzip
    from importlib import resources

    data = resources.files("mahrumiat_extract").joinpath(BUNDLED_SAMPLES).read_bytes()
    lines = gzip.decompress(data).decode("utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()]


def load_corpus(
    *, mb: float, samples_dir: Path | None = None, dev_path: Path | None = None
) -> Corpus:
    """The dev set's texts and the sample articles, repeated to at least ``mb`` MB. Without
    ``samples_dir`` and without the repository's data/samples/articles (an installed wheel),
    the sample articles shipped in the package."""
    dev = _dev_texts(dev_path or DEFAULT_DEV)
    samples = _sample_texts(samples_dir or DEFAULT_SAMPLES)
    if samples_dir is None and not DEFAULT_SAMPLES.is_dir():
        samples = _bundled_texts()
    unique = dev + samples
    if not unique:
        raise InputError(
            f"E706 no articles to benchmark: neither {dev_path or DEFAULT_DEV} nor "
            f"{samples_dir or DEFAULT_SAMPLES}/*.txt"
        )
    size = sum(len(t.encode("utf-8")) for t in unique)
    repeat = max(1, -(-int(mb * 1e6) // size))
    return Corpus(
        unique=unique, texts=unique * repeat, dev_articles=len(dev), sample_articles=len(samples)
    )


def write_stream_input(corpus: Corpus, n: int, path: Path) -> Path:
    """A JSONL batch of ``n`` articles cycling through the corpus, with distinct ids."""
    lines = [json.dumps({"text": t}, ensure_ascii=False)[1:] for t in corpus.unique]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(f'{{"id": "b{i}", {lines[i % len(lines)]}\n')
    return path


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine_info() -> dict[str, Any]:
    """nproc, CPU model, memory, Python and OS: the machine a run came from."""
    mem_gb: float | None = None
    try:
        mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError, AttributeError):
        pass
    return {
        "nproc": len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else os.cpu_count(),
        "cpu": _cpu_model(),
        "memory_gb": round(mem_gb, 1) if mem_gb else None,
        "python": sys.version.split()[0],
        "os": f"{platform.system()} {platform.release()}",
        "load_average": load_average(),
        "build": build_kind(),
    }


def build_kind() -> str:
    """``"compiled"`` when the stages run as mypyc-compiled extension modules (setup.py: what
    ``pip install .`` builds when it can), else ``"pure Python"``; found without importing
    them."""
    import importlib.machinery
    import importlib.util

    spec = importlib.util.find_spec("mahrumiat_extract.stages.geo.stage")
    origin = spec.origin if spec is not None else None
    native = origin is not None and origin.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))
    return "compiled" if native else "pure Python"


def _build_text(kind: str | None) -> str:
    if kind == "compiled":
        return (
            "compiled with mypyc (what `pip install .` builds when a C compiler is present; "
            "`scripts/bench.sh`)"
        )
    return (
        "pure Python (an editable install, `MAHRUMIAT_PURE=1`, or no C compiler; the compiled "
        "build that `pip install .` makes is faster)"
    )


def load_average() -> float | None:
    """The 1-minute load average: other processes competing for the cores skew timings."""
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


# ---------------------------------------------------------------- reports


def _ok(flag: bool) -> str:
    return "ok" if flag else "MISSED"


def _rows(r: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(what, figure, target) rows shared by the text and Markdown reports."""
    p, h = r["pipeline"], r["hazm"]
    rows = [
        ("pipeline", f"{p['articles_per_s']:.0f} articles/s, {p['mb_per_s']:.2f} MB/s", ""),
        (
            "hazm Normalizer().normalize",
            f"{h['articles_per_s']:.0f} articles/s, {h['mb_per_s']:.2f} MB/s",
            "",
        ),
    ]
    if r["ratio"] is not None:
        rows.append(
            (
                "ratio pipeline / hazm",
                f"{r['ratio']:.2f}",
                f">= {TARGET_RATIO:.1f} {_ok(r['ratio'] >= TARGET_RATIO)}",
            )
        )
    cost = r.get("gazetteer_cost")
    if cost is not None:
        rows.append(
            (
                "pipeline time added by the ~1,800 place names (vs provinces only)",
                f"{cost:+.1%}",
                f"< {TARGET_GAZETTEER_COST:.0%} {_ok(cost < TARGET_GAZETTEER_COST)}",
            )
        )
    norm_s = p["stages"].get("normalize")
    if norm_s and h["seconds"]:
        rows.append(("ratio normalize stage alone / hazm", f"{h['seconds'] / norm_s:.2f}", ""))
    streams = r["streams"]
    for s in streams:
        rows.append(
            (
                f"stream {s['articles']:,} articles ({s['command']})",
                f"peak RSS {s['peak_rss_mb']:.0f} MB, {s['articles_per_s']:.0f} articles/s"
                + ("" if s["exit_code"] == 0 else f", exit {s['exit_code']}"),
                f"< {TARGET_RSS_MB:.0f} MB {_ok(s['peak_rss_mb'] < TARGET_RSS_MB)}",
            )
        )
    single = [s for s in streams if s["jobs"] == 1]
    if len(single) >= 2:
        growth = (
            single[-1]["peak_rss_mb"] / single[0]["peak_rss_mb"] if single[0]["peak_rss_mb"] else 0
        )
        rows.append(
            (
                f"RSS {single[-1]['articles']:,} / {single[0]['articles']:,} articles",
                f"{growth:.2f}",
                f"flat (<= 1.10) {_ok(growth <= 1.10)}",
            )
        )
    if r["jobs_ratio"] is not None:
        rows.append(
            (
                "throughput --jobs 2 / --jobs 1",
                f"{r['jobs_ratio']:.2f}",
                f">= {TARGET_JOBS_RATIO:.1f} {_ok(r['jobs_ratio'] >= TARGET_JOBS_RATIO)}",
            )
        )
    if r.get("parallel_ceiling") is not None:
        rows.append(
            (
                "the machine's ceiling: a pure CPU loop in 2 processes / 1",
                f"{r['parallel_ceiling']:.2f}",
                "(no target: what 2 cores give here)",
            )
        )
    st = r["startup"]
    rows.append(
        (
            "import + first article (fresh process)",
            f"{st['import_plus_first_s']:.2f} s (import {st['import_s']:.2f} s, "
            f"first article {st['first_article_s']:.3f} s; process {st['process_wall_s']:.2f} s)",
            f"< {TARGET_STARTUP_S:.0f} s {_ok(st['import_plus_first_s'] < TARGET_STARTUP_S)}",
        )
    )
    return rows


def _stage_rows(r: dict[str, Any]) -> list[tuple[str, float, float, float]]:
    """(stage, seconds, ms per article, share of pipeline time)."""
    p = r["pipeline"]
    total = p["seconds"] or 1.0
    return [
        (name, secs, secs / p["articles"] * 1e3, secs / total) for name, secs in p["stages"].items()
    ]


def format_text(r: dict[str, Any]) -> str:
    m, c = r["machine"], r["corpus"]
    lines = [
        f"machine: {m['nproc']} CPUs, {m['cpu']}, Python {m['python']}, {m['os']}, "
        f"load average {m.get('load_average')} at start, {m.get('load_average_end')} at end",
        f"build: {_build_text(m.get('build'))}",
        f"corpus: {c['distinct_articles']} distinct articles ({c['dev_articles']} dev, "
        f"{c['sample_articles']} samples, mean {c['mean_kb']} KB) repeated to "
        f"{c['articles']:,} articles, {c['mb']} MB",
        "",
    ]
    width = max(len(w) for w, _, _ in _rows(r))
    lines += [f"{w:<{width}}  {fig}  {tgt}".rstrip() for w, fig, tgt in _rows(r)]
    lines += ["", f"{'stage':<12}{'seconds':>10}{'ms/article':>12}{'share':>8}"]
    lines += [f"{n:<12}{s:>10.2f}{ms:>12.3f}{sh:>8.1%}" for n, s, ms, sh in _stage_rows(r)]
    return "\n".join(lines)


def _settings_text(settings: dict[str, Any] | None) -> str:
    if not settings:
        return ""
    sizes = " ".join(str(n) for n in settings.get("stream", ()))
    return f" (run with `--mb {settings.get('mb')} --stream {sizes}`)"


def format_markdown(r: dict[str, Any]) -> str:
    m, c = r["machine"], r["corpus"]
    lines = [
        "# Benchmark",
        "",
        "Written by `python -m mahrumiat_extract.bench --markdown docs/benchmark.md`"
        + _settings_text(r.get("settings"))
        + ".",
        "",
        f"- machine: {m['nproc']} CPUs (nproc), {m['cpu']}, {m['memory_gb']} GB RAM, "
        f"Python {m['python']}, {m['os']}",
        f"- build: {_build_text(m.get('build'))}",
        f"- load average (1 min): {m.get('load_average')} at start, {m.get('load_average_end')} "
        "at end (other work on the machine skews the timings; the ratio to hazm is measured "
        "back to back in the same run)",
        f"- articles: {c['distinct_articles']} distinct ({c['dev_articles']} from the dev set, "
        f"{c['sample_articles']} samples; mean {c['mean_kb']} KB) repeated to "
        f"{c['articles']:,} articles, {c['mb']} MB; in-process timings on one core",
        "",
        "| measure | figure | target |",
        "|---|---|---|",
    ]
    lines += [f"| {w} | {fig} | {tgt} |" for w, fig, tgt in _rows(r)]
    lines += [
        "",
        "Per stage (the pipeline timed stage by stage):",
        "",
        "| stage | seconds | ms / article | share |",
        "|---|---:|---:|---:|",
    ]
    lines += [f"| {n} | {s:.2f} | {ms:.3f} | {sh:.1%} |" for n, s, ms, sh in _stage_rows(r)]
    return "\n".join(lines) + "\n"
