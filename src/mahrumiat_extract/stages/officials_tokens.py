"""Tokens of ``doc.work`` for the officials' matcher, with their matching keys.

A word keeps its ZWNJ parts together («رئیس‌جمهور»); punctuation and line breaks are tokens of
their own. A word glued by scraping to an honorific before it («دکترطالبی») is split in two,
and the split is remembered so that the stage can warn (W301).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import regex

from ..text.keys import match_key
from .officials_lex import Lexicon

__all__ = ["Token", "is_word", "tokenize"]

_TOKEN_RE = regex.compile(r"\n|[\p{L}\p{M}]+(?:\u200c[\p{L}\p{M}]+)*|\d+(?:[.,/٫٬]\d+)*|\S")


class Token(NamedTuple):
    start: int
    end: int
    text: str
    key: str
    glued: bool = False  # split off a glued word


_key = lru_cache(maxsize=200_000)(match_key)  # words repeat: one translate per word form


def is_word(tok: Token) -> bool:
    return bool(tok.key) and tok.key[0].isalpha()


def tokenize(text: str, lex: Lexicon) -> list[Token]:
    """Tokens of ``text`` (normalized offsets), glued honorifics split off."""
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span()
        word = m.group()
        k = _key(word)
        if word == "\n":
            out.append(Token(s, e, word, "\n"))
            continue
        split = _split_honorific(word, k, lex)
        if split:
            n = split
            out.append(Token(s, s + n, word[:n], match_key(word[:n]), glued=True))
            out.append(Token(s + n, e, word[n:], match_key(word[n:]), glued=True))
        else:
            out.append(Token(s, e, word, k))
    return out


_GLUED_VERBS = ("گفت", "افزود")


def _split_honorific(word: str, k: str, lex: Lexicon) -> int | None:
    """Where ``word`` splits: after a glued honorific («دکترطالبی» → 4) or before a glued
    speech verb («صفاری‌نیاگفت» → 9); None when it is one word."""
    if len(k) < 7 or "\u200c" in word or k in lex.common or k in lex.given:
        return None
    for verb in _GLUED_VERBS:
        rest = k[: -len(verb)]
        if k.endswith(verb) and len(rest) >= 4 and word.endswith(verb) and rest not in lex.common:
            return len(word) - len(verb)
    for n in range(3, min(len(word) - 3, 12)):
        head = match_key(word[:n])
        if head in lex.honorifics and lex.honorifics[head][1] != "polite":
            rest = match_key(word[n:])
            if rest not in lex.common and rest not in lex.stop and len(rest) >= 4:
                return n
    return None
