"""Streamed inputs: every file format of the batch job turned into :class:`Item` s.

Directories (walked in sorted order), .txt and .html files, JSONL and CSV dumps, RSS/Atom
feeds, WARC archives, each optionally compressed (.gz, .bz2, .zst, or members of a .zip).
Memory stays bounded whatever the input size: lines are read with a length cap, decompression
with a size cap, and a record over the cap becomes an error item, never an exception.

An item that cannot be read carries ``error`` (a coded reason) instead of text: the runner
writes it to the store's ``errors`` table and goes on.

One module a concern: :mod:`.base` (options, items, caps), :mod:`.text` (txt/html),
:mod:`.tabular` (JSONL/CSV), :mod:`.feeds` (RSS/Atom), :mod:`.warc`, :mod:`.archives`
(compression, zip, the dispatch by format) and :mod:`.walking` (files and directories).
"""

from __future__ import annotations

from .base import FORMATS, Item, ReadOptions, SizeLimitError, Tracker, clean_date, file_format
from .tabular import _article
from .walking import input_size, iter_items

__all__ = [
    "FORMATS",
    "Item",
    "ReadOptions",
    "SizeLimitError",
    "Tracker",
    "_article",
    "clean_date",
    "file_format",
    "input_size",
    "iter_items",
]
