"""Finding the later mentions of known surnames in one scan of an article.

All the surnames of an article's persons are searched at once, by one Aho-Corasick automaton of
their written forms, and the ranges already taken are looked up by bisection: linear in the
article, whatever the number of persons.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

import ahocorasick

__all__ = ["fold", "forms", "merged", "overlaps", "starts"]


_SAME_LENGTH_FOLD = str.maketrans({"آ": "ا", "أ": "ا", "إ": "ا", "ئ": "ی", "ؤ": "و", "ة": "ه"})
_FOLD_PAIRS = tuple((chr(a), b) for a, b in _SAME_LENGTH_FOLD.items())


def fold(text: str) -> str:
    """``text.translate(_SAME_LENGTH_FOLD)``, one C ``replace`` per folded letter (a dict
    ``translate`` of a whole article costs a Python-level lookup per character)."""
    for a, b in _FOLD_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


@lru_cache(maxsize=4096)  # officials' surnames come back article after article
def forms(surname: str) -> frozenset[str]:
    """A surname as it may be written: its parts joined by a space, a ZWNJ or nothing
    («گلی کانی» = «گلی‌کانی» = «گلیکانی»), hamza/alef folded like the searched text."""
    parts = surname.translate(_SAME_LENGTH_FOLD).replace("\u200c", " ").split()
    return frozenset({sep.join(parts) for sep in (" ", "\u200c", "")})


# up to this many forms, each is searched by C ``str.find`` (cheaper than building an
# automaton for the usual article's two or three surnames; still linear: a bounded number
# of passes)
_FEW_FORMS = 8


def starts(forms: dict[str, int], text: str) -> list[int]:
    """Every offset of ``text`` where one of ``forms`` starts, ascending: one Aho-Corasick
    pass (pyahocorasick, in C) over the text for all the forms at once, or for a few forms
    :func:`_found`."""
    if len(forms) <= _FEW_FORMS and "" not in forms:
        return _found(forms, text)
    return _automaton_starts(forms, text)


def _found(forms: dict[str, int], text: str) -> list[int]:
    """:func:`starts` by one ``str.find`` scan per form (overlapping occurrences too)."""
    out: set[int] = set()
    for f in forms:
        i = text.find(f)
        while i >= 0:
            out.add(i)
            i = text.find(f, i + 1)
    return sorted(out)


def _automaton_starts(forms: dict[str, int], text: str) -> list[int]:
    auto = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for f in forms:
        auto.add_word(f, len(f))
    auto.make_automaton()
    return sorted({end - length + 1 for end, length in auto.iter(text)})


def merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``ranges`` sorted, overlapping ones joined: disjoint, by start (and so by end)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if out and a < out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def overlaps(busy: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    """Does [s, e) overlap one of ``busy`` (disjoint ranges sorted by start; ``starts``
    their starts)? Only the last range starting before ``e`` can."""
    k = bisect_left(starts, e) - 1
    return k >= 0 and busy[k][1] > s
