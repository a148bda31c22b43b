"""``evaluate()``: score the extractor (or saved records) against a gold file."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import ArticleRecord
from .halves import HALVES, Halves, half_of
from .report import EvalReport
from .scoring import ArticleResult, gold_items, predicted_items, score_article
from .silver import read_jsonl

__all__ = ["evaluate", "evaluate_halves", "load_gold", "load_records"]

GoldLike = str | Path | Iterable[Mapping[str, Any]]
PredLike = str | Path | Iterable[ArticleRecord | Mapping[str, Any]] | None

_HINTS = ("published", "title", "source", "url")


def load_gold(gold: GoldLike) -> list[tuple[str, dict[str, Any]]]:
    """Gold articles as ``(where, {"id", "text", "gold", ...})``, checked.

    ``gold`` is a JSONL path (one ``{"id", "text", "gold": {...}}`` a line) or the parsed
    objects themselves.
    """
    if isinstance(gold, (str, Path)):
        rows = list(read_jsonl(Path(gold), what="gold"))
    else:
        rows = [(f"gold[{i}]", dict(obj)) for i, obj in enumerate(gold)]
    for where, obj in rows:
        if not isinstance(obj.get("gold"), Mapping):
            raise InputError(f'E701 {where}: a "gold" object is expected')
        if obj.get("text") is not None and not isinstance(obj["text"], str):
            raise InputError(f'E701 {where}: "text" must be a string')
    return rows


def load_records(predictions: PredLike) -> list[ArticleRecord]:
    """Saved records (the JSONL ``extract`` writes, or record objects/dicts)."""
    if predictions is None:
        return []
    if isinstance(predictions, (str, Path)):
        rows: Iterable[Any] = (obj for _, obj in read_jsonl(Path(predictions), what="records"))
    else:
        rows = predictions
    out: list[ArticleRecord] = []
    for i, obj in enumerate(rows):
        if isinstance(obj, ArticleRecord):
            out.append(obj)
            continue
        try:
            out.append(ArticleRecord.model_validate(obj))
        except ValueError as exc:
            raise InputError(f"E703 record {i} is not an ArticleRecord: {exc}") from None
    return out


def _pair_records(
    gold: list[tuple[str, dict[str, Any]]], records: list[ArticleRecord]
) -> list[ArticleRecord | None]:
    """Saved records for each gold article: by id when ids are given, else by position."""
    by_id = {r.id: r for r in records if r.id is not None}
    if by_id and all(g.get("id") is not None for _, g in gold):
        return [by_id.get(str(g["id"])) for _, g in gold]
    if len(records) != len(gold):
        raise InputError(
            f"E704 {len(records)} records for {len(gold)} gold articles and no ids to pair them"
        )
    return list(records)


def _extract(where: str, obj: Mapping[str, Any]) -> ArticleRecord:
    from ..api import extract  # the pipeline is imported only when the extractor is scored

    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(f'E701 {where}: "text" is needed to run the extractor')
    hints = {k: obj[k] for k in _HINTS if obj.get(k) is not None}
    if "published" not in hints and obj.get("date") is not None:
        hints["published"] = obj["date"]
    ident = obj.get("id")
    return extract(text, id=None if ident is None else str(ident), **hints)


def _row_half(n: int, obj: Mapping[str, Any]) -> str:
    ident = obj.get("id")
    return half_of(str(n + 1) if ident is None else str(ident))


def _score_rows(
    gold: GoldLike, predictions: PredLike, half: str | None
) -> list[tuple[str, ArticleResult, float]]:
    """Each gold article's half, result and seconds; with ``half``, only that half is run."""
    if half is not None and half not in HALVES:
        raise InputError(f"E707 half must be one of {', '.join(HALVES)}, not {half!r}")
    rows = load_gold(gold)
    saved = _pair_records(rows, load_records(predictions)) if predictions is not None else None
    out: list[tuple[str, ArticleResult, float]] = []
    for n, (where, obj) in enumerate(rows):
        h = _row_half(n, obj)
        if half is not None and h != half:
            continue
        started = time.perf_counter()
        record = saved[n] if saved is not None else _extract(where, obj)
        text = obj.get("text") or ""
        g = gold_items(obj["gold"], text=text, where=where)
        p = predicted_items(record, text=text) if record is not None else {}
        ident = obj.get("id")
        result = score_article(g, p, id=None if ident is None else str(ident))
        out.append((h, result, time.perf_counter() - started))
    return out


def evaluate(
    gold: GoldLike, *, predictions: PredLike = None, half: str | None = None
) -> EvalReport:
    """Score against ``gold`` (a JSONL path or the parsed objects), as SPEC fixes it.

    With ``predictions`` (a records JSONL path, or records), those are scored; without, the
    extractor is run on each gold article's ``text``. With ``half`` (``"A"`` or ``"B"``),
    only the gold articles of that half (:func:`~.halves.half_of` their id) are scored.

    >>> report = evaluate([{"id": "a", "text": "استاندار لرستان گفت.",
    ...                      "gold": {"provinces": ["لرستان"]}}])
    >>> sorted(report.metrics())[:2]
    ['figures.status_accuracy', 'job_figures.f1']
    """
    started = time.perf_counter()
    report = EvalReport()
    for _, result, _seconds in _score_rows(gold, predictions, half):
        report.add(result)
    report.seconds = time.perf_counter() - started
    return report


def evaluate_halves(gold: GoldLike, *, predictions: PredLike = None) -> Halves:
    """Score the whole gold set and each of its two halves (A: tune, B: check) in one run.

    >>> h = evaluate_halves([{"id": "a", "text": "استاندار لرستان گفت.",
    ...                       "gold": {"provinces": ["لرستان"]}}])
    >>> len(h.a.articles) + len(h.b.articles) == len(h.all.articles) == 1
    True
    """
    started = time.perf_counter()
    halves = Halves()
    for h, result, seconds in _score_rows(gold, predictions, None):
        halves.all.add(result)
        part = halves.a if h == "A" else halves.b
        part.add(result)
        part.seconds += seconds
    halves.all.seconds = time.perf_counter() - started
    return halves
