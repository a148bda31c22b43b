"""The store's tables and columns, and opening (creating) the DuckDB file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .views import create_views

__all__ = ["FIGURE_KINDS", "ITEM_TABLES", "MEMORY_LIMIT", "SCHEMA", "TABLES", "connect"]

#: table -> ((column, DuckDB type), ...); the order of columns is the order of row tuples.
SCHEMA: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("article_id", "VARCHAR"),
        ("input", "VARCHAR"),
        ("position", "BIGINT"),
        ("source", "VARCHAR"),
        ("published_jalali", "VARCHAR"),
        ("published_gregorian", "DATE"),
        ("title", "VARCHAR"),
        ("url", "VARCHAR"),
        ("chars", "INTEGER"),
        ("n_officials", "INTEGER"),
        ("n_places", "INTEGER"),
        ("n_figures", "INTEGER"),
        ("warnings", "VARCHAR[]"),
        ("record", "JSON"),
        ("run_id", "VARCHAR"),
        ("extracted_at", "TIMESTAMP"),
    ),
    "officials": (
        ("article_id", "VARCHAR"),
        ("idx", "INTEGER"),
        ("name", "VARCHAR"),
        ("title", "VARCHAR"),
        ("jurisdiction", "VARCHAR"),
        ("honorific", "VARCHAR"),
    ),
    "provinces": (
        ("article_id", "VARCHAR"),
        ("idx", "INTEGER"),
        ("name", "VARCHAR"),
        ("explicit", "BOOLEAN"),
    ),
    "places": (
        ("article_id", "VARCHAR"),
        ("idx", "INTEGER"),
        ("name", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("province", "VARCHAR"),
    ),
    "neighborhoods": (
        ("article_id", "VARCHAR"),
        ("idx", "INTEGER"),
        ("name", "VARCHAR"),
        ("city", "VARCHAR"),
        ("province", "VARCHAR"),
    ),
    "figures": (
        ("article_id", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("idx", "INTEGER"),
        ("count", "BIGINT"),
        ("unit", "VARCHAR"),
        ("category", "VARCHAR"),
        ("status", "VARCHAR"),
        ("period", "VARCHAR"),
        ("place", "VARCHAR"),
    ),
    "mentions": (
        ("article_id", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("idx", "INTEGER"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
        ("text", "VARCHAR"),
    ),
    "texts": (
        ("article_id", "VARCHAR"),
        ("text", "VARCHAR"),
    ),
    "errors": (
        ("input", "VARCHAR"),
        ("position", "BIGINT"),
        ("article_id", "VARCHAR"),
        ("reason", "VARCHAR"),
        ("run_id", "VARCHAR"),
        ("at", "TIMESTAMP"),
    ),
}
TABLES = tuple(SCHEMA)
ITEM_TABLES = tuple(t for t in TABLES if t != "errors")
assert ITEM_TABLES[0] == "articles"  # write_rows inserts the articles first
#: figure lists of a record -> value of ``figures.kind`` (and ``mentions.kind``)
FIGURE_KINDS = (
    ("project_counts", "project_count"), ("job_figures", "job_figure"), ("quantities", "quantity"),
)  # fmt: skip


def _quote(name: str) -> str:
    return f'"{name}"'


#: DuckDB's memory cap for the store (``MAHRUMIAT_DUCKDB_MEMORY`` overrides it).
#: 32 MB keeps a long run's peak flat (64 MB: 194 MB at 10,000 articles, 216 MB at 100,000;
#: 32 MB: 169 MB and 173 MB at 40,000); the primary key's index is buffer-managed too (3
#: million ids were inserted under 32 MB in a test run), the rest spills to disk.
MEMORY_LIMIT = os.environ.get("MAHRUMIAT_DUCKDB_MEMORY", "32MB")


def connect(path: str | Path, *, read_only: bool = False) -> Any:
    """Open (and create) the store at ``path``; ``":memory:"`` for a throw-away store."""
    import duckdb

    if path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), read_only=read_only)
    # DuckDB's buffer pool defaults to 80% of RAM and keeps what a long run wrote: cap it, so
    # a batch's memory stays flat however large the store grows (DuckDB spills to disk)
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    con.execute("SET threads = 1")  # the parent writes; extraction runs in the workers
    con.execute("SET preserve_insertion_order = false")
    if not read_only:
        for name, columns in SCHEMA.items():
            cols = ", ".join(f"{_quote(c)} {t}" for c, t in columns)
            key = ", PRIMARY KEY (article_id)" if name == "articles" else ""
            con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({cols}{key})")
        create_views(con)
    return con


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
