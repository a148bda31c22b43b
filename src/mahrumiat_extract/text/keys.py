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

__all__ = ["KeyIndex", "key", "key_stream", "match_key", "nth_letter", "spaced_key"]


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


def nth_letter(spaced: str, lo: int, need: int) -> int:
    """The index in ``spaced`` of its ``need``-th character from ``lo`` that is no space
    (0-based; one exists): each turn jumps ``need`` characters and counts the spaces it
    crossed, which are as many characters still to pass, so a span is read about once."""
    while True:
        hi = lo + need
        gaps = spaced.count(" ", lo, hi)
        if not gaps:
            break
        lo, need = hi, gaps
    while spaced[hi] == " ":
        hi += 1
    return hi


class KeyIndex(Sequence[int]):
    """Key index → text index of a :func:`key_stream`: ``index[k]`` is the text index of key
    character ``k``. It keeps the text folded in place with every deleted character made a
    space (``spaced``, as long as the text), so key character ``k`` is the ``k``-th character
    of ``spaced`` that is no space. Most articles look up a few indices (or none), so nothing
    is built per word: the first lookup counts the spaces of each block of the text once (in
    C), and a lookup reads its block only."""

    __slots__ = ("spaced", "_length", "_block_keys")

    def __init__(self, spaced: str, length: int) -> None:
        self.spaced = spaced
        self._length = length  # the length of the key (``spaced`` without its spaces)
        self._block_keys: list[int] | None = None

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, k: int) -> int: ...
    @overload
    def __getitem__(self, k: slice) -> list[int]: ...
    def __getitem__(self, k: int | slice) -> int | list[int]:
        if isinstance(k, slice):
            return [self._at(i) for i in range(*k.indices(self._length))]
        if k < 0:
            k += self._length
        if not 0 <= k < self._length:
            raise IndexError(k)
        return self._at(k)

    def _at(self, k: int) -> int:
        """The text index of key character ``k`` (``0 <= k < len(self)``)."""
        block_keys = self._block_keys
        if block_keys is None:
            block_keys = self._block_keys = self._blocks()
        i = bisect_right(block_keys, k) - 1
        # the key character lies in block ``i`` (the next block starts after it), so this
        # reads one block at most
        return nth_letter(self.spaced, i * _BLOCK, k - block_keys[i])

    def _blocks(self) -> list[int]:
        """The key index of the first character of each block of ``spaced`` that is no space
        (the block's text index minus the spaces before it)."""
        spaced = self.spaced
        starts = range(0, len(spaced), _BLOCK)
        before = accumulate((spaced.count(" ", i, i + _BLOCK) for i in starts), initial=0)
        return [i - n for i, n in zip(starts, before)]

    def runs(self) -> tuple[list[int], range]:
        """The index as runs: ``index[k] == k + shift[bisect_right(run_keys, k)]``, where
        ``run_keys`` holds the key index before which each deleted character stood (one entry
        a deleted character, in order) and ``shift[j] == j``."""
        parts = self.spaced.split(" ")
        run_keys = list(accumulate(map(len, parts[:-1])))
        return run_keys, range(len(run_keys) + 1)


_BLOCK = 256  # text characters a block of the key index counts

# The key stream folds the text in place, one character for one, with every deleted character
# made a space (so it keeps the text's length and offsets), then drops the spaces. Normalized
# text holds few deleted or folded characters: newlines and ZWNJs (made spaces by
# ``str.replace``), hamza and alef forms (``str.replace``), A-Z (a regex); any other deleted
# character is made a space by one regex, any other folded one sends the text through the full
# ``translate``.
_COMMON_FOLDS = tuple(
    (chr(c), v) for c, v in MATCH_FOLD.items() if v is not None and chr(c) in "آأإٱئؤة"
)
_SPACED_FOLD: dict[int, str | None] = {
    c: " " if v is None else v for c, v in MATCH_FOLD.items()
}
_SPACED_FOLD.update({ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})
_RARE_CHARS = "".join(
    chr(c) for c, v in MATCH_FOLD.items() if v is not None and chr(c) not in "آأإٱئؤة"
)
_RARE = re.compile("[" + re.escape(_RARE_CHARS) + "]")
# a character ``translate`` is needed for, or an upper-case Latin letter: one search for both
_RARE_OR_UPPER = re.compile("[" + re.escape(_RARE_CHARS) + "A-Z]")
_UPPER = re.compile("[A-Z]+")
_OTHER_DELETED = re.compile(
    "["
    + re.escape(
        "".join(chr(c) for c, v in MATCH_FOLD.items() if v is None and chr(c) not in " \n" + ZWNJ)
    )
    + "]"
)

# any character but a space, a newline, a ZWNJ or a hamza or alef form that the fold changes
_SPECIAL = re.compile(_OTHER_DELETED.pattern[:-1] + re.escape(_RARE_CHARS) + "A-Z]")


def _lower(m: re.Match[str]) -> str:
    return m.group().lower()


def _fold_spaced(text: str) -> str:
    """Fold a text whose deleted characters are all spaces already, keeping them."""
    if _RARE_OR_UPPER.search(text) is None:
        return _common_folds(text)
    if _RARE.search(text):
        return text.translate(_SPACED_FOLD)
    return _UPPER.sub(_lower, _common_folds(text))


def _common_folds(text: str) -> str:
    """The hamza and alef forms folded (a few ``replace`` calls: faster than ``translate``
    on text that has none or few of them)."""
    for ch, rep in _COMMON_FOLDS:
        if ch in text:
            text = text.replace(ch, rep)
    return text


def spaced_key(text: str) -> str:
    """``text`` folded as :func:`key_stream` folds it, one character for one, with each
    character the key deletes made a space: ``key_stream(text)[0]`` is this without its
    spaces."""
    t = text.replace("\n", " ") if "\n" in text else text
    if ZWNJ in t:
        t = t.replace(ZWNJ, " ")
    if _SPECIAL.search(t) is None:
        # the usual case (one search): no other deleted character, nothing for ``translate``,
        # no upper case; only the hamza and alef forms to fold
        return _common_folds(t)
    if _OTHER_DELETED.search(t):
        t = _OTHER_DELETED.sub(" ", t)
    return _fold_spaced(t)


def key_stream(text: str) -> tuple[str, KeyIndex]:
    """``match_key`` of a whole text (with only A-Z of the cased letters lower-cased) plus, for
    each key character, its index in ``text`` (a :class:`KeyIndex`). A few ``str.replace``
    calls and regex searches in C; no Python loop runs per word or character."""
    spaced = spaced_key(text)
    keys = spaced.replace(" ", "") if " " in spaced else spaced
    return keys, KeyIndex(spaced, len(keys))
