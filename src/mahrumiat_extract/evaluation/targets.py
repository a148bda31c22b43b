"""The benchmark's targets, in their own module: :mod:`.bench` measures, :mod:`.benchio`
reports against these (neither imports the other for them)."""

from __future__ import annotations

__all__ = [
    "TARGET_GAZETTEER_COST",
    "TARGET_JOBS_RATIO",
    "TARGET_RATIO",
    "TARGET_RSS_MB",
    "TARGET_STARTUP_S",
]

#: Pipeline throughput over hazm's ``Normalizer().normalize`` on the same articles.
TARGET_RATIO = 1.0
#: Peak memory of a streamed batch through the command line, in MB.
TARGET_RSS_MB = 300.0
#: Import of the package plus the first article in a fresh interpreter, in seconds.
TARGET_STARTUP_S = 2.0
#: Throughput of ``run --jobs 2`` over ``--jobs 1``.
TARGET_JOBS_RATIO = 1.7
#: Pipeline time added by the whole gazetteer over the provinces alone (0.20 = 20%).
TARGET_GAZETTEER_COST = 0.20
