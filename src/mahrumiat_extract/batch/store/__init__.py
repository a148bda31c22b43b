"""The DuckDB store: one row per article, one per extracted item, one per span, one per error.

Every table is keyed by ``article_id``; a batch of results is written in one transaction in
which the articles stored before (a re-run's) lose their earlier rows, so re-running on the
same input never duplicates rows and a run killed at any moment leaves only whole batches
behind. The schema is documented in the README (a test checks the two agree).

One module a concern: :mod:`.schema` (tables, connecting), :mod:`.rows` (records into rows),
:mod:`.writes` (transactions) and :mod:`.exports` (reading back, Parquet in and out).
"""

from __future__ import annotations

from .exports import export_jsonl, export_parquet, import_parquet, summary, summary_one
from .rows import Rows, arrow_schema, arrow_table, article_rows, error_rows
from .schema import FIGURE_KINDS, ITEM_TABLES, MEMORY_LIMIT, SCHEMA, TABLES, connect
from .views import VIEWS, create_views
from .writes import stored_ids, write_rows

__all__ = [
    "FIGURE_KINDS",
    "ITEM_TABLES",
    "MEMORY_LIMIT",
    "SCHEMA",
    "TABLES",
    "VIEWS",
    "Rows",
    "article_rows",
    "arrow_schema",
    "arrow_table",
    "connect",
    "create_views",
    "error_rows",
    "export_jsonl",
    "export_parquet",
    "import_parquet",
    "stored_ids",
    "summary",
    "summary_one",
    "write_rows",
]
