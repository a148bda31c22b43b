"""Extraction on a Dask cluster: a dask bag or dataframe of articles in, partitioned Parquet
out (one folder a table, one file a partition), which the DuckDB store loads with
:func:`mahrumiat_extract.batch.store.import_parquet`.

>>> import dask.bag as db                                             # doctest: +SKIP
>>> from distributed import Client                                    # doctest: +SKIP
>>> client = Client("tcp://scheduler:8786")                           # doctest: +SKIP
>>> bag = db.read_text("s3://archive/news-*.jsonl.gz").map(json.loads)  # doctest: +SKIP
>>> extract_to_parquet(bag, "s3-mounted/out")                         # doctest: +SKIP

Workers need this package installed; ``out`` must be a path every worker and the client can
reach (a shared file system) when the cluster spans machines.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .batch import store
from .batch.readers import Item, ReadOptions, _article
from .batch.store import Rows
from .batch.work import process_item

__all__ = ["extract_partition", "extract_to_parquet"]


def _item(article: Any, *, position: int, input: str, opts: ReadOptions) -> Item:
    if isinstance(article, str):
        return Item(input=input, position=position, id=f"{input}:{position}", text=article)
    if isinstance(article, Mapping):
        return _article(dict(article), input, position, opts)
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
        pq.write_table(store.arrow_table(name, table_rows), folder / f"part-{partition:05d}.parquet")
        counts[name] = len(table_rows)
    return counts


def extract_to_parquet(
    articles: Any, out: str | Path, *, options: ReadOptions | None = None, run_id: str | None = None
) -> dict[str, int]:
    """Extract a dask bag (of mappings or texts) or dask dataframe (one article a row) and
    write ``out/<table>/part-NNNNN.parquet``; returns the number of rows written a table.

    Runs on the current Dask scheduler (a ``distributed.Client`` if one is active)."""
    import dask

    opts = options or ReadOptions()
    run_id = run_id or "dask-" + uuid.uuid4().hex[:8]
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
