"""The keys of several short words at once for the geo stage (``words_key``), computed as
:func:`...text.keys.match_key` computes one word's key (its fast path for text the fold does
not change): ``words_key(s) == " ".join(map(match_key, s.split(" ")))`` for every string
(tested).
"""

from __future__ import annotations

import re

from ...text.chars import MATCH_FOLD

__all__ = ["words_key"]

# the fold with the space kept: the keys of several words (joined by spaces) in one call
_FOLD_WORDS = dict(MATCH_FOLD)
_FOLD_WORDS[ord(" ")] = " "
_CHANGED_BUT_SPACE = re.compile(
    "[" + re.escape("".join(chr(c) for c, v in _FOLD_WORDS.items() if v != chr(c))) + "]"
)


def words_key(words: str) -> str:
    """The match keys of the words of ``words`` (split on single spaces), joined by spaces."""
    if _CHANGED_BUT_SPACE.search(words) is None:
        return words.lower()
    return words.translate(_FOLD_WORDS).lower()
