"""What every reader shares: the options, the :class:`Item` a reader yields, size caps on
streams and lines, and the small helpers of metadata (dates, strings, formats from names)."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import IO, Any

from ...errors import warning
from ...text.dates import parse_published

__all__ = [
    "COMPRESSED", "FORMATS", "SUFFIX_FORMAT", "Item", "ReadOptions", "SizeLimitError", "Tracker",
    "clean_date", "file_format",
]  # fmt: skip

FORMATS = ("auto", "txt", "html", "jsonl", "json", "csv", "rss", "warc", "telegram")

SUFFIX_FORMAT = {
    ".txt": "txt", ".text": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "csv",
    ".rss": "rss", ".atom": "rss", ".xml": "rss",
    ".warc": "warc", ".arc": "warc",
}  # fmt: skip
COMPRESSED = (".gz", ".bz2", ".zst", ".zip")
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_TELEGRAM_PAGE = re.compile(r"messages\d*")


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
    #: put before every id an input gives; ``{name}``: the input's file name (see :mod:`.ids`)
    id_prefix: str = ""


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
    while suffixes and suffixes[-1] in COMPRESSED:
        suffixes = suffixes[:-1]
    fmt = SUFFIX_FORMAT.get(suffixes[-1]) if suffixes else None
    if fmt == "html" and _TELEGRAM_PAGE.fullmatch(path.name.split(".")[0]):
        return "telegram"  # messages.html, messages2.html ...: a Telegram HTML export's pages
    return fmt


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


# --- reading with caps ----------------------------------------------------------------------


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
