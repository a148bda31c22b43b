"""ZWNJ (half-space) restoration where it is safe.

Rules (after hazm's ``Normalizer.token_spacing``/``seperate_mi``, using hazm's word and
verb lists, shipped as generated resources):

- a glued word found in the ZWNJ lexicon: «حاشیهنشین» → «حاشیه‌نشین»;
- the verb prefixes می/نمی before a verb stem: «میکند» → «می‌کند» (never «میز», «میدان»);
- plural ها/های/هایی after a known word: «دستگاههای» → «دستگاه‌های»;
- ای/ایی/اش/ام/ات after a word ending in ه: «محلهای» → «محله‌ای»;
- تر/ترین after an adjective: «بزرگترین» → «بزرگ‌ترین»;
- a space between two parts of one word becomes a ZWNJ: «می کند», «پروژه ها», «محله ای».

A glued word that is itself a known word is left alone.
"""

from __future__ import annotations

from functools import lru_cache

from ..resources import read_lines, read_tsv
from .chars import ZWNJ

__all__ = ["restore_token", "space_join"]

_VERB_ENDINGS = ("", "م", "ی", "د", "یم", "ید", "ند", "ه", "ست", "یده", "ده")
_PLURALS = ("هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "های", "ها")
_H_SUFFIXES = ("ایی", "ای", "اش", "ام", "ات")
_COMPARATIVES = ("ترین", "تر")
_SPACE_SUFFIXES = frozenset({"ها", "های", "هایی", "ای", "ایی", "ترین", "تر"})


@lru_cache(maxsize=1)
def _lex() -> tuple[dict[str, str], frozenset[str], frozenset[str], frozenset[str]]:
    zwnj_words = {row[0]: row[1] for row in read_tsv("zwnj_words.tsv") if len(row) == 2}
    known = frozenset(read_lines("known_words.txt"))
    adjectives = frozenset(read_lines("adjectives.txt"))
    stems = frozenset(read_lines("verb_stems.txt"))
    return zwnj_words, known, adjectives, stems


def _is_verb_rest(rest: str, stems: frozenset[str]) -> bool:
    if len(rest) < 2:
        return False
    for end in _VERB_ENDINGS:
        if end and not rest.endswith(end):
            continue
        stem = rest[: len(rest) - len(end)] if end else rest
        if len(stem) >= 2 and stem in stems:
            return True
    return False


@lru_cache(maxsize=16384)
def restore_token(word: str) -> str:
    """The word with ZWNJs restored, or the word itself when no rule is safe."""
    if len(word) < 4 or ZWNJ in word:
        return word
    zwnj_words, known, adjectives, stems = _lex()
    hit = zwnj_words.get(word)
    if hit is not None:
        return hit
    if word in known:
        return word
    for prefix in ("نمی", "می"):
        if word.startswith(prefix) and _is_verb_rest(word[len(prefix) :], stems):
            return prefix + ZWNJ + word[len(prefix) :]
    for suffix in _PLURALS:
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            if len(stem) >= 2 and (stem in known or stem in zwnj_words):
                return restore_token(stem) + ZWNJ + suffix
    if word.endswith(_H_SUFFIXES):
        for suffix in _H_SUFFIXES:
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and stem.endswith("ه") and stem in known:
                return stem + ZWNJ + suffix
    for suffix in _COMPARATIVES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and stem in adjectives:
            return stem + ZWNJ + suffix
    return word


def space_join(left: str, right: str) -> bool:
    """True when the single space between ``left`` and ``right`` should be a ZWNJ."""
    if left in ("می", "نمی"):
        _, _, _, stems = _lex()
        return _is_verb_rest(right, stems)
    if right in _SPACE_SUFFIXES:
        _, known, adjectives, _ = _lex()
        if right in ("ای", "ایی"):
            return left.endswith("ه") and left in known
        if right in ("تر", "ترین"):
            return left in adjectives
        return left in known and len(left) >= 2
    return False
