"""The rules around a figure: its period and place (its status: :mod:`.status`).

- period: the nearest period phrase in the clause, bounded to what it says («در ۳۰ سال
  گذشته» is «۳۰ سال گذشته», not «سال گذشته»); place: the nearest geo hit in it.

Speed (the results are those of the plain rules): the period pattern is tried only where one
of its matches can start, found once per clause of a figure; the matches live in the
article's memo table (:attr:`.window.Article.memo`).
"""

from __future__ import annotations

import bisect

from ...text.chars import ZWNJ
from .lexicon import PERIOD_END, PERIOD_FIRST, PERIOD_SAL
from .window import Article

__all__ = ["period", "place"]


def _skip_spaces_back(text: str, i: int) -> int:
    while i > 0 and text[i - 1] == " ":
        i -= 1
    return i


def _period_starts(art: Article, sent: tuple[int, int]) -> list[int]:
    """Sorted positions in the clause ``sent`` where a period match can start (once per
    clause): a phrase's first word, «سال», «از» + spaces before «سال», the year after «سال» +
    spaces, «تا» + spaces before «پایان». Found in the clause only (the clauses of figures,
    not the article): no such word, nor the spaces joining them, holds a clause end, so what
    starts in the clause comes from words in it."""
    memo: dict[tuple[int, int], list[int]] = art.memo.setdefault("period_starts", {})
    pstarts = memo.get(sent)
    if pstarts is not None:
        return pstarts
    text = art.text
    cands: set[int] = set()
    s = sent[0]
    # the clause's slice: the automaton's iter over (text, start, end) costs as much as the
    # whole text (quadratic on a long article)
    for end, (length, kind) in art.lex.period_auto.iter(text[s : sent[1]]):
        i = s + end + 1 - length
        if kind & PERIOD_FIRST:
            # a phrase starts after no letter or ZWNJ (its lookbehind); only the grammar, from
            # «سال» (kept everywhere: so are the words starting with it), «از», «تا» or a
            # year, starts inside a word
            if not i or not (text[i - 1].isalpha() or text[i - 1] == ZWNJ):
                cands.add(i)
        if kind & PERIOD_SAL:
            cands.add(i)
            j = _skip_spaces_back(text, i)
            if j < i and j >= 2 and text[j - 2 : j] == "از":
                cands.add(j - 2)
            d = i + 3
            while d < len(text) and text[d] == " ":
                d += 1
            if d > i + 3:
                cands.add(d)
        if kind & PERIOD_END:
            j = _skip_spaces_back(text, i)
            if j < i and j >= 2 and text[j - 2 : j] == "تا":
                cands.add(j - 2)
    pstarts = memo[sent] = sorted(cands)
    return pstarts


def _period_matches(
    art: Article, lo: int, hi: int, sent: tuple[int, int]
) -> list[tuple[int, int]]:
    """``lex.periods.finditer(text, lo, hi)`` as spans, for a range of the clause ``sent``:
    the pattern is tried only where a match can start, which skips the positions a regex
    scan tries one by one."""
    periods: dict[tuple[int, int], list[tuple[int, int]]] = art.memo.setdefault("periods", {})
    found = periods.get((lo, hi))
    if found is None:
        pmatches: dict[tuple[int, int], tuple[int, int] | None] = art.memo.setdefault(
            "period_at", {}
        )
        starts = _period_starts(art, sent)
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
    for ms, me in _period_matches(art, max(s, num_start - 300), min(e, num_end + 300), sent):
        if ms < num_end and me > num_start:
            continue
        dist = num_start - me if me <= num_start else ms - num_end
        if best is None or dist < best[0]:
            best = (dist, ms, me)
    if best is None:
        return None
    ms = best[1]
    # bounded to what it says: «۳۰ سال گذشته» (the last thirty years) is not «سال گذشته»
    j = _skip_spaces_back(art.text, ms)
    if (
        j < ms
        and j in art.num_at_end
        and art.text[ms : ms + 3] in ("سال", "ماه", "هفت", "روز", "دهه")
    ):
        ms = art.num_at_end[j]
    return art.doc.norm.original_text(ms, best[2]).strip() or None


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
