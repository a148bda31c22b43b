"""JSONL and CSV/TSV dumps: one article a line (a row), fields named by :class:`ReadOptions`."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO, Any

from .base import Item, ReadOptions, _error, _iter_lines, _str, clean_date

__all__ = ["_article", "read_csv", "read_jsonl"]


def _article(obj: dict[str, Any], name: str, position: int, opts: ReadOptions) -> Item:
    ident = _str(obj.get(opts.id_field)) or f"{name}:{position}"
    text, html = obj.get(opts.text_field), obj.get(opts.html_field)
    date = obj.get(opts.date_field) or obj.get("published")
    meta = {
        "id": ident,
        "published": clean_date(date),
        "title": _str(obj.get(opts.title_field)),
        "source": _str(obj.get(opts.source_field)),
        "url": _str(obj.get(opts.url_field)),
    }
    if isinstance(text, str) and text.strip():
        return Item(input=name, position=position, text=text, **meta)
    if isinstance(html, str) and html.strip():
        return Item(input=name, position=position, html=html, **meta)
    if text is None and html is None:
        return _error(name, position, "E607", f'no "{opts.text_field}" field', **meta)
    if isinstance(text, str):
        return _error(name, position, "E602", f'"{opts.text_field}" is empty', **meta)
    return _error(name, position, "E607", f'"{opts.text_field}" is not a string', **meta)


def read_jsonl(stream: IO[bytes], name: str, ident: str, opts: ReadOptions) -> Iterator[Item]:
    seen = False
    for number, line in _iter_lines(stream, opts.max_record_bytes):
        if line is None:
            seen = True
            yield _error(name, number, "E605", f"line over {opts.max_record_bytes} bytes")
            continue
        if not line.strip():
            continue
        seen = True
        try:
            obj = json.loads(line.decode("utf-8-sig" if number == 1 else "utf-8"))
        except UnicodeDecodeError as exc:
            yield _error(name, number, "E606", f"byte {exc.start}")
            continue
        except json.JSONDecodeError as exc:
            yield _error(name, number, "E607", f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield _error(name, number, "E607", "a JSON object is expected")
            continue
        yield _article(obj, name, number, opts)
    if not seen:
        yield _error(name, 0, "E602")


def _csv_lines(
    stream: IO[bytes], cap: int, problems: list[tuple[int, str, str]]
) -> Iterator[str]:
    """Decoded lines for the csv module; unreadable lines become blank lines (which csv skips)
    and a ``(line, code, detail)`` entry in ``problems``."""
    for number, line in _iter_lines(stream, cap):
        if line is None:
            problems.append((number, "E605", f"line over {cap} bytes"))
            yield "\n"
            continue
        try:
            yield line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            problems.append((number, "E606", f"byte {exc.start}"))
            yield "\n"


def read_csv(stream: IO[bytes], name: str, ident: str, opts: ReadOptions) -> Iterator[Item]:
    csv.field_size_limit(opts.max_record_bytes)
    problems: list[tuple[int, str, str]] = []
    dialect = "excel-tab" if ".tsv" in name.lower() else "excel"
    reader = csv.reader(_csv_lines(stream, opts.max_record_bytes, problems), dialect=dialect)
    header: list[str] | None = None
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader, None)
        except csv.Error as exc:
            yield _error(name, start, "E607", f"CSV: {exc}")
            continue
        for number, code, detail in problems:
            yield _error(name, number, code, detail)
        problems.clear()
        if row is None:
            break
        if not row or not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip() for cell in row]
            continue
        if len(row) > len(header):
            yield _error(name, start, "E607", f"{len(row)} fields, the header has {len(header)}")
            continue
        yield _article(dict(zip(header, row)), name, start, opts)  # short rows: fields missing
    if header is None:
        yield _error(name, 0, "E602", "no header line")
