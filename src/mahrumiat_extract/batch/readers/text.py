"""Plain text and HTML files: one article a file (HTML is turned into text in the workers)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from .base import Item, ReadOptions, _error, _read_capped

__all__ = ["read_html", "read_txt"]


def read_txt(stream: IO[bytes], name: str, ident: str, opts: ReadOptions) -> Iterator[Item]:
    data = _read_capped(stream, opts.max_record_bytes)
    if data is None:
        yield _error(name, 0, "E605", f"{opts.max_record_bytes} bytes", id=ident)
    elif not data.strip():
        yield _error(name, 0, "E602", id=ident)
    else:
        yield Item(input=name, position=0, id=ident, text=data)  # decoded by extract()


def read_html(stream: IO[bytes], name: str, ident: str, opts: ReadOptions) -> Iterator[Item]:
    for item in read_txt(stream, name, ident, opts):
        if item.text is not None:
            item.html, item.text = item.text, None
        yield item
