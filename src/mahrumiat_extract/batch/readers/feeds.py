"""RSS and Atom feeds: one article an entry (feedparser)."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from typing import IO, Any

from ..html import fragment_to_text
from .base import Item, ReadOptions, _error, _read_capped, _str, clean_date

__all__ = ["read_rss"]

#: a DOCTYPE with an internal subset that declares entities: feedparser's fallback parser
#: expands them (100 KB referenced 20,000 times takes gigabytes), so such feeds are refused
_DECLARES_ENTITY = re.compile(rb"<!DOCTYPE[^>\[]*\[[^\]]*<!ENTITY", re.IGNORECASE)


def read_rss(stream: IO[bytes], name: str, ident: str, opts: ReadOptions) -> Iterator[Item]:
    import feedparser

    data = _read_capped(stream, opts.max_record_bytes * 16)
    if data is None:
        yield _error(name, 0, "E605", f"feed over {opts.max_record_bytes * 16} bytes; split it")
        return
    if not data.strip():
        yield _error(name, 0, "E602")
        return
    if _DECLARES_ENTITY.search(data[: 1 << 20]) or (b"<!ENTITY" in data):
        yield _error(name, 0, "E616", "a DOCTYPE with <!ENTITY (an entity expansion bomb?)")
        return
    # bytes in a BytesIO: feedparser opens a str or bytes that names a file or a URL
    feed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
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
