"""What a worker does with a chunk of items: HTML to text, :func:`extract`, records to rows.

Runs in worker processes (local pool or Dask workers) and must stay picklable: plain
functions over plain data. One failing article becomes an ``errors`` row, never an exception.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..api import decode_bytes, extract, replace_surrogates
from ..errors import warning
from ..records import ArticleRecord, PublishedDate
from ..text.dates import parse_published
from .html import page_to_text
from .readers import Item, clean_date
from .store import Rows, article_rows, error_rows

__all__ = [
    "MAX_SECONDS", "Done", "Extracted", "die_with_parent", "extract_item", "init_worker",
    "process_chunk", "process_item", "warm",
]  # fmt: skip

#: the default time budget of one article, in seconds (``run --max-seconds``)
MAX_SECONDS = 10.0


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
    again (and, in forked workers, whose pages it would write).

    The national divisions (~19 MB, :mod:`..stages.geo.villages`) are loaded too: the geo
    stage reads them only after a village cue, so each worker loaded its own copy at its
    first such article instead of sharing the forkserver's."""
    import gc

    from ..pipeline import get_pipeline

    extract(WARM_UP)
    resources = get_pipeline().resources
    if resources.places:
        _ = resources.gazetteer.divisions
    gc.freeze()


def init_worker() -> None:
    """Worker start-up: die with the parent (a ``kill -9`` of ``run`` must not leave workers
    behind), leave Ctrl-C to the parent (which stops cleanly), warm the pipeline (at once when
    the forkserver has warmed it already, see :mod:`.preload`)."""
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm()


def die_with_parent() -> None:
    """End this process when its parent dies: ``prctl(PR_SET_PDEATHSIG, SIGKILL)`` on Linux,
    elsewhere a daemon thread that watches the parent's pid. Used by the forkserver (whose
    parent is ``run``) and by the workers (whose parent is the forkserver)."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(1, signal.SIGKILL, 0, 0, 0) == 0:  # 1: PR_SET_PDEATHSIG
                if os.getppid() != parent:  # the parent died before prctl
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        import time

        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()


class _OverBudget(BaseException):
    """Raised by the alarm inside an article that ran over its time budget (a BaseException:
    no ``except Exception`` of a stage may swallow it)."""


def _alarm(signum: int, frame: Any) -> None:
    raise _OverBudget


@contextlib.contextmanager
def _budget(seconds: float | None) -> Iterator[None]:
    """Raise :class:`_OverBudget` in the body after ``seconds`` (SIGALRM with a real-time
    timer; only in a main thread on a system with it, else no budget: Dask's worker threads)."""
    usable = (seconds is not None and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())  # fmt: skip
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)  # type: ignore[arg-type]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


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
    text: str | None = None  # the article text the record's spans index


def extract_item(item: Item, *, max_seconds: float | None = None) -> Extracted:
    """The record of one item read by :mod:`.readers` (HTML pages turned into text first, the
    feed's metadata as hints), or the reason there is none. Never raises for the article;
    past ``max_seconds`` it stops and gives an ``E613`` reason."""
    if item.error is not None:
        return Extracted(None, error=item.error)
    try:
        with _budget(max_seconds):
            return _extract(item)
    except _OverBudget:
        return Extracted(None, error=warning("E613", f"over {max_seconds:g} s"))


def _extract(item: Item) -> Extracted:
    feed_date = item.published  # the feed's own metadata (a page's date is found in _text)
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
    update: dict[str, Any] = {}
    if note is not None:
        update["warnings"] = (note, *record.warnings)
    feed = parse_published(feed_date) if feed_date else None
    if feed is not None and (record.published is None or record.published.jalali != feed[0]):
        # the feed's date wins over a date found in the body (often a historical one)
        update["published"] = PublishedDate(jalali=feed[0], gregorian=feed[1])
    if update:
        record = record.model_copy(update=update)
    return Extracted(record, chars=len(text), text=text)


def process_item(
    item: Item, *, run_id: str, now: dt.datetime | None = None, max_seconds: float | None = None
) -> Done:
    """Extract one item into rows (or an error row)."""
    now = now or dt.datetime.now()
    item.input = replace_surrogates(item.input)[0]  # a file name read with surrogateescape
    if item.id is not None:
        item.id = replace_surrogates(item.id)[0]
    try:
        got = extract_item(item, max_seconds=max_seconds)
        if got.record is not None:
            rows = article_rows(
                got.record, input=item.input, position=item.position, chars=got.chars,
                url=item.url and replace_surrogates(item.url)[0], run_id=run_id, now=now,
                text=got.text,
            )  # fmt: skip
            return Done(item.input, item.position, got.record.id, rows, ok=True)
    except Exception as exc:  # rows that cannot be built: the article's error, not the run's
        got = Extracted(None, error=warning("E609", f"{type(exc).__name__}: {exc}"))
    reason = got.error or warning("E609", "no record")
    rows = error_rows(item.input, item.position, item.id, reason, run_id=run_id, now=now)
    return Done(item.input, item.position, item.id, rows, ok=False)


def process_chunk(items: list[Item], run_id: str, max_seconds: float | None = None) -> list[Done]:
    """:func:`process_item` over a chunk (one task of a worker)."""
    now = dt.datetime.now()
    return [process_item(item, run_id=run_id, now=now, max_seconds=max_seconds) for item in items]
