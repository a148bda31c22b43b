"""The public functions: :func:`extract` and :func:`extract_many`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .errors import InputError, warning
from .pipeline import get_pipeline
from .records import ArticleRecord

__all__ = ["MAX_CHARS", "decode_bytes", "extract", "extract_many", "replace_surrogates"]

#: Longer texts are cut to this many characters (with a W104 warning).
MAX_CHARS = 5_000_000

PublishedLike = str | dt.date | None

_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> tuple[str, int]:
    """``text`` with every lone surrogate (from a JSON escape like ``\\udbff`` or a file name
    read with ``surrogateescape``) replaced by U+FFFD, which keeps offsets; and how many there
    were. A str holding one cannot be encoded, so its record could not be written as JSON."""
    if text.isascii() or _SURROGATE.search(text) is None:
        return text, 0
    return _SURROGATE.subn("\ufffd", text)


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode article bytes: UTF-8 (with or without BOM), else UTF-16 with a BOM, else
    Windows-1256 (old Persian sites); returns the text and a warning or None."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), warning("W105", "utf-16")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
        return text, warning("W105", "invalid UTF-8, read as Windows-1256")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), warning("W105", "invalid UTF-8 replaced")


def extract(
    text: str | bytes,
    *,
    id: str | None = None,
    published: PublishedLike = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
) -> ArticleRecord:
    """Extract one article into an :class:`ArticleRecord`.

    ``published``, ``title`` and ``source`` are used when the text itself gives none (a feed's
    metadata): ``published`` as a ``datetime.date``/``datetime`` or an ISO string, Jalali
    («1401-02-01») or Gregorian («2022-04-21»).

    >>> record = extract("استاندار لرستان گفت: ۱۳۲ پروژه افتتاح شد.", id="x1")
    >>> record.id
    'x1'
    """
    pre_warnings: list[str] = []
    if isinstance(text, (bytes, bytearray, memoryview)):
        text, w = decode_bytes(bytes(text))
        if w:
            pre_warnings.append(w)
    elif not isinstance(text, str):
        raise InputError(f"E101 extract() takes str or bytes, not {type(text).__name__}")
    if id is not None and not isinstance(id, str):
        id = str(id)
    text, n = replace_surrogates(text)
    hints = {"id": id, "title": title, "source": source, "url": url}
    for key, value in hints.items():
        if isinstance(value, str):
            hints[key], k = replace_surrogates(value)
            n += k
    if n:
        pre_warnings.append(warning("W107", f"{n} in the text or its metadata"))
    id, title, source, url = hints["id"], hints["title"], hints["source"], hints["url"]
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
        pre_warnings.append(warning("W104", f"{MAX_CHARS} characters"))
    pipe = get_pipeline()
    doc = pipe.make_doc(text, id=id, published=published, title=title, source=source, url=url)
    doc.warnings.extend(pre_warnings)
    pipe.run(doc)
    return pipe.record(doc)


def extract_many(
    items: Iterable[str | Mapping[str, Any]],
    **defaults: Any,
) -> Iterator[ArticleRecord]:
    """Extract many articles lazily, in input order.

    Each item is a text or a mapping with ``text`` and optionally ``id``, ``published``,
    ``title``, ``source``, ``url``.
    """
    for item in items:
        if isinstance(item, Mapping):
            kw = {
                k: item.get(k)
                for k in ("id", "published", "title", "source", "url")
                if item.get(k) is not None
            }
            yield extract(item.get("text") or "", **{**defaults, **kw})
        else:
            yield extract(item, **defaults)
