"""Tokens of ``doc.work`` for the officials' matcher, with their matching keys.

A word keeps its ZWNJ parts together («رئیس‌جمهور»); punctuation and line breaks are tokens of
their own. A word glued by scraping to an honorific before it («دکترطالبی») is split in two,
and the split is remembered so that the stage can warn (W301).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import accumulate, compress, count, repeat
from operator import add as _add
from operator import is_
from typing import NamedTuple

import re

import regex

from ..text.chars import MATCH_FOLD
from ..text.keys import match_key
from .officials_lex import Lexicon, lexicon

__all__ = ["Token", "is_word", "tokenize", "tokenize_slow"]

_TOKEN_RE = regex.compile(r"\n|[\p{L}\p{M}]+(?:\u200c[\p{L}\p{M}]+)*|\d+(?:[.,/٫٬]\d+)*|\S")


class Token(NamedTuple):
    start: int
    end: int
    text: str
    key: str
    glued: bool = False  # split off a glued word


# ``match_key`` is a dict ``translate``, a dict lookup per character; most words have no
# character it folds, and for them it is ``str.lower``
_FOLDED = re.compile("[" + "".join(re.escape(chr(c)) for c in MATCH_FOLD) + "]")


def _word_key(word: str) -> str:
    """``match_key(word)``, cheaply when nothing in ``word`` is folded."""
    return match_key(word) if _FOLDED.search(word) else word.lower()


_key = lru_cache(maxsize=200_000)(_word_key)  # words repeat: one fold per word form
_new = tuple.__new__
# whitespace to Python but not to the token pattern: such a text takes the slow path
_ODD_SPACE = regex.compile("[\x1c-\x1f]")


def is_word(tok: Token) -> bool:
    return bool(tok.key) and tok.key[0].isalpha()


def tokenize(text: str, lex: Lexicon) -> list[Token]:
    """Tokens of ``text`` (normalized offsets), glued honorifics split off.

    A token never crosses whitespace, so the text is cut at its spaces by one C ``split``,
    the chunk offsets summed in C (``accumulate``) and the tokens of each chunk form (keys,
    glued splits, line breaks) computed once and cached. The usual chunk is one token,
    built in C (``map``); only chunks of several tokens («گفت:», «...\nبه») take Python
    steps.
    """
    if lex is not lexicon() or _ODD_SPACE.search(text):
        return tokenize_slow(text, lex)
    parts = text.split(" ")
    starts = list(accumulate(map(_add, map(len, parts), repeat(1)), initial=0))
    chunks = list(compress(parts, parts))  # runs of spaces leave empty parts
    starts = list(compress(starts, parts))
    kinds = list(map(_CHUNKS.get, chunks))
    if None in kinds:
        if len(_CHUNKS) > _MAX_CHUNKS:
            _CHUNKS.clear()
            _learn(chunks)
        else:
            _learn(list(compress(chunks, map(is_, kinds, repeat(None)))))
        kinds = list(map(_CHUNKS.get, chunks))
    ends = map(_add, starts, map(len, chunks))
    simple = list(map(_new, repeat(Token), zip(starts, ends, chunks, kinds, repeat(False))))
    several = list(compress(count(), map(isinstance, kinds, repeat(tuple))))
    if not several:
        return simple
    out: list[Token] = []
    done = 0
    for k in several:
        out += simple[done:k]
        pos = starts[k]
        several_toks = kinds[k]
        assert isinstance(several_toks, tuple)
        out += [_new(Token, (pos + s, pos + e, w, key, g)) for s, e, w, key, g in several_toks]
        done = k + 1
    out += simple[done:]
    return out


_Chunk = str | tuple[tuple[int, int, str, str, bool], ...]
_CHUNKS: dict[str, _Chunk] = {}  # chunk -> its tokens (a plain dict: ``map(get)`` runs in C)
_MAX_CHUNKS = 200_000


def _learn(chunks: list[str]) -> None:
    """Cache the tokens of new chunk forms: a chunk of letters (ZWNJ inside allowed) is one
    token; the others go through the token pattern."""
    new = list(dict.fromkeys(chunks))
    lex = lexicon()
    for chunk in new:
        if _one_word(chunk) and (k := _word_key(chunk)) and (len(k) < 7 or not _split_honorific(chunk, k, lex)):
            _CHUNKS[chunk] = k
        else:
            _chunk(chunk)


def _one_word(chunk: str) -> bool:
    """Is ``chunk`` letters only, or letter runs joined by single ZWNJs (one word token)?"""
    if chunk.isalpha():
        return True
    return (
        chunk[0] != "\u200c"
        and chunk[-1] != "\u200c"
        and "\u200c\u200c" not in chunk
        and chunk.replace("\u200c", "").isalpha()
    )


def _chunk(chunk: str) -> _Chunk:
    """The tokens of one chunk (a text with no space) under the default lexicon: the key
    alone when the chunk is one unsplit token, else (start, end, text, key, glued) per
    token (none for a chunk of whitespace)."""
    found: _Chunk
    if chunk.split() == [chunk]:  # no whitespace at all: its tokens tile it
        found = _tile(chunk)
    else:
        toks = tokenize_slow(chunk, lexicon())
        if len(toks) == 1 and not toks[0].glued:
            found = toks[0].key
        else:
            found = tuple(tuple(t) for t in toks)  # type: ignore[misc]
    _CHUNKS[chunk] = found
    return found


def _tile(chunk: str) -> _Chunk:
    """:func:`_chunk` of a chunk with no whitespace: each token starts where the last ended."""
    lex = lexicon()
    out: list[tuple[int, int, str, str, bool]] = []
    s = 0
    for word in _TOKEN_RE.findall(chunk):
        e = s + len(word)
        k = _key(word)
        n = None if len(k) < 7 else _split_honorific(word, k, lex)
        if n:
            out.append((s, s + n, word[:n], _word_key(word[:n]), True))
            out.append((s + n, e, word[n:], _word_key(word[n:]), True))
        else:
            out.append((s, e, word, k, False))
        s = e
    if len(out) == 1 and not out[0][4]:
        return out[0][3]
    return tuple(out)


def tokenize_slow(text: str, lex: Lexicon) -> list[Token]:
    """:func:`tokenize` token by token (any lexicon, any text)."""
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
        head = _word_key(word[:n])
        if head in lex.honorifics and lex.honorifics[head][1] != "polite":
            rest = _word_key(word[n:])
            if rest not in lex.common and rest not in lex.stop and len(rest) >= 4:
                return n
    return None
