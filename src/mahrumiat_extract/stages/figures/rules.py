"""The rules around a figure: its status, period and place.

- status: the first status verb phrase after the counted noun in its clause, else a
  governing noun right before the number («کلنگ‌زنی ۳ هزار واحد»);
- period: the nearest period phrase in the clause; place: the nearest geo hit in it.

Speed (the results are those of the plain rules): status phrases are found once per article
on the shared key stream (:meth:`~...doc.Doc.key_stream`) and checked with the exact pattern
there; the period pattern is tried only where one of its matches can start, and
status-before only when one of its words is in reach. The matches live in the article's memo
table (:attr:`.window.Article.memo`).
"""

from __future__ import annotations

import bisect
from typing import Any

from ...text.chars import ZWNJ
from .lexicon import status_of
from .window import Article, Window

__all__ = ["period", "place", "status"]


def _skip_spaces_back(text: str, i: int) -> int:
    while i > 0 and text[i - 1] == " ":
        i -= 1
    return i


def _status_after_hits(art: Article) -> list[int]:
    """Sorted positions where a status-after phrase matches (once per article): the
    phrases' keys found in the key stream, each checked with the exact pattern there."""
    hits: list[int] | None = art.memo.get("status_hits")
    if hits is None:
        kstr, index = art.doc.key_stream()
        lex = art.lex
        pat = lex.status_after
        text = art.text
        found = set()
        for k_end, k_len in lex.status_keys.iter(kstr):
            p = index[k_end - k_len + 1]
            if p not in found and pat.match(text, p):
                found.add(p)
        hits = art.memo["status_hits"] = sorted(found)
    return hits


def status(art: Article, win: Window, num_start: int, unit_end: int, sent: tuple[int, int]) -> str | None:
    """The status phrase governing the figure ``[num_start, unit_end)`` in clause ``sent``."""
    s, e = sent
    lex = art.lex
    text = art.text
    hits = _status_after_hits(art)
    i = bisect.bisect_left(hits, unit_end)
    if i < len(hits) and hits[i] < e:
        after: dict[tuple[int, int], Any] = art.memo.setdefault("status_after", {})
        key = (hits[i], e)  # the same for the figures of a sentence
        if key in after:
            m = after[key]
        else:
            m = after[key] = lex.status_after.match(text, hits[i], e)
        m = m or lex.status_after.search(text, unit_end, e)  # never needed
        if m:
            return status_of(lex, m.group())
    lo = max(s, num_start - 40)
    for a in lex.status_before_anchors:
        if text.find(a, lo, num_start) >= 0:
            break
    else:
        return None
    best = None
    for m in lex.status_before.finditer(text, lo, num_start):
        between = win.tok_at(num_start) - win.tok_at(m.end())
        if between <= 3:
            best = m
    return status_of(lex, best.group()) if best else None


def _period_starts(art: Article) -> list[int]:
    """Sorted positions where a period match can start (once per article): a phrase's
    first word, «سال», «از» + spaces before «سال», the year after «سال» + spaces, «تا» +
    spaces before «پایان»."""
    pstarts: list[int] | None = art.memo.get("period_starts")
    if pstarts is not None:
        return pstarts
    text = art.text
    cands: set[int] = set()
    for word in art.lex.period_firsts:
        # a phrase starts after no letter or ZWNJ (its lookbehind); only the grammar, from
        # «سال» (kept everywhere), «از», «تا» or a year, starts inside a word
        inside_ok = word == "سال"
        i = text.find(word)
        while i >= 0:
            if inside_ok or not i or not (text[i - 1].isalpha() or text[i - 1] == ZWNJ):
                cands.add(i)
            i = text.find(word, i + 1)
    i = text.find("سال")
    while i >= 0:
        j = _skip_spaces_back(text, i)
        if j < i and j >= 2 and text[j - 2 : j] == "از":
            cands.add(j - 2)
        d = i + 3
        while d < len(text) and text[d] == " ":
            d += 1
        if d > i + 3:
            cands.add(d)
        i = text.find("سال", i + 1)
    i = text.find("پایان")
    while i >= 0:
        j = _skip_spaces_back(text, i)
        if j < i and j >= 2 and text[j - 2 : j] == "تا":
            cands.add(j - 2)
        i = text.find("پایان", i + 1)
    pstarts = art.memo["period_starts"] = sorted(cands)
    return pstarts


def _period_matches(art: Article, lo: int, hi: int) -> list[tuple[int, int]]:
    """``lex.periods.finditer(text, lo, hi)`` as spans: the pattern is tried only where a
    match can start, which skips the positions a regex scan tries one by one."""
    periods: dict[tuple[int, int], list[tuple[int, int]]] = art.memo.setdefault("periods", {})
    found = periods.get((lo, hi))
    if found is None:
        pmatches: dict[tuple[int, int], tuple[int, int] | None] = art.memo.setdefault("period_at", {})
        starts = _period_starts(art)
        pat = art.lex.periods
        found = []
        pos = lo
        for k in range(bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)):
            c = starts[k]
            if c < pos:
                continue
            key = (c, hi)
            if key in pmatches:
                span = pmatches[key]
            else:
                m = pat.match(art.text, c, hi)
                span = pmatches[key] = m.span() if m else None
            if span:
                found.append(span)
                pos = span[1]
        periods[(lo, hi)] = found
    return found


def period(art: Article, num_start: int, num_end: int, sent: tuple[int, int]) -> str | None:
    """The period phrase nearest the figure in its clause, as the original text writes it."""
    s, e = sent
    best: tuple[int, int, int] | None = None
    for ms, me in _period_matches(art, max(s, num_start - 300), min(e, num_end + 300)):
        if ms < num_end and me > num_start:
            continue
        dist = num_start - me if me <= num_start else ms - num_end
        if best is None or dist < best[0]:
            best = (dist, ms, me)
    if best is None:
        return None
    return art.doc.norm.original_text(best[1], best[2]).strip() or None


def place(art: Article, num_start: int, num_end: int, sent: tuple[int, int]) -> str | None:
    """The canonical name of the geo hit nearest the figure in its clause."""
    s, e = sent
    geo = art.geo()
    starts = art.geo_starts
    best: tuple[int, str] | None = None
    # the hits that can reach into the sentence: from a start one name length before it
    lo = bisect.bisect_left(starts, s - art.geo_len)
    for k in range(lo, bisect.bisect_left(starts, e)):
        h = geo[k]
        if h.end <= s or (h.start < num_end and h.end > num_start):
            continue
        dist = num_start - h.end if h.end <= num_start else h.start - num_end
        if best is None or dist < best[0]:
            best = (dist, h.name)
    return best[1] if best else None
