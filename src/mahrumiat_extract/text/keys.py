"""Matching keys.

``key`` is SPEC's scoring key: Arabic ي/ك folded, diacritics and tatweel removed, ZWNJ and
spaces removed, digits ASCII. ``match_key`` also folds hamza and alef forms (قائم/قایم,
آبادان/ابادان) and is what the gazetteer matches on. Both are used by lookup and scoring
alike, so they cannot disagree.
"""

from __future__ import annotations

from array import array

from .chars import KEY_FOLD, MATCH_FOLD

__all__ = ["key", "key_stream", "match_key"]


def key(text: str) -> str:
    """SPEC's name key: «گلی کانی» = «گلی‌کانی» = «گلیکانی»."""
    return text.translate(KEY_FOLD).lower()


def match_key(text: str) -> str:
    """The key with hamza/alef forms folded too, for gazetteer lookup."""
    return text.translate(MATCH_FOLD).lower()


def key_stream(text: str) -> tuple[str, array[int]]:
    """``match_key`` of a whole text plus, for each key character, its index in ``text``."""
    out: list[str] = []
    idx: array[int] = array("i")
    fold = MATCH_FOLD
    for i, ch in enumerate(text):
        o = ord(ch)
        if o in fold:
            rep = fold[o]
            if rep is None:
                continue
            ch = rep
        if "A" <= ch <= "Z":
            ch = ch.lower()
        out.append(ch)
        idx.append(i)
    return "".join(out), idx
