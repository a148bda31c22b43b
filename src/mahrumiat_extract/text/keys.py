"""Matching keys.

``key`` is SPEC's scoring key: Arabic ي/ك folded, diacritics and tatweel removed, ZWNJ and
spaces removed, digits ASCII. ``match_key`` also folds hamza and alef forms (قائم/قایم,
آبادان/ابادان) and is what the gazetteer matches on. Both are used by lookup and scoring
alike, so they cannot disagree.
"""

from __future__ import annotations

import re
from array import array

from .chars import KEY_FOLD, MATCH_FOLD

__all__ = ["key", "key_stream", "match_key"]


def key(text: str) -> str:
    """SPEC's name key: «گلی کانی» = «گلی‌کانی» = «گلیکانی»."""
    return text.translate(KEY_FOLD).lower()


def match_key(text: str) -> str:
    """The key with hamza/alef forms folded too, for gazetteer lookup."""
    return text.translate(MATCH_FOLD).lower()


_SENTINEL = "\x00"
_STREAM_FOLD: dict[int, str] = {
    k: (_SENTINEL if v is None else v) for k, v in MATCH_FOLD.items()
}
_STREAM_FOLD.update({ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})
_STREAM_FOLD[0] = _SENTINEL
_KEPT = re.compile("[^\x00]+")


def key_stream(text: str) -> tuple[str, array[int]]:
    """``match_key`` of a whole text plus, for each key character, its index in ``text``.

    Folding is one ``str.translate``; dropped characters (spaces, ZWNJ, diacritics) become a
    sentinel, and the index is built run by run, so the cost is per word, not per character.
    """
    folded = text.translate(_STREAM_FOLD)
    idx: array[int] = array("i")
    for m in _KEPT.finditer(folded):
        idx.extend(range(m.start(), m.end()))
    return folded.replace(_SENTINEL, ""), idx
