"""The geo stage's output: ``doc.geo`` and the province, place and neighborhood records, each
mention a span of the original text (ranges mapped once, through the offset map directly);
neighborhood names read off the text with their half-spaces restored."""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

import regex

from ...doc import Doc, GeoHit
from ...records import Neighborhood, Place, ProvinceMention, Span
from ...text.chars import ZWNJ
from ...text.normalize import normalize

__all__ = ["PLACE_KINDS", "as_written", "restore_name_zwnj", "set_annotations"]

#: The kinds of a place record (a province is none).
PLACE_KINDS = ("county", "city", "district", "village")


def as_written(doc: Doc, start: int, end: int) -> str:
    """A name read off the text, as the original writes it (ي/ك folded, spaces collapsed),
    with the half-spaces of place names restored («بنیهاشم» → «بنی‌هاشم», «شرفآباد» →
    «شرف‌آباد»); the general restoration is not used: it would turn «سیدی» into «سی‌دی»."""
    span = doc.span(start, end)
    if span is None:
        return restore_name_zwnj(" ".join(doc.work[start:end].split()))
    return _written(span.text)


@lru_cache(maxsize=4096)  # a name's written forms recur (normalize costs ~30 µs a call)
def _written(original: str) -> str:
    """A name's original text, normalized (ي/ك folded, spaces collapsed) with the half-spaces
    of place names restored."""
    name = normalize(original, restore_zwnj=False).text
    return restore_name_zwnj(" ".join(name.split()))


# the half-spaces of place names: «بنی» before a name, «آباد» after a letter that joins
_BANI = regex.compile("^(بنی)(?=[\\p{L}])")
_ABAD = regex.compile("(?<=[بپتثجچحخسشصضطظعغفقکگلمنهی])(آباد)(?![\\p{L}])")


def restore_name_zwnj(name: str) -> str:
    """«بنیهاشم» → «بنی‌هاشم», «اللهآباد» → «الله‌آباد» (nothing else changes)."""
    out: str = _ABAD.sub(ZWNJ + r"\1", _BANI.sub(r"\1" + ZWNJ, name))
    return out


def set_annotations(doc: Doc, hits: list[GeoHit]) -> None:
    """Write ``doc.geo`` and the province, place and neighborhood records (hits grouped in
    one pass; ranges mapped provinces first, then places, then neighborhoods)."""
    doc.geo = hits
    spans = _Spans(doc)
    named: dict[str, list[tuple[int, int]]] = {}
    implied: dict[str, list[tuple[int, int]]] = {}
    places: dict[str, list[GeoHit]] = {}
    nbs: dict[str, list[GeoHit]] = {}
    place_kinds = PLACE_KINDS
    for h in hits:
        kind = h.kind
        if h.province is not None:
            (named if kind == "province" else implied).setdefault(h.province, []).append(
                (h.start, h.end)
            )
        if kind in place_kinds:
            places.setdefault(h.name, []).append(h)
        elif kind == "neighborhood":
            nbs.setdefault(h.name, []).append(h)
    # provinces in the order of their first hit (named or implied)
    order = dict.fromkeys(h.province for h in hits if h.province is not None)
    doc.provinces = [
        ProvinceMention(name=p, explicit=p in named, mentions=spans(named.get(p) or implied[p]))
        for p in order
    ]
    doc.places = [
        Place(
            name=name,
            kind=hs[0].kind,  # type: ignore[arg-type]
            province=hs[0].province,
            mentions=spans([(h.start, h.end) for h in hs]),
        )
        for name, hs in places.items()
    ]
    doc.neighborhoods = [
        Neighborhood(
            name=name,
            city=next((h.city for h in hs if h.city), None),
            province=next((h.province for h in hs if h.province), None),
            mentions=spans([(h.start, h.end) for h in hs]),
        )
        for name, hs in nbs.items()
    ]


class _Spans:
    """``doc.spans`` with each range mapped once (a place's mentions are also its province's),
    through the offset map directly; a range that does not map cleanly goes to ``doc.span``
    (which warns)."""

    __slots__ = ("doc", "memo", "nt", "orig", "starts", "ostarts", "olens", "copies", "nlen")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.memo: dict[tuple[int, int], Span | None] = {}
        norm = doc.norm
        om = norm.offsets
        self.nt = norm.text
        self.orig = doc.text
        self.starts = om.norm_starts
        self.ostarts = om.orig_starts
        self.olens = om.orig_lens
        self.copies = om.copies
        self.nlen = om.norm_length

    def one(self, start: int, end: int) -> Span | None:
        """``doc.span(start, end)``."""
        nt = self.nt
        if (
            not (start < end <= len(nt))
            or nt[start].isspace()
            or nt[end - 1].isspace()
            or end > self.nlen
        ):
            return self.doc.span(start, end)
        starts = self.starts
        i = bisect_right(starts, start) - 1
        s = self.ostarts[i] + (start - starts[i]) if self.copies[i] else self.ostarts[i]
        i = bisect_right(starts, end - 1) - 1
        e = (
            self.ostarts[i] + (end - starts[i])
            if self.copies[i]
            else self.ostarts[i] + self.olens[i]
        )
        if not 0 <= s < e <= len(self.orig):
            return self.doc.span(start, end)
        return Span(start=s, end=e, text=self.orig[s:e])

    def __call__(self, ranges: list[tuple[int, int]]) -> tuple[Span, ...]:
        memo = self.memo
        if len(ranges) == 1:
            r = ranges[0]
            sp = memo[r] if r in memo else memo.setdefault(r, self.one(*r))
            return () if sp is None else (sp,)
        out: dict[tuple[int, int], Span] = {}
        for r in ranges:
            if r in memo:
                sp = memo[r]
            else:
                sp = memo[r] = self.one(*r)
            if sp is not None:
                out[(sp.start, sp.end)] = sp
        return tuple(out[k] for k in sorted(out))
