"""Records into rows: one tuple a row of each table, in :data:`~.schema.SCHEMA` column order
(and as pyarrow tables, for the Dask workers' Parquet)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ...api import replace_surrogates
from ...errors import warning
from ...records import ArticleRecord, Figure
from .schema import FIGURE_KINDS, SCHEMA, TABLES

__all__ = ["Rows", "article_rows", "arrow_schema", "arrow_table", "error_rows"]

#: the range of a BIGINT (``figures.count``); a count outside it is stored as NULL with W601
_INT64 = (-(1 << 63), (1 << 63) - 1)


@dataclass
class Rows:
    """Rows for every table, as lists of tuples in :data:`SCHEMA` column order."""

    tables: dict[str, list[tuple[Any, ...]]] = field(
        default_factory=lambda: {name: [] for name in TABLES}
    )

    def extend(self, other: Rows) -> None:
        for name, rows in other.tables.items():
            self.tables[name].extend(rows)


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
    text: str | None = None,
) -> Rows:
    """The rows of one extracted article (``record.id`` must be set); with ``text`` (the
    article text the record's spans index), its ``texts`` row too."""
    aid = record.id
    rows = Rows()
    t = rows.tables
    published = record.published
    n_figures = len(record.project_counts) + len(record.job_figures) + len(record.quantities)
    warnings = list(record.warnings)
    for kind, idx, f in _figures(record):
        count = f.count if f.count is None or _INT64[0] <= f.count <= _INT64[1] else None
        if count is None and f.count is not None:  # the record (JSON) keeps it exactly
            warnings.append(warning("W601", f"{kind} {idx}: {f.count}"))
        t["figures"].append(
            (aid, kind, idx, count, f.unit, f.category, f.status, f.period, f.place)
        )
    t["articles"].append((
        aid, input, position, record.source,
        published.jalali if published else None,
        dt.date.fromisoformat(published.gregorian) if published else None,
        record.title, url, chars, len(record.officials), len(record.places), n_figures,
        warnings, record.model_dump_json(), run_id, now,
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
        mentions.extend((aid, kind, idx, s.start, s.end, s.text) for s in f.mentions)
    if text is not None:
        t["texts"].append((aid, replace_surrogates(text)[0]))  # offsets kept
    return rows


def error_rows(
    input: str, position: int, article_id: str | None, reason: str, *, run_id: str | None,
    now: dt.datetime,
) -> Rows:  # fmt: skip
    rows = Rows()
    rows.tables["errors"].append((input, position, article_id, reason, run_id, now))
    return rows


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
