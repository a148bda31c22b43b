"""JSONL and CSV/TSV dumps: one article a line (a row), fields named by :class:`ReadOptions`."""

from __future__ import annotations

import collections
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


class _Lines:
    """Decoded, numbered lines for the csv module. Unreadable lines become blank lines (which
    csv skips) and a ``(line, code, detail)`` entry in ``problems``. The lines of the record
    being read are kept (``taken``), so that a record that went wrong (an unterminated quote
    swallows every line after it) can be read again from its second line (:meth:`again`)."""

    def __init__(self, stream: IO[bytes], cap: int, problems: list[tuple[int, str, str]]) -> None:
        self.source, self.cap, self.problems = _iter_lines(stream, cap), cap, problems
        self.back: collections.deque[tuple[int, str]] = collections.deque()
        self.taken: list[tuple[int, str]] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.back:
            number, text = self.back.popleft()
        else:
            got = next(self.source, None)
            if got is None:
                raise StopIteration
            number, text = got[0], self._decode(*got)
        self.taken.append((number, text))
        return text

    def _decode(self, number: int, line: bytes | None) -> str:
        if line is None:
            self.problems.append((number, "E605", f"line over {self.cap} bytes"))
            return "\n"
        try:
            return line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            self.problems.append((number, "E606", f"byte {exc.start}"))
            return "\n"

    def mark(self) -> None:
        self.taken = []

    def again(self) -> int:
        """Read the current record's lines again from its second one; its first line's number."""
        taken, self.taken = self.taken, []
        self.back.extendleft(reversed(taken[1:]))
        return taken[0][0] if taken else 0


def _records(lines: _Lines, dialect: str) -> Iterator[tuple[int, list[str] | None, str]]:
    """``(first line, row, "")`` of each record, or ``(line, None, reason)`` of one that
    cannot be read. Read strictly, so that a quote left open (which would swallow the lines
    after it, up to the next stray quote or the end of the file) is caught: a one-line record
    that fails is read again leniently (as the csv module reads by default); a longer one is an
    error at its first line and its other lines are read again as records of their own."""
    reader = csv.reader(lines, dialect=dialect, strict=True)
    while True:
        lines.mark()
        try:
            row = next(reader, None)
        except csv.Error as exc:
            taken = lines.taken
            if len(taken) == 1:
                yield taken[0][0], next(csv.reader([taken[0][1]], dialect=dialect), []), ""
            else:
                yield lines.again(), None, f"CSV: {exc}"
            reader = csv.reader(lines, dialect=dialect, strict=True)
            continue
        if row is None:
            return
        yield (lines.taken[0][0] if lines.taken else 0), row, ""


def read_csv(stream: IO[bytes], name: str, ident: str, opts: ReadOptions) -> Iterator[Item]:
    csv.field_size_limit(opts.max_record_bytes)
    problems: list[tuple[int, str, str]] = []
    dialect = "excel-tab" if ".tsv" in name.lower() else "excel"
    lines = _Lines(stream, opts.max_record_bytes, problems)
    header: list[str] | None = None
    for start, row, reason in _records(lines, dialect):
        for number, code, detail in problems:
            yield _error(name, number, code, detail)
        problems.clear()
        if row is None:
            yield _error(name, start, "E607", reason)
            continue
        if not row or not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip() for cell in row]
            continue
        if len(row) > len(header):
            yield _error(name, start, "E607", f"{len(row)} fields, the header has {len(header)}")
            continue
        yield _article(dict(zip(header, row)), name, start, opts)  # short rows: fields missing
    for number, code, detail in problems:
        yield _error(name, number, code, detail)
    if header is None:
        yield _error(name, 0, "E602", "no header line")
