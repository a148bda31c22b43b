"""The DuckDB store: one row per article, one per extracted item, one per span, one per error.

Every table is keyed by ``article_id``; a batch of results is written in one transaction in
which the articles stored before (a re-run's) lose their earlier rows, so re-running on the
same input never duplicates rows and a run killed at any moment leaves only whole batches
behind. The schema is documented in the README (a test checks the two agree).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import warning
from ..records import ArticleRecord, Figure

__all__ = [
    "SCHEMA",
    "TABLES",
    "Rows",
    "article_rows",
    "arrow_schema",
    "arrow_table",
    "connect",
    "error_rows",
    "export_jsonl",
    "export_parquet",
    "import_parquet",
    "stored_ids",
    "summary",
    "write_rows",
]

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
FIGURE_KINDS = (("project_counts", "project"), ("job_figures", "job"), ("quantities", "other"))


@dataclass
class Rows:
    """Rows for every table, as lists of tuples in :data:`SCHEMA` column order."""

    tables: dict[str, list[tuple[Any, ...]]] = field(
        default_factory=lambda: {name: [] for name in TABLES}
    )

    def extend(self, other: Rows) -> None:
        for name, rows in other.tables.items():
            self.tables[name].extend(rows)


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
    return con


# --- records into rows -----------------------------------------------------------------------


def _figures(record: ArticleRecord) -> Iterator[tuple[str, int, Figure]]:
    for attr, kind in FIGURE_KINDS:
        for idx, figure in enumerate(getattr(record, attr)):
            yield kind, idx, figure


def article_rows(
    record: ArticleRecord,
    *,
    input: str,
    position: int,
    chars: int,
    url: str | None,
    run_id: str,
    now: dt.datetime,
) -> Rows:
    """The rows of one extracted article (``record.id`` must be set)."""
    aid = record.id
    rows = Rows()
    t = rows.tables
    published = record.published
    n_figures = len(record.project_counts) + len(record.job_figures) + len(record.quantities)
    t["articles"].append((
        aid, input, position, record.source,
        published.jalali if published else None,
        dt.date.fromisoformat(published.gregorian) if published else None,
        record.title, url, chars, len(record.officials), len(record.places), n_figures,
        list(record.warnings), record.model_dump_json(), run_id, now,
    ))  # fmt: skip
    mentions = t["mentions"]
    for idx, o in enumerate(record.officials):
        t["officials"].append((aid, idx, o.name, o.title, o.jurisdiction, o.honorific))
        mentions.extend((aid, "official", idx, s.start, s.end, s.text) for s in o.mentions)
    for idx, p in enumerate(record.provinces):
        t["provinces"].append((aid, idx, p.name, p.explicit))
        mentions.extend((aid, "province", idx, s.start, s.end, s.text) for s in p.mentions)
    for idx, pl in enumerate(record.places):
        t["places"].append((aid, idx, pl.name, pl.kind, pl.province))
        mentions.extend((aid, "place", idx, s.start, s.end, s.text) for s in pl.mentions)
    for idx, n in enumerate(record.neighborhoods):
        t["neighborhoods"].append((aid, idx, n.name, n.city, n.province))
        mentions.extend((aid, "neighborhood", idx, s.start, s.end, s.text) for s in n.mentions)
    for kind, idx, f in _figures(record):
        t["figures"].append(
            (aid, kind, idx, f.count, f.unit, f.category, f.status, f.period, f.place)
        )
        mentions.extend((aid, kind, idx, s.start, s.end, s.text) for s in f.mentions)
    return rows


def error_rows(
    input: str, position: int, article_id: str | None, reason: str, *, run_id: str | None,
    now: dt.datetime,
) -> Rows:  # fmt: skip
    rows = Rows()
    rows.tables["errors"].append((input, position, article_id, reason, run_id, now))
    return rows


# --- writing ---------------------------------------------------------------------------------


def arrow_schema(name: str) -> Any:
    """The pyarrow schema of a table (the same in every Parquet partition)."""
    import pyarrow as pa

    types = {
        "VARCHAR": pa.string(), "JSON": pa.string(), "BIGINT": pa.int64(),
        "INTEGER": pa.int32(), "DATE": pa.date32(), "BOOLEAN": pa.bool_(),
        "TIMESTAMP": pa.timestamp("us"), "VARCHAR[]": pa.list_(pa.string()),
    }  # fmt: skip
    return pa.schema([(c, types[t]) for c, t in SCHEMA[name]])


def arrow_table(name: str, rows: list[tuple[Any, ...]]) -> Any:
    """Rows of table ``name`` as a pyarrow Table."""
    import pyarrow as pa

    schema = arrow_schema(name)
    columns = [[row[i] for row in rows] for i in range(len(schema))]
    return pa.Table.from_arrays([pa.array(c, type=f.type) for c, f in zip(columns, schema)],
                                schema=schema)  # fmt: skip


def _select_list(name: str) -> str:
    """The ``SELECT`` list that casts a registered batch of table ``name`` to its types (a
    list column travels as JSON text)."""
    cols = []
    for column, type_ in SCHEMA[name]:
        q = _quote(column)
        cols.append(f"{q}::JSON::{type_} AS {q}" if type_.endswith("[]") else q)
    return ", ".join(cols)


def _columns(name: str, rows: list[tuple[Any, ...]]) -> dict[str, Any]:
    """Rows of table ``name`` as NumPy object columns, which DuckDB registers and converts
    itself. Not pyarrow: its first array costs ~90 MB of resident memory in the
    writing process and building the arrays is slower than DuckDB's own conversion."""
    out: dict[str, Any] = {}
    for (column, type_), values in zip(SCHEMA[name], zip(*rows)):
        if type_.endswith("[]"):
            values = tuple(None if v is None else json.dumps(v, ensure_ascii=False) for v in values)
        out[column] = _object_array(values)
    return out


def _object_array(values: Sequence[Any]) -> Any:
    """``values`` as a 1-d NumPy array of Python objects (never a 2-d one from tuples)."""
    import numpy as np

    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def _insert(con: Any, name: str, rows: list[tuple[Any, ...]], *, returning: str = "") -> Any:
    if not rows:
        return []
    con.register("_rows", _columns(name, rows))
    try:
        return con.execute(
            f"INSERT INTO {name} SELECT {_select_list(name)} FROM _rows {returning}"
        ).fetchall()
    finally:
        con.unregister("_rows")


def _in_list(values: Iterable[Any]) -> tuple[str, list[Any]]:
    items = list(values)
    return "(" + ", ".join("?" for _ in items) + ")", items


def write_rows(
    con: Any, rows: Rows, *, error_keys: Iterable[tuple[str, int]] = (), run_id: str | None = None,
) -> list[tuple[Any, ...]]:  # fmt: skip
    """Write a batch of results in one transaction, replacing the earlier rows of its articles
    and the earlier errors at the same input positions (``error_keys`` adds positions that are
    now fine, so a fixed input line loses its old error).

    An article already stored by this same run (``run_id``: its id came twice in the input)
    is not written again: it becomes an ``E611`` row in ``errors``; its ``articles`` row is
    returned among the dropped ones. The batch's ids must be distinct.

    New articles cost no lookup: the ``articles`` rows go in with ``ON CONFLICT DO NOTHING``
    (the primary key's index finds conflicts), and only the conflicting ids, a re-run's, are
    looked up and replaced."""
    keys = {(row[0], row[1]) for row in rows.tables["errors"]} | set(error_keys)
    con.execute("BEGIN TRANSACTION")
    try:
        _delete_errors(con, keys)
        articles = rows.tables["articles"]
        new = {aid for (aid,) in _insert(con, "articles", articles,
                                         returning="ON CONFLICT DO NOTHING RETURNING article_id")}  # fmt: skip
        dropped: list[tuple[Any, ...]] = []
        if len(new) < len(articles):
            old = [row for row in articles if row[0] not in new]
            runs = stored_ids(con, [row[0] for row in old])
            this_run = {aid for aid, run in runs.items() if run_id is not None and run == run_id}
            dropped = [row for row in old if row[0] in this_run]
            again = [row for row in old if row[0] not in this_run]
            if again:  # a re-run: its articles' earlier rows go, the new ones come
                marks, params = _in_list(row[0] for row in again)
                for name in ITEM_TABLES:
                    con.execute(f"DELETE FROM {name} WHERE article_id IN {marks}", params)
                _insert(con, "articles", again)
        skip = {row[0] for row in dropped}
        now = dt.datetime.now()  # the E611 rows'
        errors = list(rows.tables["errors"])
        for aid, source, position, *_ in dropped:
            e611 = error_rows(source, position, aid, warning("E611", aid), run_id=run_id, now=now)
            errors += e611.tables["errors"]
        for name in ITEM_TABLES[1:]:  # the articles' items (articles is first)
            table = rows.tables[name]
            _insert(con, name, [r for r in table if r[0] not in skip] if skip else table)
        _insert(con, "errors", errors)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return dropped


def _delete_errors(con: Any, keys: set[tuple[str, int]]) -> None:
    """Forget the earlier errors at these (input, position) keys."""
    if not keys or not con.execute("SELECT 1 FROM errors LIMIT 1").fetchall():
        return
    inputs, positions = zip(*sorted(keys))
    con.register("_keys", {"input": _object_array(inputs), "position": _object_array(positions)})
    try:
        con.execute("DELETE FROM errors WHERE (input, position) IN "
                    "(SELECT input, position FROM _keys)")  # fmt: skip
    finally:
        con.unregister("_keys")


def stored_ids(con: Any, ids: Iterable[str]) -> dict[str, str]:
    """``{article_id: run_id}`` of those ``ids`` already in the store."""
    marks, params = _in_list(ids)
    if not params:
        return {}
    found = con.execute(
        f"SELECT article_id, run_id FROM articles WHERE article_id IN {marks}", params
    ).fetchall()
    return {aid: run for aid, run in found}


# --- reading back ----------------------------------------------------------------------------


def summary(con: Any) -> dict[str, int]:
    """Row counts: articles, officials, places, provinces, neighborhoods, figures, errors."""
    return {name: int(con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]) for name in TABLES}


def export_parquet(con: Any, directory: str | Path) -> list[Path]:
    """Write every table to ``directory/<table>.parquet`` (DuckDB's own Parquet writer)."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in TABLES:
        path = out / f"{name}.parquet"
        con.execute(f"COPY (SELECT * FROM {name}) TO '{_sql_path(path)}' (FORMAT PARQUET)")
        paths.append(path)
    return paths


def export_jsonl(con: Any, path: str | Path) -> int:
    """Write the stored records, one ArticleRecord a line, in article-id order."""
    n = 0
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


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
