"""Per-stage timing of the pipeline on the dev set and the sample articles, against hazm's
normalizer (a quick look while working; the benchmark is ``mahrumiat-extract bench``).

    .venv/bin/python scripts/profile_stages.py        # ROUNDS=8 for steadier figures
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from mahrumiat_extract import extract
from mahrumiat_extract.pipeline import get_pipeline

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"


def texts() -> list[str]:
    out = (
        [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines()]
        if DEV.exists()
        else []
    )
    out += [
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "data" / "samples" / "articles").glob("*.txt"))
    ]
    return out


def main() -> None:
    arts = texts()
    rounds = int(os.environ.get("ROUNDS", "3"))
    for text in arts:
        extract(text)  # warm every lazy cache
    pipe = get_pipeline()
    totals: dict[str, float] = {}
    t0 = time.perf_counter()
    for _ in range(rounds):
        for text in arts:
            a = time.perf_counter()
            doc = pipe.make_doc(text)
            totals["normalize"] = totals.get("normalize", 0.0) + time.perf_counter() - a
            for stage in pipe.stages:
                a = time.perf_counter()
                stage(doc)
                totals[stage.name] = totals.get(stage.name, 0.0) + time.perf_counter() - a
            pipe.record(doc)
    elapsed = time.perf_counter() - t0
    n = rounds * len(arts)
    mean_chars = sum(map(len, arts)) / len(arts)
    print(
        f"pipeline {n / elapsed:.1f} art/s  {elapsed / n * 1000:.2f} ms/article, "
        f"avg {mean_chars:.0f} chars"
    )
    for name, seconds in totals.items():
        print(f"  {name:10} {seconds / n * 1000:.2f} ms")
    from hazm import Normalizer

    normalizer = Normalizer()
    normalizer.normalize(arts[0])
    t0 = time.perf_counter()
    for _ in range(rounds):
        for text in arts:
            normalizer.normalize(text)
    hazm_elapsed = time.perf_counter() - t0
    print(
        f"hazm normalize {hazm_elapsed / n * 1000:.2f} ms/article; "
        f"ratio pipeline/hazm throughput = {hazm_elapsed / elapsed:.2f}"
    )


if __name__ == "__main__":
    main()
