"""Batch processing of archived feeds into a DuckDB store (``mahrumiat-extract run``).

:func:`run` reads inputs (:mod:`.readers`), extracts them in worker processes (:mod:`.work`)
and commits each chunk to the store (:mod:`.store`); see the README.
"""

from __future__ import annotations

from .readers import Item, ReadOptions, iter_items
from .runner import RunOptions, RunSummary, run

__all__ = ["Item", "ReadOptions", "RunOptions", "RunSummary", "iter_items", "run"]
