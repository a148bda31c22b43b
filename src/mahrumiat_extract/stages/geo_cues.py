"""Context cues around a name: the word before it («استان», «شهرستان», «فرماندار», «در» ...),
datelines («خرم‌آباد-»), and lists that share one cue («شهرستان‌های رامیان و آزادشهر»)."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..resources import read_tsv
from ..text.keys import match_key

__all__ = ["KIND_CUES", "cue_before", "is_dateline", "joined_by_list", "outlet_before"]

#: Cue kinds that say what a place is (as opposed to «weak» prepositions and «nb»).
KIND_CUES = frozenset({"province", "office", "county", "city", "district", "village"})

_TRAIL = "«»\"'()[]{}:؛«»“”‘’ \u200c"
_LOOKBACK = 48
# between two items of one list: spaces, commas, «و», quotes
_LIST_GAP = regex.compile(r"^[\s،,«»\"'“”]*(?:و[\s«»\"'“”]+|،|,)[\s،,«»\"'“”]*$|^[\s«»\"'“”]*و$")
# a dateline: the name opens a line (optionally after a few words) and is followed by a dash
_DATELINE_AFTER = regex.compile(r"^\s*[-–—]")


@lru_cache(maxsize=1)
def _cues() -> tuple[dict[str, str], int]:
    table = {match_key(row[0]): row[1] for row in read_tsv("geo/cues.tsv")}
    longest = max(len(row[0].split()) for row in read_tsv("geo/cues.tsv"))
    return table, longest


def cue_before(text: str, start: int) -> str | None:
    """The kind of cue written just before ``start`` (longest cue first), or None."""
    seg = text[max(0, start - _LOOKBACK) : start].rstrip(_TRAIL)
    if not seg or seg[-1] in ".!؟?\n":
        return None
    words = seg.split()
    table, longest = _cues()
    for n in range(min(longest, len(words)), 0, -1):
        kind = table.get(match_key("".join(words[-n:])))
        if kind is not None and kind != "outlet":
            return kind
    return None


def outlet_before(text: str, start: int) -> bool:
    """«خبرگزاری فارس», «خبرنگار اجتماعی فارس»: an outlet cue one or two words before."""
    words = text[max(0, start - _LOOKBACK) : start].rstrip(_TRAIL).split()[-2:]
    table, _ = _cues()
    return any(table.get(match_key(w)) == "outlet" for w in words)


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
