"""Streamed inputs: every file format of the batch job turned into :class:`Item` s.

Directories (walked in sorted order), .txt and .html files, JSONL and CSV dumps, RSS/Atom
feeds, WARC archives, each optionally compressed (.gz, .bz2, .zst, or members of a .zip).
Memory stays bounded whatever the input size: lines are read with a length cap, decompression
with a size cap, and a record over the cap becomes an error item, never an exception.

An item that cannot be read carries ``error`` (a coded reason) instead of text: the runner
writes it to the store's ``errors`` table and goes on.
"""

from __future__ import annotations

import bz2
import csv
import datetime as dt
import gzip
import io
import json
import os
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

from ..errors import warning
from ..text.dates import parse_published
from .html import fragment_to_text

__all__ = ["FORMATS", "Item", "ReadOptions", "SizeLimitError", "Tracker", "iter_items"]

FORMATS = ("auto", "txt", "html", "jsonl", "csv", "rss", "warc")

_SUFFIX_FORMAT = {
    ".txt": "txt", ".text": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".rss": "rss", ".atom": "rss", ".xml": "rss",
    ".warc": "warc", ".arc": "warc",
}  # fmt: skip
_COMPRESSED = (".gz", ".bz2", ".zst", ".zip")
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read inputs: format, field names of JSONL/CSV dumps, and the size caps."""

    format: str = "auto"
    id_field: str = "id"
    text_field: str = "text"
    date_field: str = "date"
    url_field: str = "url"
    title_field: str = "title"
    source_field: str = "source"
    html_field: str = "html"
    #: one article (a file, a line, a feed, a WARC record) may not be longer than this
    max_record_bytes: int = 16 << 20
    #: one compressed file or zip member may not inflate to more than this
    max_decompressed_bytes: int = 4 << 30


@dataclass(slots=True)
class Item:
    """One article read from an input, or the reason it could not be read (``error``).

    ``position`` is the line number (JSONL, CSV), the entry number (RSS) or the record's
    byte offset (WARC); 0 for a whole file. ``html`` is set instead of ``text`` when the
    article still has to be extracted from a web page (done in the worker processes).
    """

    input: str
    position: int
    id: str | None = None
    text: str | bytes | None = None
    html: str | bytes | None = None
    published: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    error: str | None = None


class SizeLimitError(OSError):
    """A decompressed stream grew over ``ReadOptions.max_decompressed_bytes``."""


@dataclass
class Tracker:
    """How far the reading has come, in bytes of the input files (for progress and ETA)."""

    total: int = 0
    done: int = 0
    _current: IO[bytes] | None = field(default=None, repr=False)

    def position(self) -> int:
        try:
            return self.done + (self._current.tell() if self._current else 0)
        except (OSError, ValueError):
            return self.done


class _Limited(io.RawIOBase):
    """A read-only stream that raises :class:`SizeLimitError` past ``limit`` bytes."""

    def __init__(self, inner: IO[bytes], limit: int) -> None:
        self.inner, self.limit, self.count = inner, limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.inner.read(len(buffer))
        self.count += len(data)
        if self.count > self.limit:
            raise SizeLimitError(f"more than {self.limit} bytes")
        buffer[: len(data)] = data
        return len(data)


def _error(name: str, position: int, code: str, detail: str | None = None, **kw: Any) -> Item:
    return Item(input=name, position=position, error=warning(code, detail), **kw)


def file_format(name: str, default: str = "auto") -> str | None:
    """The format of a file from its name (compression suffixes looked through), or None."""
    if default != "auto":
        return default
    path = PurePosixPath(name.lower())
    suffixes = path.suffixes
    while suffixes and suffixes[-1] in _COMPRESSED:
        suffixes = suffixes[:-1]
    return _SUFFIX_FORMAT.get(suffixes[-1]) if suffixes else None


def clean_date(value: Any) -> str | None:
    """An ISO date ``YYYY-MM-DD`` from a feed's date value, in the calendar it was given
    (Jalali stays Jalali), or None. The reading is :func:`~..text.dates.parse_published`'s:
    ISO strings with or without time, slashes, Persian digits, RFC 2822 mail dates, a date in
    Persian words; an impossible day is None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    text = str(value).translate(_DIGITS).strip()
    parsed = parse_published(text)
    if parsed is None:
        return None
    year = _YEAR.search(text)
    return parsed[0] if year is not None and int(year.group()) < 1700 else parsed[1]


def _str(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None


# --- opening files ---------------------------------------------------------------------------


def _decompress(stream: IO[bytes], suffix: str, limit: int) -> IO[bytes]:
    inner: IO[bytes]
    if suffix == ".gz":
        inner = gzip.GzipFile(fileobj=stream)  # type: ignore[assignment]
    elif suffix == ".bz2":
        inner = bz2.BZ2File(stream)
    elif suffix == ".zst":
        import zstandard

        inner = zstandard.ZstdDecompressor().stream_reader(stream, read_across_frames=True)
    else:
        return stream
    return io.BufferedReader(_Limited(inner, limit), buffer_size=1 << 16)


def _read_capped(stream: IO[bytes], cap: int) -> bytes | None:
    """The whole stream, or None when it is longer than ``cap`` bytes (the rest is not read)."""
    data = stream.read(cap + 1)
    return None if len(data) > cap else data


def _iter_lines(stream: IO[bytes], cap: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, line)`` pairs; an over-long line gives None and is skipped in pieces."""
    number = 0
    while True:
        line = stream.readline(cap + 1)
        if not line:
            return
        number += 1
        if len(line) > cap and not line.endswith(b"\n"):
            while True:
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
        else:
            yield number, line


# --- one reader a format ---------------------------------------------------------------------


def _read_txt(stream: IO[bytes], name: str, ident: str, opts: ReadOptions) -> Iterator[Item]:
    data = _read_capped(stream, opts.max_record_bytes)
    if data is None:
        yield _error(name, 0, "E605", f"{opts.max_record_bytes} bytes", id=ident)
    elif not data.strip():
        yield _error(name, 0, "E602", id=ident)
    else:
        yield Item(input=name, position=0, id=ident, text=data)  # decoded by extract()


def _read_html(stream: IO[bytes], name: str, ident: str, opts: ReadOptions) -> Iterator[Item]:
    for item in _read_txt(stream, name, ident, opts):
        if item.text is not None:
            item.html, item.text = item.text, None
        yield item


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


def _read_jsonl(stream: IO[bytes], name: str, ident: str, opts: ReadOptions) -> Iterator[Item]:
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


def _read_csv(stream: IO[bytes], name: str, ident: str, opts: ReadOptions) -> Iterator[Item]:
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


def _read_rss(stream: IO[bytes], name: str, ident: str, opts: ReadOptions) -> Iterator[Item]:
    import feedparser

    data = _read_capped(stream, opts.max_record_bytes * 16)
    if data is None:
        yield _error(name, 0, "E605", f"feed over {opts.max_record_bytes * 16} bytes; split it")
        return
    if not data.strip():
        yield _error(name, 0, "E602")
        return
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = f"not a feed: {feed.get('bozo_exception', 'no entries')}"
        yield _error(name, 0, "E607" if feed.get("bozo") else "E602", reason)
        return
    channel = _str(feed.feed.get("title"))
    for number, entry in enumerate(feed.entries, 1):
        yield _feed_entry(entry, name, number, channel)


def _feed_entry(entry: Any, name: str, number: int, channel: str | None) -> Item:
    content = entry.get("content") or []
    body = content[0].get("value") if content else entry.get("summary") or entry.get("description")
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    source = entry.get("source") or {}
    meta = {
        "id": _str(entry.get("id")) or _str(entry.get("link")) or f"{name}#{number}",
        "published": clean_date(dt.date(*parsed[:3]) if parsed else entry.get("published")),
        "title": _str(fragment_to_text(entry.get("title") or "")),
        "source": _str(source.get("title")) or _str(entry.get("author")) or channel,
        "url": _str(entry.get("link")),
    }
    text = fragment_to_text(body or "")
    if not text:
        return _error(name, number, "E608", "feed entry without content", **meta)
    return Item(input=name, position=number, text=text, **meta)


def _read_warc(stream: IO[bytes], name: str, ident: str, opts: ReadOptions) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(stream, no_record_parse=False)
    seen = False
    for record in records:
        seen = True
        item = _warc_record(record, name, 0, opts)  # reads the content: offset only after
        if item is not None:
            item.position = records.get_record_offset()
            yield item
    if not seen:
        yield _error(name, 0, "E602", "no WARC records")


def _warc_record(record: Any, name: str, offset: int, opts: ReadOptions) -> Item | None:
    if record.rec_type not in ("response", "resource", "conversion"):
        return None
    headers = record.http_headers
    ctype = (headers.get_header("Content-Type") if headers else None) or (
        record.rec_headers.get_header("Content-Type") or ""
    )
    if "html" not in ctype and "text/plain" not in ctype:
        return None
    if headers and record.rec_type == "response" and not headers.get_statuscode().startswith("2"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    meta = {
        "id": url or record.rec_headers.get_header("WARC-Record-ID"),
        "url": url,
        "published": clean_date(record.rec_headers.get_header("WARC-Date")),
    }
    data = _read_capped(record.content_stream(), opts.max_record_bytes)
    if data is None:
        return _error(name, offset, "E605", f"{opts.max_record_bytes} bytes", **meta)
    if "html" in ctype:
        return Item(input=name, position=offset, html=data, **meta)
    return Item(input=name, position=offset, text=data, **meta)


_READERS: dict[str, Callable[[IO[bytes], str, str, ReadOptions], Iterator[Item]]] = {
    "txt": _read_txt,
    "html": _read_html,
    "jsonl": _read_jsonl,
    "csv": _read_csv,
    "rss": _read_rss,
    "warc": _read_warc,
}


# --- walking inputs --------------------------------------------------------------------------


def _ident(rel: str) -> str:
    """An article id from a file's path: the path without its suffixes."""
    path = PurePosixPath(rel)
    while path.suffix and path.suffix.lower() in (*_COMPRESSED, *_SUFFIX_FORMAT):
        path = path.with_suffix("")
    return str(path)


def _read_stream(
    stream: IO[bytes], name: str, rel: str, opts: ReadOptions
) -> Iterator[Item]:
    """Items of one (possibly compressed) stream named ``name``; ``rel`` gives its id."""
    fmt = file_format(rel, opts.format)
    suffix = PurePosixPath(rel.lower()).suffix
    if suffix == ".zip":
        yield from _read_zip(stream, name, opts)
        return
    if fmt is None:
        yield _error(name, 0, "E603", "use --format")
        return
    inner = _decompress(stream, suffix, opts.max_decompressed_bytes)
    ident = _ident(rel)
    position = 0
    try:
        for item in _READERS[fmt](inner, name, ident, opts):
            position = item.position
            yield item
    except SizeLimitError:
        yield _error(name, position + 1, "E604", f"{opts.max_decompressed_bytes} bytes")
    except (OSError, EOFError, ValueError) as exc:  # corrupt compressed data, bad archive
        yield _error(name, position + 1, "E601", f"{type(exc).__name__}: {exc}")


def _read_zip(stream: IO[bytes], name: str, opts: ReadOptions) -> Iterator[Item]:
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError) as exc:
        yield _error(name, 0, "E601", f"bad zip: {exc}")
        return
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        if not members:
            yield _error(name, 0, "E602", "empty zip")
        for member in members:
            member_name = f"{name}!{member.filename}"
            if file_format(member.filename, opts.format) is None:
                continue
            if member.file_size > opts.max_decompressed_bytes:
                yield _error(member_name, 0, "E604", f"declares {member.file_size} bytes")
                continue
            with archive.open(member) as raw:
                limited = io.BufferedReader(_Limited(raw, opts.max_decompressed_bytes))
                yield from _read_stream(limited, member_name, member.filename, opts)


def _walk(root: Path) -> Iterator[Path]:
    """Files under ``root`` in sorted order, hidden ones skipped, one directory at a time."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            if not filename.startswith("."):
                yield Path(dirpath) / filename


def _sources(
    paths: list[str], opts: ReadOptions, exclude: frozenset[Path] = frozenset()
) -> Iterator[tuple[Path, str, str]]:
    """``(path, input name, relative name)`` of every file to read, or a missing path;
    files in ``exclude`` (the run's own outputs) are skipped when walking directories."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path):
                if exclude and file.resolve() in exclude:
                    continue
                rel = file.relative_to(path).as_posix()
                lowered = rel.lower()
                if lowered.endswith(".zip") or file_format(rel, opts.format):
                    yield file, str(file), rel
        else:
            yield path, raw, path.name


def iter_items(
    paths: list[str],
    options: ReadOptions | None = None,
    *,
    tracker: Tracker | None = None,
    exclude: frozenset[Path] = frozenset(),
) -> Iterator[Item]:
    """Every article (or read error) of the inputs, streamed in a stable order; files in
    ``exclude`` (resolved paths) are left out of directory walks."""
    opts = options or ReadOptions()
    if opts.format not in FORMATS:
        raise ValueError(f"unknown format {opts.format!r}; one of {', '.join(FORMATS)}")
    tracker = tracker or Tracker()
    for path, name, rel in _sources(paths, opts, exclude):
        try:
            stream = path.open("rb")
        except OSError as exc:
            yield _error(name, 0, "E601", exc.strerror or type(exc).__name__)
            continue
        with stream:
            tracker._current = stream
            size = os.fstat(stream.fileno()).st_size
            if size == 0:
                yield _error(name, 0, "E602")
            else:
                yield from _read_stream(stream, name, rel, opts)
            tracker._current = None
            tracker.done += size


def input_size(
    paths: list[str], options: ReadOptions | None = None, *, exclude: frozenset[Path] = frozenset()
) -> int:
    """Total bytes of the files :func:`iter_items` will read (for a progress bar's ETA)."""
    opts = options or ReadOptions()
    total = 0
    for path, _, _ in _sources(paths, opts, exclude):
        try:
            total += path.stat().st_size
        except OSError:
            pass
    return total
