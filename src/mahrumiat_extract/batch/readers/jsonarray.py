"""``.json`` files: one JSON array of article objects (``[{"id", "text", ...}, ...]``), a
single article object, or a Telegram Desktop export (``result.json``, see :mod:`.telegram`).
A ``.json`` file that is not one JSON document is read as JSONL, as before.

The document is parsed whole (like a feed), so a file may be at most 16 × ``max_record_bytes``.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import IO, Any

from .base import Item, ReadOptions, _error, _read_capped
from .tabular import _article, read_jsonl
from .telegram import is_telegram_export, telegram_export_items

__all__ = ["load_document", "read_json"]


def load_document(stream: IO[bytes], name: str, opts: ReadOptions) -> tuple[Any, bytes] | Item:
    """``(parsed JSON, raw bytes)`` of a whole stream, ``(None, raw)`` when it is not one JSON
    document, or an error item (too large, empty)."""
    cap = opts.max_record_bytes * 16
    data = _read_capped(stream, cap)
    if data is None:
        return _error(name, 0, "E605", f"JSON document over {cap} bytes; split it")
    if not data.strip():
        return _error(name, 0, "E602")
    try:
        return json.loads(data.decode("utf-8-sig")), data
    except UnicodeDecodeError as exc:
        return _error(name, 0, "E606", f"byte {exc.start}")
    except json.JSONDecodeError:
        return None, data


def read_json(stream: IO[bytes], name: str, ident: str, opts: ReadOptions) -> Iterator[Item]:
    loaded = load_document(stream, name, opts)
    if isinstance(loaded, Item):
        yield loaded
        return
    doc, data = loaded
    if doc is None:  # not one JSON document: JSON Lines in a .json file
        yield from read_jsonl(io.BytesIO(data), name, ident, opts)
        return
    if is_telegram_export(doc):
        yield from telegram_export_items(doc, name)
        return
    if isinstance(doc, dict):
        yield _article(doc, name, 1, opts)
        return
    if not isinstance(doc, list):
        yield _error(name, 0, "E607", "a JSON array of objects is expected")
        return
    if not doc:
        yield _error(name, 0, "E602", "an empty JSON array")
    for position, obj in enumerate(doc, 1):
        if isinstance(obj, dict):
            yield _article(obj, name, position, opts)
        else:
            yield _error(name, position, "E607", "a JSON object is expected")
