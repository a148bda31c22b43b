"""``mahrumiat_extract.dask`` is :mod:`mahrumiat_extract.batch.dask` (kept importable: the
library function over a dask bag or dataframe lives beside the local engine it mirrors)."""

from __future__ import annotations

from .batch.dask import extract_partition, extract_to_parquet

__all__ = ["extract_partition", "extract_to_parquet"]
