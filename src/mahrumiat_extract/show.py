"""One article as a page to look at (``mahrumiat-extract show``): the text with every
extracted item highlighted, a legend, and the record beside it (:func:`.highlight.page_html`).

>>> from mahrumiat_extract.show import show                           # doctest: +SKIP
>>> html = show("data/samples/articles/s01_lorestan_gharargah.txt")   # doctest: +SKIP
>>> html = show("dump.jsonl", id="a17")   # one article of a dump     # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .batch.readers import Item, ReadOptions, iter_items
from .batch.work import extract_item
from .errors import InputError
from .highlight import page_html
from .records import ArticleRecord

__all__ = ["pick", "show", "show_items"]


def pick(items: Iterable[Item], id: str | None = None) -> Item:
    """The item of id ``id``, or the first one (an unreadable item included: its error says
    why); :class:`InputError` when there is none."""
    for item in items:
        if id is None or item.id == id:
            return item
    raise InputError(f"no article with id {id!r}" if id is not None else "no article found")


def show_items(items: Iterable[Item], *, id: str | None = None) -> tuple[str, ArticleRecord, str]:
    """``(page, record, text)`` of the article of id ``id`` (or the first) among ``items``;
    :class:`InputError` with the coded reason when it cannot be read or extracted."""
    item = pick(items, id)
    got = extract_item(item)
    text = got.text
    if got.record is None or text is None:
        where = f"{item.input}:{item.position}" if item.position else item.input
        raise InputError(f"{where}: {got.error or 'no article text'}")
    return page_html(text, got.record), got.record, text


def show(source: str | Path, *, id: str | None = None, options: ReadOptions | None = None) -> str:
    """The HTML page of one article of ``source`` (any input ``mahrumiat-extract extract``
    reads: a .txt or .html file, a dump, a feed ...): the one of id ``id``, or the first."""
    return show_items(iter_items([str(source)], options), id=id)[0]
