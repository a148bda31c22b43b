"""Reading the store back: counts, Parquet and JSONL exports, and loading Parquet parts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .schema import ITEM_TABLES, SCHEMA, TABLES, _quote, _sql_path

__all__ = ["export_jsonl", "export_parquet", "import_parquet", "summary", "summary_one"]


def summary(con: Any) -> dict[str, int]:
    """Row counts: articles, officials, places, provinces, neighborhoods, figures, errors."""
    return {name: int(con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]) for name in TABLES}


#: rows a Parquet row group: DuckDB's default (122,880) holds a row group's whole records in
#: memory, over the store's memory cap for ``articles`` (a record is a few KB of JSON)
ROW_GROUP_ROWS = 4096


def export_parquet(con: Any, directory: str | Path) -> list[Path]:
    """Write every table to ``directory/<table>.parquet`` (DuckDB's own Parquet writer),
    streamed table by table in small row groups, within the store's memory cap."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in TABLES:
        path = out / f"{name}.parquet"
        con.execute(f"COPY (SELECT * FROM {name}) TO '{_sql_path(path)}' "
                    f"(FORMAT PARQUET, ROW_GROUP_SIZE {ROW_GROUP_ROWS})")  # fmt: skip
        paths.append(path)
    return paths


def export_jsonl(con: Any, path: str | Path) -> int:
    """Write the stored records, one ArticleRecord a line, in article-id order."""
    n = 0
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        cursor = con.execute("SELECT record FROM articles ORDER BY article_id")
        while batch := cursor.fetchmany(1000):
            for (record,) in batch:
                fh.write(json.dumps(json.loads(record), ensure_ascii=False) + "\n")
                n += 1
    return n


def import_parquet(con: Any, directory: str | Path) -> dict[str, int]:
    """Load partitioned Parquet (``directory/<table>/*.parquet``, as written by
    :mod:`mahrumiat_extract.dask`) into the store, replacing earlier rows of the same articles
    and earlier errors at the same input positions; returns rows added a table."""
    root = Path(directory)
    sources: dict[str, str] = {}
    for name in TABLES:
        parts = sorted((root / name).glob("*.parquet"))
        if parts:
            files = "[" + ", ".join(f"'{_sql_path(p)}'" for p in parts) + "]"
            cols = ", ".join(_quote(c) for c, _ in SCHEMA[name])
            sources[name] = f"(SELECT {cols} FROM read_parquet({files}))"
    counts: dict[str, int] = {}
    con.execute("BEGIN TRANSACTION")
    try:
        if "articles" in sources:
            for name in ITEM_TABLES:
                con.execute(
                    f"DELETE FROM {name} WHERE article_id IN "
                    f"(SELECT article_id FROM {sources['articles']})"
                )
        if "errors" in sources:
            con.execute(
                "DELETE FROM errors WHERE (input, position) IN "
                f"(SELECT input, position FROM {sources['errors']})"
            )
        for name, source in sources.items():
            before = summary_one(con, name)
            con.execute(f"INSERT INTO {name} SELECT * FROM {source}")
            counts[name] = summary_one(con, name) - before
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return counts


def summary_one(con: Any, name: str) -> int:
    return int(con.execute(f"SELECT count(*) FROM {name}").fetchone()[0])
