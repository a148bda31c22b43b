"""What a worker does with a chunk of items: HTML to text, :func:`extract`, records to rows.

Runs in worker processes (local pool or Dask workers) and must stay picklable: plain
functions over plain data. One failing article becomes an ``errors`` row, never an exception.
"""

from __future__ import annotations

import datetime as dt
import signal
from dataclasses import dataclass

from ..api import decode_bytes, extract
from ..errors import warning
from ..records import ArticleRecord
from .html import page_to_text
from .readers import Item, clean_date
from .store import Rows, article_rows, error_rows

__all__ = ["Done", "Extracted", "extract_item", "init_worker", "process_chunk", "process_item", "warm"]


@dataclass(slots=True)
class Done:
    """The outcome of one item: its rows and whether it was stored or failed."""

    input: str
    position: int
    article_id: str | None
    rows: Rows
    ok: bool


WARM_UP = (
    "به گزارش خبرگزاری مهر، محمد رضایی فرماندار شهرستان نمونه در محله نمونه گفت: "
    "۱۲ پروژه و ۳۰ شغل در سال ۱۴۰۱ ایجاد شد.\n"
)


def warm() -> None:
    """Load every lazy resource of the pipeline now, then move them out of the garbage
    collector's sight: the lexicons are long-lived objects that each collection would walk
    again (and, in forked workers, whose pages it would write)."""
    import gc

    extract(WARM_UP)
    gc.freeze()


def init_worker() -> None:
    """Worker start-up: leave Ctrl-C to the parent (which stops cleanly), warm the pipeline
    (at once when the forkserver has warmed it already, see :mod:`.preload`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm()


def _text(item: Item) -> tuple[str | bytes | None, Item]:
    """The article text of ``item`` (HTML pages turned into text, feed metadata filled in)."""
    if item.html is None:
        return item.text, item
    page = item.html if isinstance(item.html, str) else decode_bytes(item.html)[0]
    found = page_to_text(page, url=item.url)
    if found is None:
        return None, item
    item.title = item.title or found.title
    item.published = item.published or clean_date(found.date)
    item.source = item.source or found.source
    return found.text, item


@dataclass(slots=True)
class Extracted:
    """:func:`extract_item`'s outcome: the record and the article's length in characters, or
    the coded reason it failed."""

    record: ArticleRecord | None
    chars: int = 0
    error: str | None = None


def extract_item(item: Item) -> Extracted:
    """The record of one item read by :mod:`.readers` (HTML pages turned into text first, the
    feed's metadata as hints), or the reason there is none. Never raises for the article."""
    if item.error is not None:
        return Extracted(None, error=item.error)
    try:
        text, item = _text(item)
    except Exception as exc:
        return Extracted(None, error=warning("E608", f"HTML: {type(exc).__name__}: {exc}"))
    if text is None:
        return Extracted(None, error=warning("E608", "no article found in the HTML page"))
    if isinstance(text, bytes):
        text, note = decode_bytes(text)  # once, here: ``extract`` gets the warning as a hint
    else:
        note = None
    aid = item.id or f"{item.input}:{item.position}"
    hints = {"title": item.title, "source": item.source, "url": item.url}
    try:
        try:
            record = extract(text, id=aid, published=item.published, **hints)
        except (ValueError, TypeError):
            if item.published is None:
                raise
            record = extract(text, id=aid, **hints)  # a feed date the library cannot read
    except Exception as exc:
        return Extracted(None, error=warning("E609", f"{type(exc).__name__}: {exc}"))
    if note is not None:
        record = record.model_copy(update={"warnings": (note, *record.warnings)})
    return Extracted(record, chars=len(text))


def process_item(item: Item, *, run_id: str, now: dt.datetime | None = None) -> Done:
    """Extract one item into rows (or an error row)."""
    now = now or dt.datetime.now()
    got = extract_item(item)
    if got.record is None:
        reason = got.error or warning("E609", "no record")
        rows = error_rows(item.input, item.position, item.id, reason, run_id=run_id, now=now)
        return Done(item.input, item.position, item.id, rows, ok=False)
    rows = article_rows(
        got.record, input=item.input, position=item.position, chars=got.chars, url=item.url,
        run_id=run_id, now=now,
    )  # fmt: skip
    return Done(item.input, item.position, got.record.id, rows, ok=True)


def process_chunk(items: list[Item], run_id: str) -> list[Done]:
    """:func:`process_item` over a chunk (one task of a worker)."""
    now = dt.datetime.now()
    return [process_item(item, run_id=run_id, now=now) for item in items]
