"""Writing a batch of rows in one transaction (a re-run replaces, never duplicates)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ...errors import warning
from .rows import Rows, error_rows
from .schema import ITEM_TABLES, SCHEMA, _quote

__all__ = ["stored_ids", "write_rows"]


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


#: rows and bytes of text an INSERT: one article with 40,000 spans, or a batch of long records,
#: must not need more than DuckDB's memory cap at once
INSERT_ROWS = 2048
INSERT_BYTES = 4 << 20


def _slices(rows: list[tuple[Any, ...]]) -> Iterator[list[tuple[Any, ...]]]:
    """``rows`` in slices of at most :data:`INSERT_ROWS` rows and about :data:`INSERT_BYTES`
    characters of text."""
    start, size = 0, 0
    for i, row in enumerate(rows):
        size += sum(len(v) for v in row if isinstance(v, str))
        if i + 1 - start >= INSERT_ROWS or size >= INSERT_BYTES:
            yield rows[start : i + 1]
            start, size = i + 1, 0
    if start < len(rows):
        yield rows[start:]


def _insert(con: Any, name: str, rows: list[tuple[Any, ...]], *, returning: str = "") -> Any:
    out: list[Any] = []
    for part in _slices(rows):
        con.register("_rows", _columns(name, part))
        try:
            out += con.execute(
                f"INSERT INTO {name} SELECT {_select_list(name)} FROM _rows {returning}"
            ).fetchall()
        finally:
            with contextlib.suppress(Exception):  # an aborted transaction refuses it too
                con.unregister("_rows")
    return out


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
        returning = "ON CONFLICT DO NOTHING RETURNING article_id"
        new = {aid for (aid,) in _insert(con, "articles", articles, returning=returning)}
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
        _rollback(con)
        raise
    return dropped


def _rollback(con: Any) -> None:
    """Roll back, if a transaction is still open (a failed COMMIT may have ended it)."""
    try:
        con.execute("ROLLBACK")
    except Exception:  # no transaction left to roll back
        pass


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
