"""pandas DataFrames for researchers: the tables of the batch store, from records or a store.

>>> from mahrumiat_extract import extract, to_frames
>>> frames = to_frames([extract("استاندار لرستان گفت: ۱۳۲ پروژه افتتاح شد.", id="x1")])
>>> sorted(frames)  # doctest: +SKIP
['articles', 'errors', 'figures', 'mentions', 'neighborhoods', 'officials', 'places',
 'provinces', 'texts']

The tables and their columns are exactly those of the DuckDB store
(:data:`mahrumiat_extract.batch.store.SCHEMA`, documented in the README); rows are built by
the store's own :func:`~mahrumiat_extract.batch.store.article_rows`, so a frame made from
records and the same frame read back from a store agree. Column types: integers are pandas'
nullable ``Int32``/``Int64``, booleans ``boolean``, text ``string``, dates and timestamps
``datetime64[us]``, ``articles.warnings`` a list a row.

pandas is an optional extra: ``pip install "mahrumiat-extract[frames]"``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .batch.store import SCHEMA, TABLES, Rows, article_rows
from .records import ArticleRecord

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FRAMES_EXTRA", "mentions_frame", "to_frame", "to_frames"]

FRAMES_EXTRA = 'pip install "mahrumiat-extract[frames]"'

#: DuckDB column type -> pandas dtype
_DTYPES = {
    "VARCHAR": "string",
    "JSON": "string",
    "INTEGER": "Int32",
    "BIGINT": "Int64",
    "BOOLEAN": "boolean",
    "DATE": "datetime64[us]",
    "TIMESTAMP": "datetime64[us]",
}
#: rows of these tables are sorted by these columns, whatever their source
_ORDER = {
    "articles": ("input", "position"),
    "errors": ("input", "position"),
    "figures": ("article_id", "kind", "idx"),
    "mentions": ("article_id", "kind", "idx", "start"),
    "texts": ("article_id",),
}

RecordLike = ArticleRecord | Mapping[str, Any]
Source = RecordLike | Iterable[RecordLike] | str | Path | Any


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(f"DataFrames need pandas, an optional extra: {FRAMES_EXTRA}") from exc
    return pandas


def _typed(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Give ``frame`` the columns of ``name`` in store order, with one dtype each."""
    pd = _pandas()
    columns = SCHEMA[name]
    frame = frame.reindex(columns=[c for c, _ in columns])
    for column, sql_type in columns:
        if sql_type.endswith("[]"):
            frame[column] = [[] if v is None else list(v) for v in frame[column]]
        elif sql_type in ("DATE", "TIMESTAMP"):
            frame[column] = pd.to_datetime(frame[column]).astype(_DTYPES[sql_type])
        else:
            frame[column] = frame[column].astype(_DTYPES[sql_type])
    keys = list(_ORDER.get(name, ("article_id", "idx")))
    return frame.sort_values(keys, kind="stable", ignore_index=True) if len(frame) else frame


def _empty(name: str) -> pd.DataFrame:
    pd = _pandas()
    return _typed(name, pd.DataFrame({c: [] for c, _ in SCHEMA[name]}, dtype=object))


def _frames_from_rows(rows: Rows) -> dict[str, pd.DataFrame]:
    pd = _pandas()
    out = {}
    for name in TABLES:
        data = rows.tables[name]
        columns = [c for c, _ in SCHEMA[name]]
        frame = pd.DataFrame.from_records(data, columns=columns) if data else None
        out[name] = _typed(name, frame) if frame is not None else _empty(name)
    return out


def _as_record(item: RecordLike) -> ArticleRecord:
    if isinstance(item, ArticleRecord):
        return item
    return ArticleRecord.model_validate(item)


def _records_to_rows(
    records: Iterable[RecordLike], *, input: str, run_id: str, now: dt.datetime | None
) -> Rows:
    rows = Rows()
    now = now or dt.datetime.now()
    for position, item in enumerate(records):
        record = _as_record(item)
        if record.id is None:
            record = record.model_copy(update={"id": f"{input}:{position}"})
        rows.extend(article_rows(
            record, input=input, position=position,
            chars=None,  # type: ignore[arg-type]  # a record alone does not know its text's length
            url=None, run_id=run_id, now=now,
        ))  # fmt: skip
    return rows


def _iter_jsonl(path: Path) -> Iterable[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _frames_from_store(con: Any) -> dict[str, pd.DataFrame]:
    query = "SELECT table_name FROM information_schema.tables"
    present = {row[0] for row in con.execute(query).fetchall()}
    out = {}
    for name in TABLES:
        if name in present:
            out[name] = _typed(name, con.execute(f"SELECT * FROM {name}").df())
        else:
            out[name] = _empty(name)
    return out


def _frames_from_parquet(directory: Path) -> dict[str, pd.DataFrame]:
    import duckdb

    out = {}
    for name in TABLES:
        parts = [directory / f"{name}.parquet"] if (directory / f"{name}.parquet").exists() else []
        parts = parts or sorted((directory / name).glob("*.parquet"))
        if not parts:
            out[name] = _empty(name)
            continue
        files = "[" + ", ".join("'" + str(p).replace("'", "''") + "'" for p in parts) + "]"
        rel = duckdb.sql(f"SELECT * FROM read_parquet({files})")
        assert rel is not None  # a SELECT always gives a relation
        out[name] = _typed(name, rel.df())
    return out


def to_frames(
    source: Source,
    *,
    input: str = "records",
    run_id: str = "to_frames",
    now: dt.datetime | None = None,
) -> dict[str, pd.DataFrame]:
    """One pandas DataFrame per store table (``articles``, ``officials``, ``provinces``,
    ``places``, ``neighborhoods``, ``figures``, ``mentions``, ``texts``, ``errors``).

    ``source`` is one of:

    * ArticleRecords (or their JSON dicts), one or an iterable: rows are built as the batch job
      builds them; ``input``, ``run_id`` and ``now`` fill the bookkeeping columns, a record
      without an id gets ``"<input>:<position>"``, ``articles.chars`` is null and ``texts``
      empty (a record does not know its text);
    * the path of a JSONL file of records (``.jsonl``/``.json``, as the CLI writes them);
    * the path of a DuckDB store (as ``mahrumiat-extract run`` writes it), or an open DuckDB
      connection to one;
    * a directory of Parquet files (``<table>.parquet`` or ``<table>/*.parquet``).
    """
    _pandas()
    if isinstance(source, (str, Path)):
        path = Path(source)
        if path.is_dir():
            return _frames_from_parquet(path)
        if path.suffix in (".jsonl", ".json"):
            source = _iter_jsonl(path)
        else:
            import duckdb

            with duckdb.connect(str(path), read_only=True) as con:
                return _frames_from_store(con)
    elif hasattr(source, "execute") and not isinstance(source, Mapping):
        return _frames_from_store(source)
    if isinstance(source, (ArticleRecord, Mapping)):
        source = [source]
    rows = _records_to_rows(source, input=input, run_id=run_id, now=now)
    return _frames_from_rows(rows)


def to_frame(source: Source, table: str = "figures", **kwargs: Any) -> pd.DataFrame:
    """One table of :func:`to_frames`: ``to_frame(record, "officials")``."""
    if table not in SCHEMA:
        raise ValueError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")
    return to_frames(source, **kwargs)[table]


def mentions_frame(record: ArticleRecord) -> pd.DataFrame:
    """Every mention span of one record with what it belongs to: ``kind`` (official, province,
    place, neighborhood, project_count, job_figure, quantity), ``label`` (the item's name, or
    «count unit» for a figure), ``start``, ``end``, ``text``; sorted by position."""
    pd = _pandas()
    groups: list[tuple[str, Iterable[Any]]] = [
        ("official", record.officials), ("province", record.provinces), ("place", record.places),
        ("neighborhood", record.neighborhoods), ("project_count", record.project_counts),
        ("job_figure", record.job_figures), ("quantity", record.quantities),
    ]  # fmt: skip
    rows: list[tuple[Any, ...]] = []
    for kind, items in groups:
        for item in items:
            label = getattr(item, "name", None) or f"{item.count} {item.unit}"
            rows.extend((kind, label, s.start, s.end, s.text) for s in item.mentions)
    frame = pd.DataFrame.from_records(rows, columns=["kind", "label", "start", "end", "text"])
    frame = frame.astype({"kind": "string", "label": "string", "text": "string"})
    frame = frame.astype({"start": "Int64", "end": "Int64"})
    return frame.sort_values(["start", "end"], kind="stable", ignore_index=True)
