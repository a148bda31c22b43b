"""Finding the later mentions of known surnames in one scan of an article.

All the surnames of an article's persons are searched at once by one pattern built as a trie of
their written forms (a flat alternation would try every form at every position), and the
ranges already taken are looked up by bisection: linear in the article, whatever the number
of persons.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

__all__ = ["fold", "forms", "merged", "overlaps", "trie_regex"]


_SAME_LENGTH_FOLD = str.maketrans({"آ": "ا", "أ": "ا", "إ": "ا", "ئ": "ی", "ؤ": "و", "ة": "ه"})
_FOLD_PAIRS = tuple((chr(a), b) for a, b in _SAME_LENGTH_FOLD.items())


def fold(text: str) -> str:
    """``text.translate(_SAME_LENGTH_FOLD)``, one C ``replace`` per folded letter (a dict
    ``translate`` of a whole article costs a Python-level lookup per character)."""
    for a, b in _FOLD_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


def forms(surname: str) -> set[str]:
    """A surname as it may be written: its parts joined by a space, a ZWNJ or nothing
    («گلی کانی» = «گلی‌کانی» = «گلیکانی»), hamza/alef folded like the searched text."""
    parts = surname.translate(_SAME_LENGTH_FOLD).replace("\u200c", " ").split()
    return {sep.join(parts) for sep in (" ", "\u200c", "")}


def trie_regex(forms: dict[str, int]) -> re.Pattern[str]:
    """One pattern matching any of ``forms``, the longest at a position first, built as a
    trie (a flat alternation tries every form at every position)."""
    trie: dict[str, Any] = {}
    for f in forms:
        node = trie
        for ch in f:
            node = node.setdefault(ch, {})
        node[""] = {}
    return re.compile(_trie_source(trie))


def _trie_source(node: dict[str, Any]) -> str:
    alts = [re.escape(ch) + _trie_source(sub) for ch, sub in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


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
