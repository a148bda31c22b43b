"""Normalization that keeps a map back to the original text.

``normalize(text)`` returns a :class:`Normalized`: the normalized string plus an
:class:`~.offsets.OffsetMap`. Steps, each a small text→text rule:

1. one-to-one substitutions (Arabic ي ى ك → ی ک, Persian/Arabic-Indic digits → ASCII,
   exotic spaces → space, control characters → space): no edits to the map;
2. deletions: diacritics, tatweel, invisible format characters, stray ZWNJ;
3. whitespace: runs collapsed to one space, or one newline when they hold a line break;
4. ZWNJ restoration where it is safe (see :mod:`.zwnj`).

Digits keep their separators (٫ ٬ , . /), so «۱٫۵», «۲,۸۳۸» and «۱۴۰۱/۰۲/۰۱» stay intact
numbers, unlike hazm's and parsivar's normalizers, which put spaces around them.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .chars import CONTROL_CHARS, DELETE_CHARS, ONE_TO_ONE, ZWNJ
from .offsets import OffsetMap, OffsetMapBuilder
from .zwnj import restore_token, space_join

__all__ = ["Normalized", "normalize"]

_DELETE = regex.escape(DELETE_CHARS)
# One alternation, scanned once: deletions, stray ZWNJs, whitespace runs, Persian words.
_EDIT_RE = regex.compile(
    rf"(?P<del>[{_DELETE}]+)"
    rf"|(?P<zw>{ZWNJ}(?:[{_DELETE}{ZWNJ}]*)(?=[\s]|$)|(?<=^|[\s]){ZWNJ}[{_DELETE}{ZWNJ}]*|{ZWNJ}{{2,}})"
    r"|(?P<ws>[ \n]{2,})"
    r"|(?P<word>[\u0621-\u063F\u0641-\u064A\u066E\u066F\u0671-\u06D3\u06FA-\u06FF]+(?:\u200c[\u0621-\u063F\u0641-\u064A\u066E\u066F\u0671-\u06D3\u06FA-\u06FF]+)*)"
)
_CONTROL = frozenset(CONTROL_CHARS) - {"\n"}


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalized text and its map back to the original."""

    original: str
    text: str
    offsets: OffsetMap
    had_control_chars: bool = False

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalized range ``[start, end)`` to the original text."""
        return self.offsets.span(start, end)

    def original_text(self, start: int, end: int) -> str:
        s, e = self.offsets.span(start, end)
        return self.original[s:e]


def normalize(text: str, *, restore_zwnj: bool = True) -> Normalized:
    """Normalize ``text`` for matching, keeping a map to the original offsets."""
    had_control = bool(_CONTROL_RE.search(text))
    t1 = text.translate(ONE_TO_ONE)
    b = OffsetMapBuilder(text)
    pos = 0
    prev_start = prev_end = -2
    for m in _EDIT_RE.finditer(t1):
        kind = m.lastgroup
        s, e = m.span()
        if kind == "word":
            if not restore_zwnj:
                continue
            word = t1[s:e]
            fixed = restore_token(word)
            join = (
                prev_end == s - 1
                and t1[prev_end] == " "
                and space_join(t1[prev_start:prev_end], word)
            )
            prev_start, prev_end = s, e
            if fixed == word and not join:
                continue  # nothing to change: the copy run goes on
            if join:  # «پروژه ها» → «پروژه‌ها»: the space becomes a ZWNJ
                b.copy(t1[pos : s - 1])
                b.edit(ZWNJ, 1)
            else:
                b.copy(t1[pos:s])
            _emit_word(b, word, fixed)
        else:
            b.copy(t1[pos:s])
            if kind == "ws":
                run = t1[s:e]
                if run == "\n":
                    b.copy(run)
                else:
                    b.edit("\n" if "\n" in run else " ", e - s)
            else:  # deletions and stray ZWNJs
                b.edit("", e - s)
        pos = e
    b.copy(t1[pos:])
    norm_text, omap = b.build()
    return Normalized(text, norm_text, omap, had_control)


_CONTROL_RE = regex.compile("[" + regex.escape("".join(sorted(_CONTROL))) + "]")


def _emit_word(b: OffsetMapBuilder, word: str, fixed: str) -> None:
    """Copy ``word`` as ``fixed``, which differs from it only by inserted ZWNJs."""
    if fixed == word:
        b.copy(word)
        return
    i = 0
    run_start = 0
    for ch in fixed:
        if i < len(word) and word[i] == ch:
            i += 1
            continue
        b.copy(word[run_start:i])  # ch is a ZWNJ inserted before word[i]
        b.edit(ch, 0)
        run_start = i
    b.copy(word[run_start:])
