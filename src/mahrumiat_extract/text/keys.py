"""Matching keys.

``key`` is SPEC's scoring key: Arabic ي/ك folded, diacritics and tatweel removed, ZWNJ and
spaces removed, digits ASCII. ``match_key`` also folds hamza and alef forms (قائم/قایم,
آبادان/ابادان) and is what the gazetteer matches on. Both are used by lookup and scoring
alike, so they cannot disagree.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import overload

from .chars import KEY_FOLD, MATCH_FOLD, ZWNJ

# the characters ``match_key``'s fold maps to something else (or deletes)
_MATCH_CHANGED = re.compile(
    "[" + re.escape("".join(chr(c) for c, v in MATCH_FOLD.items() if v != chr(c))) + "]"
)

__all__ = ["key", "key_stream", "match_key"]


def key(text: str) -> str:
    """SPEC's name key: «گلی کانی» = «گلی‌کانی» = «گلیکانی»."""
    return text.translate(KEY_FOLD).lower()


def match_key(text: str) -> str:
    """The key with hamza/alef forms folded too, for gazetteer lookup. Most words of
    normalized text hold no character the fold changes: for them the key is the text
    lower-cased, found by one character-class search (``str.translate`` with the fold's dict
    costs several microseconds a call)."""
    if _MATCH_CHANGED.search(text) is None:
        return text.lower()
    return text.translate(MATCH_FOLD).lower()


class KeyIndex(Sequence[int]):
    """Key index → text index, stored per run of deleted characters (one entry a word gap),
    looked up with bisect: ``index[k]`` is the text index of key character ``k``."""

    __slots__ = ("_length", "_run_keys", "_run_shift")

    def __init__(self, run_keys: list[int], run_shift: Sequence[int], length: int) -> None:
        self._run_keys = run_keys
        self._run_shift = run_shift
        self._length = length

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, k: int) -> int: ...
    @overload
    def __getitem__(self, k: slice) -> list[int]: ...
    def __getitem__(self, k: int | slice) -> int | list[int]:
        if isinstance(k, int) and 0 <= k < self._length:
            return k + self._run_shift[bisect_right(self._run_keys, k)]
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(self._length))]
        if k < 0:
            k += self._length
        if not 0 <= k < self._length:
            raise IndexError(k)
        return k + self._run_shift[bisect_right(self._run_keys, k)]


# Normalized text holds few folded characters (spaces, newlines, ZWNJ, hamza and alef forms,
# A-Z): those are folded by str.replace; any other folded character sends the text through
# the full translate. Folding is one-to-one or a deletion, so the index is per deleted run.
_STREAM_FOLD: dict[int, str | None] = dict(MATCH_FOLD)
_STREAM_FOLD.update({ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})
_DELETED = re.compile(
    "[" + re.escape("".join(chr(c) for c, v in MATCH_FOLD.items() if v is None)) + "]+"
)
_COMMON = {chr(c): v or "" for c, v in MATCH_FOLD.items() if chr(c) in " \n\u200cءآأإٱئؤة"}
_RARE = re.compile(
    "[" + re.escape("".join(chr(c) for c in MATCH_FOLD if chr(c) not in _COMMON)) + "]"
)
_UPPER = re.compile("[A-Z]+")
_OTHER_DELETED = re.compile(
    "["
    + re.escape(
        "".join(chr(c) for c, v in MATCH_FOLD.items() if v is None and chr(c) not in " \n" + ZWNJ)
    )
    + "]"
)


def _fold(text: str) -> str:
    """Fold a text that holds no deletable character any more."""
    if _RARE.search(text):
        return text.translate(_STREAM_FOLD)
    for ch, rep in _COMMON.items():
        if rep and ch in text:
            text = text.replace(ch, rep)
    if _UPPER.search(text):
        text = _UPPER.sub(lambda m: m.group().lower(), text)
    return text


def key_stream(text: str) -> tuple[str, KeyIndex]:
    """``match_key`` of a whole text plus, for each key character, its index in ``text``
    (a :class:`KeyIndex`). The runs of deleted characters (spaces, ZWNJ ...) are found by
    ``split``/``findall`` in C and their offsets accumulated, so no Python loop runs per word."""
    if not _OTHER_DELETED.search(text):
        # the usual case (normalized text): only spaces, newlines and ZWNJs are dropped, and
        # each counts as a run of its own, so str.split finds them all in C
        t = text.replace("\n", " ") if "\n" in text else text
        if ZWNJ in t:
            t = t.replace(ZWNJ, " ")
        parts = t.split(" ")
        run_keys = list(accumulate(map(len, parts[:-1])))
        keys = _fold("".join(parts))
        return keys, KeyIndex(run_keys, range(len(run_keys) + 1), len(keys))
    parts = _DELETED.split(text)
    if len(parts) == 1:
        return _fold(text), KeyIndex([], [0], len(text))
    run_keys = list(accumulate(map(len, parts[:-1])))
    run_shift = [0, *accumulate(map(len, _DELETED.findall(text)))]
    keys = _fold("".join(parts))
    return keys, KeyIndex(run_keys, run_shift, len(keys))
