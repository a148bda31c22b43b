"""WARC archives: one article a response/resource record of an HTML or plain-text page."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import IO, Any

from .base import Item, ReadOptions, _error, _read_capped

__all__ = ["read_warc"]


def read_warc(stream: IO[bytes], name: str, ident: str, opts: ReadOptions) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator

    buffered: Any = stream if hasattr(stream, "peek") else io.BufferedReader(stream)
    head = buffered.peek(16)[:16].lstrip()
    if head and not head.startswith((b"WARC/", b"filedesc:", b"\x1f\x8b")):
        yield _error(name, 0, "E607", f"not a WARC file (it starts with {head[:8]!r})")
        return
    records = ArchiveIterator(buffered, no_record_parse=False)
    seen = False
    for record in records:
        seen = True
        item = _warc_record(record, name, 0, opts)  # reads the content: offset only after
        offset = records.get_record_offset()
        if item is not None:
            item.position = offset
            yield item
        record.raw_stream.read()  # the rest of the record (what the reader did not need)
        if getattr(record.raw_stream, "limit", 0) > 0:  # its Content-Length ran past the end
            yield _error(name, offset + 1, "E615", f"WARC record at byte {offset} is cut "
                         f"short ({record.raw_stream.limit} bytes missing)")  # fmt: skip
            return
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
        # not WARC-Date: that is when the page was crawled, not when it was published
    }
    data = _read_capped(record.content_stream(), opts.max_record_bytes)
    if data is None:
        return _error(name, offset, "E605", f"{opts.max_record_bytes} bytes", **meta)
    if "html" in ctype:
        return Item(input=name, position=offset, html=data, **meta)
    return Item(input=name, position=offset, text=data, **meta)
