"""Extraction on a Dask cluster: a dask bag or dataframe of articles in, partitioned Parquet
out (one folder a table, one file a partition), which the DuckDB store loads with
:func:`mahrumiat_extract.batch.store.import_parquet`.

>>> import dask.bag as db                                             # doctest: +SKIP
>>> from distributed import Client                                    # doctest: +SKIP
>>> client = Client("tcp://scheduler:8786")                           # doctest: +SKIP
>>> bag = db.read_text("s3://archive/news-*.jsonl.gz").map(json.loads)  # doctest: +SKIP
>>> extract_to_parquet(bag, "s3-mounted/out", overwrite=True)         # doctest: +SKIP

Workers need this package installed; ``out`` must be a path every worker and the client can
reach (a shared file system) when the cluster spans machines.

Writing into a folder that already holds parts is refused (:class:`FileExistsError`) unless
``overwrite=True``, which first deletes the earlier parts of every table, as
``dask.dataframe.to_parquet(..., overwrite=True)`` does: a re-run with other partitioning
never leaves a stale ``part-00007.parquet`` of the run before. Missing values of a
dataframe (``NaT``, ``NaN``, ``None``, ``pd.NA``) are read as absent fields.

The local engine of the same job is :mod:`mahrumiat_extract.batch.runner`
(``mahrumiat-extract run --engine dask`` streams inputs from the client to the cluster).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from . import store
from .readers import Item, ReadOptions, _article
from .readers.ids import prefix_id
from .store import Rows
from .work import process_item

__all__ = ["existing_parts", "extract_partition", "extract_to_parquet"]

PART = "part-{:05d}.parquet"


def _missing(value: Any) -> bool:
    """None, and the missing values of pandas and NumPy (NaT, NaN, pd.NA), which compare
    unequal to themselves (``pd.NA == pd.NA`` is NA, whose truth value raises)."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except (TypeError, ValueError):
        return True  # pd.NA


def _plain(article: Mapping[Any, Any]) -> dict[str, Any]:
    """A dataframe row (or any mapping) with its missing values left out."""
    return {str(key): value for key, value in article.items() if not _missing(value)}


def _item(article: Any, *, position: int, input: str, opts: ReadOptions) -> Item:
    if isinstance(article, str):
        return Item(input=input, position=position, id=f"{input}:{position}", text=article)
    if isinstance(article, Mapping):
        return prefix_id(_article(_plain(article), input, position, opts), opts.id_prefix)
    return Item(input=input, position=position, error="E607 malformed record: not a mapping")


def extract_partition(
    articles: Iterable[Any], *, partition: int, run_id: str, options: ReadOptions | None = None
) -> Rows:
    """Extract one partition (mappings with ``id``/``text``/``date``/``url``/``title``/
    ``source`` fields, or plain texts) into rows of every store table."""
    opts = options or ReadOptions()
    rows = Rows()
    now = dt.datetime.now()
    name = f"dask:partition-{partition}"
    for position, article in enumerate(articles, 1):
        item = _item(article, position=position, input=name, opts=opts)
        rows.extend(process_item(item, run_id=run_id, now=now).rows)
    return rows


def _write_partition(
    articles: Iterable[Any], partition: int, out: str, run_id: str, options: ReadOptions
) -> dict[str, int]:
    import pyarrow.parquet as pq

    rows = extract_partition(articles, partition=partition, run_id=run_id, options=options)
    counts = {}
    for name, table_rows in rows.tables.items():
        folder = Path(out) / name
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(store.arrow_table(name, table_rows), folder / PART.format(partition))
        counts[name] = len(table_rows)
    return counts


def existing_parts(out: str | Path) -> list[Path]:
    """The Parquet parts of every store table already under ``out``."""
    root = Path(out)
    return sorted(p for name in store.TABLES for p in (root / name).glob("*.parquet"))


def _clear(out: Path, *, overwrite: bool) -> None:
    parts = existing_parts(out)
    if not parts:
        return
    if not overwrite:
        raise FileExistsError(
            f"{out} already holds {len(parts)} Parquet parts of an earlier run; pass "
            "overwrite=True to replace them (or write into an empty folder)"
        )
    for part in parts:
        part.unlink()


def extract_to_parquet(
    articles: Any,
    out: str | Path,
    *,
    options: ReadOptions | None = None,
    run_id: str | None = None,
    overwrite: bool = False,
) -> dict[str, int]:
    """Extract a dask bag (of mappings or texts) or dask dataframe (one article a row) and
    write ``out/<table>/part-NNNNN.parquet``; returns the number of rows written a table.

    ``out`` holding parts already is a :class:`FileExistsError`, unless ``overwrite`` is true:
    then the earlier parts of every table are deleted first. Runs on the current Dask
    scheduler (a ``distributed.Client`` if one is active)."""
    import dask

    opts = options or ReadOptions()
    run_id = run_id or "dask-" + uuid.uuid4().hex[:8]
    _clear(Path(out), overwrite=overwrite)
    bag = articles.to_bag(format="dict") if hasattr(articles, "to_bag") else articles
    tasks = [
        dask.delayed(_write_partition)(part, i, str(out), run_id, opts)
        for i, part in enumerate(bag.to_delayed())
    ]
    totals: dict[str, int] = {name: 0 for name in store.TABLES}
    for counts in dask.compute(*tasks):
        for name, n in counts.items():
            totals[name] += n
    return totals
