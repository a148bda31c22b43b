"""Context cues around a name: the word before it («استان», «شهرستان», «فرماندار», «در» ...),
datelines («خرم‌آباد-»), and lists that share one cue («شهرستان‌های رامیان و آزادشهر»)."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ...resources import read_tsv
from ...text.keys import match_key

__all__ = ["KIND_CUES", "CueReader", "is_dateline", "joined_by_list"]

#: Cue kinds that say what a place is (as opposed to «weak» prepositions and «nb»).
KIND_CUES = frozenset({"province", "office", "county", "city", "district", "village", "island"})

_TRAIL = "«»\"'()[]{}:؛«»“”‘’ \u200c"
_LOOKBACK = 48
# between two items of one list: spaces, commas, «و», quotes
_LIST_GAP = regex.compile(r"^[\s،,«»\"'“”]*(?:و[\s«»\"'“”]+|،|,)[\s،,«»\"'“”]*$|^[\s«»\"'“”]*و$")
# a dateline: the name opens a line (optionally after a few words) and is followed by a dash
_DATELINE_AFTER = regex.compile(r"^\s*[-–—]")


_ENDS = frozenset(".!؟?\n")


class CueReader:
    """The cue table (``resources/geo/cues.tsv``: words before a place name -> the kind of
    cue) and the reading of the words before each name.

    The readings are memoized on the reader, by the few words before a name and by the gap
    between two names (few distinct word runs precede names; bounded, cleared when full):
    the one cache of the geo stage, owned by the ``Resources`` that owns the table.
    """

    __slots__ = ("table", "longest", "tails", "between_tails", "_words", "_gaps")

    def __init__(self, table: dict[str, str], longest: int) -> None:
        self.table = table
        self.longest = longest
        # every ending of a place cue's key (and the empty one): the words before a name end
        # a cue only if the key of the last word is one (a cheap first test)
        self.tails = frozenset(
            k[i:]
            for k, kind in table.items()
            if kind not in ("outlet", "between")
            for i in range(len(k) + 1)
        )
        self.between_tails = frozenset(
            k[i:] for k, kind in table.items() if kind == "between" for i in range(len(k) + 1)
        )
        self._words: dict[tuple[tuple[str, ...], bool], tuple[str | None, bool]] = {}
        self._gaps: dict[str, bool] = {}

    @classmethod
    def load(cls) -> CueReader:
        rows = read_tsv("geo/cues.tsv")
        return cls(
            {match_key(row[0]): row[1] for row in rows}, max(len(row[0].split()) for row in rows)
        )

    def _read_words(self, last: tuple[str, ...], sentence_end: bool) -> tuple[str | None, bool]:
        """The cue and the outlet flag of the last words before a name (see
        :meth:`cues_before`)."""
        got = self._words.get((last, sentence_end))
        if got is not None:
            return got
        table = self.table
        outlet = any(table.get(match_key(w)) == "outlet" for w in last[-2:])
        got = (None, outlet)
        if not sentence_end:
            kind, n_cue = self._longest_cue(last)
            if kind in KIND_CUES and kind != "office" and _after_demonstrative(last, n_cue):
                kind = None  # «این شهر ترک»: the town was named before, an adjective follows
            elif kind is None and match_key(last[-1]) in self.between_tails:
                # «شهرستان زلزله‌زده بم»: a word the cue may stand before its name across
                for n in (2, 1):
                    if len(last) > n and table.get(match_key("".join(last[-n:]))) == "between":
                        before = self._longest_cue(last[:-n])[0]
                        kind = before if before in KIND_CUES else None
                        break
            if kind is not None:
                got = (kind, outlet)
        if len(self._words) > _CACHE_MAX:
            self._words.clear()
        self._words[(last, sentence_end)] = got
        return got

    def _longest_cue(self, last: tuple[str, ...]) -> tuple[str | None, int]:
        """The kind of the longest cue the words end with, and its words (None, 0: none)."""
        if not last or match_key(last[-1]) not in self.tails:
            return None, 0
        table = self.table
        for n in range(min(self.longest, len(last)), 0, -1):
            kind = table.get(match_key("".join(last[-n:])))
            if kind is not None and kind not in ("outlet", "between"):
                return kind, n
        return None, 0

    def cues_before(self, text: str, start: int) -> tuple[str | None, bool]:
        """``(cue_before(text, start), outlet_before(text, start))`` from one look at the
        words before ``start``."""
        seg = text[max(0, start - _LOOKBACK) : start].rstrip(_TRAIL)
        if not seg:
            return None, False
        n = max(self.longest, 2) + 2  # two words a cue may stand across («زلزله‌زده»)
        last = seg.rsplit(None, n)[-n:]
        return self._read_words(tuple(last), seg[-1] in _ENDS)

    def cue_before(self, text: str, start: int) -> str | None:
        """The kind of cue written just before ``start`` (longest cue first), or None."""
        return self.cues_before(text, start)[0]

    def outlet_before(self, text: str, start: int) -> bool:
        """«خبرگزاری فارس», «خبرنگار اجتماعی فارس»: an outlet cue one or two words before."""
        return self.cues_before(text, start)[1]

    def read_cues(
        self,
        text: str,
        spans: Sequence[tuple[int, int, bool]],
        befores: Sequence[tuple[str | None, bool]] | None = None,
    ) -> list[str | None]:
        """The cue of each name (``(start, end, is_place)``, in text order): the words before
        it (:meth:`cues_before`, or ``befores`` when the caller has read them; «outlet» when an
        outlet is named), else «dateline», else the cue of the place before it when only a list
        separator stands between (or «list»)."""
        if befores is None:
            befores = [self.cues_before(text, start) for start, _end, _place in spans]
        gap_cache = self._gaps
        if len(gap_cache) > _CACHE_MAX:
            gap_cache.clear()
        out: list[str | None] = []
        prev_end = -1
        prev_cue: str | None = None
        for (start, end, is_place), got in zip(spans, befores):
            cue, outlet = got
            if outlet:
                cue = "outlet"
            elif cue is None:
                # a dateline: nothing but trailing characters between the line start and the
                # name (so the lookback, trailing characters stripped, is empty or ends the
                # line before)
                seg = text[max(0, start - _LOOKBACK) : start].rstrip(_TRAIL)
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


_CACHE_MAX = 1 << 13
# a demonstrative before a kind cue makes it point back («این شهر», «همان روستا»)
_DEMONSTRATIVES = frozenset({"این", "آن", "همین", "همان"})


def _after_demonstrative(last: tuple[str, ...], n: int) -> bool:
    """Whether the word before the cue's ``n`` last words is a demonstrative."""
    return len(last) > n and last[-n - 1] in _DEMONSTRATIVES


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
