"""Context cues around a name: the word before it («استان», «شهرستان», «فرماندار», «در» ...),
datelines («خرم‌آباد-»), and lists that share one cue («شهرستان‌های رامیان و آزادشهر»)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex

from ...resources import read_tsv
from ...text.keys import match_key

__all__ = ["KIND_CUES", "cue_before", "cues_before", "is_dateline", "joined_by_list", "outlet_before", "read_cues"]

#: Cue kinds that say what a place is (as opposed to «weak» prepositions and «nb»).
KIND_CUES = frozenset({"province", "office", "county", "city", "district", "village"})

_TRAIL = "«»\"'()[]{}:؛«»“”‘’ \u200c"
_LOOKBACK = 48
# between two items of one list: spaces, commas, «و», quotes
_LIST_GAP = regex.compile(r"^[\s،,«»\"'“”]*(?:و[\s«»\"'“”]+|،|,)[\s،,«»\"'“”]*$|^[\s«»\"'“”]*و$")
# a dateline: the name opens a line (optionally after a few words) and is followed by a dash
_DATELINE_AFTER = regex.compile(r"^\s*[-–—]")


_ENDS = frozenset(".!؟?\n")


@lru_cache(maxsize=1)
def _cues() -> tuple[dict[str, str], int]:
    table = {match_key(row[0]): row[1] for row in read_tsv("geo/cues.tsv")}
    longest = max(len(row[0].split()) for row in read_tsv("geo/cues.tsv"))
    return table, longest


@lru_cache(maxsize=1 << 14)
def _read_words(last: tuple[str, ...], sentence_end: bool) -> tuple[str | None, bool]:
    """The cue and the outlet flag of the last words before a name (see :func:`cues_before`)."""
    table, longest = _cues()
    outlet = any(table.get(match_key(w)) == "outlet" for w in last[-2:])
    if sentence_end:
        return None, outlet
    for n in range(min(longest, len(last)), 0, -1):
        kind = table.get(match_key("".join(last[-n:])))
        if kind is not None and kind != "outlet":
            return kind, outlet
    return None, outlet


def cues_before(text: str, start: int) -> tuple[str | None, bool]:
    """``(cue_before(text, start), outlet_before(text, start))`` from one look at the words
    before ``start``; the word lookups are cached (few distinct word runs precede names)."""
    seg = text[max(0, start - _LOOKBACK) : start].rstrip(_TRAIL)
    if not seg:
        return None, False
    _, longest = _cues()
    last = seg.rsplit(None, max(longest, 2))[-max(longest, 2) :]
    return _read_words(tuple(last), seg[-1] in _ENDS)


def cue_before(text: str, start: int) -> str | None:
    """The kind of cue written just before ``start`` (longest cue first), or None."""
    return cues_before(text, start)[0]


def outlet_before(text: str, start: int) -> bool:
    """«خبرگزاری فارس», «خبرنگار اجتماعی فارس»: an outlet cue one or two words before."""
    return cues_before(text, start)[1]


def is_dateline(text: str, start: int, end: int) -> bool:
    """«خرم‌آباد- ...» at the start of a line."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(_TRAIL):
        return False
    return bool(_DATELINE_AFTER.match(text, end))


def joined_by_list(text: str, prev_end: int, start: int) -> bool:
    """Whether only a list separator («،», «و») stands between two names."""
    gap = text[prev_end:start]
    return len(gap) <= 6 and bool(_LIST_GAP.match(gap))


# the cue of the words before a name, per distinct stripped lookback (bounded)
_SEG_CACHE: dict[str, tuple[str | None, bool]] = {}
_GAP_CACHE: dict[str, bool] = {}
_CACHE_MAX = 1 << 15


def read_cues(text: str, spans: Sequence[tuple[int, int, bool]]) -> list[str | None]:
    """The cue of each name (``(start, end, is_place)``, in text order): the words before it
    (:func:`cues_before`; «outlet» when an outlet is named), else «dateline», else the cue of
    the place before it when only a list separator stands between (or «list»)."""
    seg_cache = _SEG_CACHE
    gap_cache = _GAP_CACHE
    if len(seg_cache) > _CACHE_MAX:
        seg_cache.clear()
    if len(gap_cache) > _CACHE_MAX:
        gap_cache.clear()
    trail = _TRAIL
    out: list[str | None] = []
    prev_end = -1
    prev_cue: str | None = None
    for start, end, is_place in spans:
        seg = text[max(0, start - _LOOKBACK) : start].rstrip(trail)
        got = seg_cache.get(seg)
        if got is None:
            got = seg_cache[seg] = cues_before(text, start)
        cue, outlet = got
        if outlet:
            cue = "outlet"
        elif cue is None:
            # a dateline: nothing but trailing characters between the line start and the name
            # (so the lookback, trailing characters stripped, is empty or ends the line before)
            if (not seg or seg[-1] == "\n") and is_dateline(text, start, end):
                cue = "dateline"
            elif prev_end >= 0 and start - prev_end <= 6:
                gap = text[prev_end:start]
                joined = gap_cache.get(gap)
                if joined is None:
                    joined = gap_cache[gap] = joined_by_list(text, prev_end, start)
                if joined:
                    cue = prev_cue or "list"
        out.append(cue)
        if is_place:
            prev_end = end
            prev_cue = cue
    return out
