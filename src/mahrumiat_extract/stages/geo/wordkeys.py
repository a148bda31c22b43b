"""``match_key`` of the short strings the geo stage reads around each name (a word, a few
words), computed the same way but faster: most words of normalized text hold no character the
fold changes, and for them the key is the word lower-cased (``str.translate`` with the fold's
dict costs several microseconds a call; a character-class search, a fraction of that).

These are the keys of :mod:`...text.keys`, not new ones: ``word_key(w) == match_key(w)`` and
``words_key(s) == " ".join(map(match_key, s.split(" ")))`` for every string (tested).
"""

from __future__ import annotations

import re

from ...text.chars import MATCH_FOLD

__all__ = ["word_key", "words_key"]

# the characters the fold maps to something else (or deletes)
_CHANGED = re.compile(
    "[" + re.escape("".join(chr(c) for c, v in MATCH_FOLD.items() if v != chr(c))) + "]"
)
# the fold with the space kept: the keys of several words (joined by spaces) in one call
_FOLD_WORDS = dict(MATCH_FOLD)
_FOLD_WORDS[ord(" ")] = " "
_CHANGED_BUT_SPACE = re.compile(
    "[" + re.escape("".join(chr(c) for c, v in _FOLD_WORDS.items() if v != chr(c))) + "]"
)


def word_key(word: str) -> str:
    """``match_key(word)``."""
    if _CHANGED.search(word) is None:
        return word.lower()
    return word.translate(MATCH_FOLD).lower()


def words_key(words: str) -> str:
    """The match keys of the words of ``words`` (split on single spaces), joined by spaces."""
    if _CHANGED_BUT_SPACE.search(words) is None:
        return words.lower()
    return words.translate(_FOLD_WORDS).lower()
