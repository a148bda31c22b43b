"""Tokens of ``doc.work`` for the officials' matcher, with their matching keys.

A word keeps its ZWNJ parts together («رئیس‌جمهور»); punctuation and line breaks are tokens of
their own. A word glued by scraping to an honorific before it («دکترطالبی») is split in two,
and the split is remembered so that the stage can warn (W301).

The tokens of a text are :class:`Tokens`: parallel columns (starts, texts, keys, the glued
indexes) that the matchers read directly; a :class:`Token` is built only when asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import accumulate, compress, repeat
from operator import add as _add
from typing import Any, NamedTuple, cast, overload

import regex

from ...text.chars import MATCH_FOLD
from ...text.keys import match_key
from .lexicon import Lexicon

__all__ = ["Token", "Tokens", "is_word", "tokenize", "tokenize_slow"]

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


_new = tuple.__new__
# whitespace to Python but not to the token pattern: such a text takes the slow path
_ODD_SPACE = regex.compile("[\x1c-\x1f]")


def is_word(tok: Token) -> bool:
    return bool(tok.key) and tok.key[0].isalpha()


class Tokens(Sequence[Token]):
    """The tokens of one text as parallel columns (start, text, key; the glued token
    indexes), a :class:`Token` built only when one is asked for: the matchers read a
    hundred tokens of an article's three hundred, and mostly just their keys."""

    __slots__ = ("glued", "keys", "starts", "texts")

    def __init__(
        self, starts: list[int], texts: list[str], keys: list[str], glued: set[int]
    ) -> None:
        self.starts = starts
        self.texts = texts
        self.keys = keys
        self.glued = glued

    @classmethod
    def of(cls, toks: list[Token]) -> Tokens:
        return cls(
            [t.start for t in toks],
            [t.text for t in toks],
            [t.key for t in toks],
            {i for i, t in enumerate(toks) if t.glued},
        )

    def __len__(self) -> int:
        return len(self.keys)

    @overload
    def __getitem__(self, i: int) -> Token: ...

    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...

    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self.keys)))]
        s = self.starts[i]
        w = self.texts[i]
        if i < 0:
            i += len(self.keys)
        return _new(Token, (s, s + len(w), w, self.keys[i], i in self.glued))

    def __iter__(self) -> Iterator[Token]:
        return map(self.__getitem__, range(len(self.keys)))

    def end(self, i: int) -> int:
        """``self[i].end``."""
        return self.starts[i] + len(self.texts[i])


def tokenize(text: str, lex: Lexicon) -> Tokens:
    """Tokens of ``text`` (normalized offsets), glued honorifics split off.

    A token never crosses whitespace, so the text is cut at its spaces and line breaks by one
    C ``split`` (:func:`_cut`), the chunk offsets summed in C (``accumulate``) and the tokens
    of each chunk form (keys, glued splits) computed once and cached. The usual chunk is one
    token whose key is cached: the columns are the chunks' own lists; only chunks of several
    tokens («گفت:», «(ع)») take Python steps (spliced in place, :func:`_spliced`, or for a
    long text with many of them copied around, :func:`_copied`).
    """
    if _ODD_SPACE.search(text):
        return Tokens.of(tokenize_slow(text, lex))
    table = lex.memo.chunks
    chunks, starts = _cut(text)
    kinds: list[Any] = list(map(table.get, chunks))  # a key or _Several columns
    # one scan for what is no key: a chunk of several tokens, or None (a chunk not learned)
    several = [i for i, k in enumerate(kinds) if k.__class__ is not str]
    new = [i for i in several if kinds[i] is None]
    if new:
        if len(table) > _MAX_CHUNKS:
            # a new generation: the full table becomes the old one, consulted before a
            # chunk is tokenized again (frequent chunks come back at a dict lookup)
            lex.memo.chunks_old = table
            table = lex.memo.chunks = {}
            _learn(chunks, lex)
            kinds = list(map(table.get, chunks))
            several = [i for i, k in enumerate(kinds) if k.__class__ is tuple]
        else:
            # only the new chunks are read again (an article has a few): no second pass
            # over all of them
            _learn([chunks[i] for i in new], lex)
            for i in new:
                kinds[i] = table[chunks[i]]
            several = [i for i in several if kinds[i].__class__ is tuple]
    if not several:
        return Tokens(starts, chunks, kinds, set())  # all keys
    if len(several) * len(kinds) <= _IN_PLACE:
        return _spliced(starts, chunks, kinds, several)
    return _copied(starts, chunks, kinds, several)


# above this many (several chunks x chunks), an in-place splice (each moving the tail of the
# columns) would cost more than copying the columns once: :func:`_copied` takes over
_IN_PLACE = 1 << 17


def _spliced(starts: list[int], chunks: list[str], kinds: list[Any], several: list[int]) -> Tokens:
    """The tokens, each chunk of several tokens (at ``several``) replaced in place by its
    tokens (C slice assignments; each moves the tail, so only for a bounded number of moves,
    :data:`_IN_PLACE`)."""
    glued: set[int] = set()
    off = 0
    for k in several:
        k += off
        rel, texts, keys, g = kinds[k]
        if g:
            glued.update([k + x for x in g])
        pos = starts[k]
        starts[k : k + 1] = [pos + x for x in rel]
        chunks[k : k + 1] = texts
        kinds[k : k + 1] = keys
        off += len(keys) - 1
    return Tokens(starts, chunks, kinds, glued)


def _copied(starts: list[int], chunks: list[str], kinds: list[Any], several: list[int]) -> Tokens:
    """:func:`_spliced` into new columns: the runs between the chunks of several tokens are
    copied by C slices (linear in the text, however many such chunks)."""
    glued: set[int] = set()
    new_starts: list[int] = []
    new_texts: list[str] = []
    new_keys: list[str] = []
    prev = 0
    for k in several:
        new_starts += starts[prev:k]
        new_texts += chunks[prev:k]
        new_keys += kinds[prev:k]  # keys between the several
        rel, texts, keys, g = kinds[k]
        if g:
            base = len(new_keys)
            glued.update([base + x for x in g])
        pos = starts[k]
        new_starts += [pos + x for x in rel]
        new_texts += texts
        new_keys += keys
        prev = k + 1
    new_starts += starts[prev:]
    new_texts += chunks[prev:]
    new_keys += kinds[prev:]
    return Tokens(new_starts, new_texts, new_keys, glued)


def _cut(text: str) -> tuple[list[str], list[int]]:
    """The chunks of ``text`` (the runs between spaces; a line break is a chunk of its own)
    and their starts, by C calls: a split at the spaces, line by line (a line's starts summed
    from where it begins, ``accumulate``'s initial value; an empty line is its break alone)."""
    if "\n" not in text:
        parts = text.split(" ")
        starts = list(accumulate(map(_add, map(len, parts), repeat(1)), initial=0))
        del starts[-1]  # (the start after the last part)
        gaps = not text or text[0] == " " or text[-1] == " " or "  " in text
    else:
        parts = []
        starts = []
        pos = 0
        gaps = "  " in text
        for line in text.split("\n"):
            if line:
                got = line.split(" ")
                at = list(accumulate(map(_add, map(len, got), repeat(1)), initial=pos))
                pos = at[-1]  # the next line's start: the last one is this line's break
                at[-1] = pos - 1
                got.append("\n")
                parts += got
                starts += at
                if line[0] == " " or line[-1] == " ":
                    gaps = True
            else:
                parts.append("\n")
                starts.append(pos)
                pos += 1
        del parts[-1], starts[-1]  # (no line break after the last line)
    if not gaps:  # the usual text: one space between its chunks, none at a line's ends
        return parts, starts
    # runs of spaces, or spaces at a line's ends, leave empty parts
    return list(compress(parts, parts)), list(compress(starts, parts))


# a chunk of several tokens: their starts in the chunk, texts, keys and which are glued
_Several = tuple[tuple[int, ...], tuple[str, ...], tuple[str, ...], tuple[int, ...]]
_Chunk = str | _Several
# ``lex.memo.chunks``: chunk -> its tokens (a plain dict: ``map(get)`` runs in C)
_MAX_CHUNKS = 50_000  # words follow Zipf: a small memo keeps most hits, memory stays flat


def _several(toks: list[tuple[int, int, str, str, bool]]) -> _Several:
    return (
        tuple(t[0] for t in toks),
        tuple(t[2] for t in toks),
        tuple(t[3] for t in toks),
        tuple(i for i, t in enumerate(toks) if t[4]),
    )


def _learn(chunks: list[str], lex: Lexicon) -> None:
    """Remember the tokens of new chunk forms: a chunk of letters (ZWNJ inside allowed) is
    one token; the others go through the token pattern."""
    new = list(dict.fromkeys(chunks))
    table = lex.memo.chunks
    old = lex.memo.chunks_old
    for chunk in new:
        hit = old.get(chunk)
        if hit is not None:
            table[chunk] = hit
        elif (
            _one_word(chunk)
            and (k := _word_key(chunk))
            and (len(k) < 7 or not _split_honorific(chunk, k, lex))
        ):
            table[chunk] = k
        else:
            table[chunk] = _chunk(chunk, lex)


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


def _chunk(chunk: str, lex: Lexicon) -> _Chunk:
    """The tokens of one chunk (a text with no space): the key alone when the chunk is one
    unsplit token, else :data:`_Several` columns (empty for a chunk of whitespace)."""
    if chunk.split() == [chunk]:  # no whitespace at all: its tokens tile it
        return _tile(chunk, lex)
    toks = tokenize_slow(chunk, lex)
    if len(toks) == 1 and not toks[0].glued and toks[0].text == chunk:
        return toks[0].key  # (a chunk with whitespace around its token keeps its offsets)
    return _several([tuple(t) for t in toks])  # type: ignore[misc]


def _tile(chunk: str, lex: Lexicon) -> _Chunk:
    """:func:`_chunk` of a chunk with no whitespace: each token starts where the last ended.
    A token that is a chunk form of the memo («گفت» of «گفت:») is read from it (a token's
    tokens do not depend on what is around it), the others by the token pattern."""
    words = _TOKEN_RE.findall(chunk)
    known = lex.memo.chunks.get
    rel: list[int] = []
    texts: list[str] = []
    keys: list[str] = []
    glued: list[int] = []
    s = 0
    for word in words:
        k = known(word)
        if k is None:
            k = _word_key(word)
            n = None if len(k) < 7 else _split_honorific(word, k, lex)
            if n:
                a, b = word[:n], word[n:]
                k = ((0, n), (a, b), (_word_key(a), _word_key(b)), (0, 1))
        if k.__class__ is str:
            rel.append(s)
            texts.append(word)
            keys.append(k)
        else:  # a glued word split in two
            r, t, ks, g = cast("_Several", k)
            glued += [len(keys) + x for x in g]
            rel += [s + x for x in r]
            texts += t
            keys += ks
        s += len(word)
    if len(keys) == 1 and not glued:
        return keys[0]
    return (tuple(rel), tuple(texts), tuple(keys), tuple(glued))


def tokenize_slow(text: str, lex: Lexicon) -> list[Token]:
    """:func:`tokenize` token by token (any lexicon, any text)."""
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span()
        word = m.group()
        k = _word_key(word)
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
        if head in lex.honorifics and lex.honorifics[head][1] != "polite" and head not in lex.given:
            # (not «امیر»: a given name's first part too, «امیرهوشنگ»)
            rest = _word_key(word[n:])
            known = rest not in lex.common or rest in lex.given  # «دکتر[محسن]»: a given name
            if known and rest not in lex.stop and len(rest) >= 4:
                return n
    return None
