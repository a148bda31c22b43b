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

import re
from dataclasses import dataclass

from .chars import CONTROL_CHARS, DELETE_CHARS, ONE_TO_ONE, ZWNJ
from .offsets import OffsetMap, OffsetMapBuilder
from .zwnj import restore_token, space_join

__all__ = ["Normalized", "normalize"]

_DELETE = re.escape(DELETE_CHARS)
_L = r"\u0621-\u063F\u0641-\u064A\u066E\u066F\u0671-\u06D3\u06FA-\u06FF"
_WORD = rf"[{_L}]+(?:{ZWNJ}[{_L}]+)*"
# Rare edits, each a fast scan: deletions, stray ZWNJs, whitespace runs.
_DEL_RE = re.compile(rf"[{_DELETE}]+")
# a ZWNJ that joins nothing: after a space or at the start, before a space or at the end, or
# doubled (every alternative starts with the ZWNJ itself, so the scan is a fast literal search)
_ZW_RE = re.compile(
    rf"{ZWNJ}(?:(?<=\s{ZWNJ})|(?<=^{ZWNJ})|(?={ZWNJ})|(?=[{_DELETE}{ZWNJ}]*(?:\s|$)))[{_DELETE}{ZWNJ}]*"
)
_WS_RE = re.compile(r"[ \n]{2,}")
_WORD_RE = re.compile(_WORD)
# A single space that may be a lost ZWNJ: before a plural/ezafe/comparative suffix, or after
# می/نمی (literal prefixes, so the scans are fast; the word boundaries are checked in Python).
_SUFFIX_GAP_RE = re.compile(rf" (?=[هات])(?P<r>هایی|های|ها|ایی|ای|ترین|تر)(?![{_L}{ZWNJ}])")
_MI_GAP_RE = re.compile(rf"می (?=[{_L}])")
# The one-to-one table: frequent characters by str.replace (a fast C scan each), and a full
# translate only when one of the rare ones (presentation forms, exotic spaces) is present.
_HOT = tuple(
    (k, v)
    for k, v in ((chr(c), r) for c, r in ONE_TO_ONE.items())
    if k in "يكى۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩\r"
)
_RARE_RE = re.compile(
    "[" + re.escape("".join(chr(c) for c in ONE_TO_ONE if chr(c) not in dict(_HOT))) + "]"
)
_CONTROL = frozenset(CONTROL_CHARS) - {"\n"}
_CONTROL_RE = re.compile("[" + re.escape("".join(sorted(_CONTROL))) + "]")


def _one_to_one(text: str) -> str:
    for k, v in _HOT:
        if k in text:
            text = text.replace(k, v)
    if _RARE_RE.search(text):
        text = text.translate(ONE_TO_ONE)
    return text


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
    t1 = _one_to_one(text)
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in t1
    edits.extend((m.start(), m.end(), "") for m in _DEL_RE.finditer(t1))
    if ZWNJ in t1:
        edits.extend((m.start(), m.end(), "") for m in _ZW_RE.finditer(t1))
    for m in _WS_RE.finditer(t1):
        edits.append((m.start(), m.end(), "\n" if "\n" in m.group() else " "))
    if restore_zwnj:
        edits.extend(_zwnj_edits(t1))
    edits.sort()
    b = OffsetMapBuilder()
    pos = 0
    for s, e, rep in edits:
        if s < pos:
            continue  # overlapping edits cannot happen by construction; be safe
        b.copy(t1[pos:s])
        if len(rep) > e - s > 1:  # a word with ZWNJs inserted: keep the map per character
            _emit_word(b, t1[s:e], rep)
        else:
            b.edit(rep, e - s)
        pos = e
    b.copy(t1[pos:])
    norm_text, omap = b.build()
    return Normalized(text, norm_text, omap, had_control)


def _zwnj_edits(t1: str) -> list[tuple[int, int, str]]:
    """ZWNJ restoration edits: glued words fixed in place, and single spaces made ZWNJs.

    The text is cut at white space in C and each distinct chunk (a word, perhaps with
    punctuation) is examined once while the memo holds it (below); only the words that change are
    located again, so the cost is per new chunk, not per token."""
    out: list[tuple[int, int, str]] = []
    chunks = set(t1.split())
    new = chunks - _SEEN  # set algebra in C: only chunks not seen lately
    if new:
        if len(_SEEN) + len(new) > _SEEN_MAX:
            _new_generation()
            new = chunks  # every chunk of the article is in the new generation
        _learn_chunks(new)
    changed = {w: f for chunk in chunks & _CHUNK_CHANGES.keys() for w, f in _CHUNK_CHANGES[chunk]}
    for w, f in changed.items():
        n = len(w)
        i = t1.find(w)
        while i >= 0:
            before = t1[i - 1] if i else " "
            after = t1[i + n] if i + n < len(t1) else " "
            if not _is_word_char(before) and not _is_word_char(after):
                out.append((i, i + n, f))
            i = t1.find(w, i + n)
    for m in _SUFFIX_GAP_RE.finditer(t1):  # «پروژه ها»: the word before the space
        gap = m.start()
        start = max(t1.rfind(" ", 0, gap), t1.rfind("\n", 0, gap)) + 1
        left = t1[start:gap]
        if left and _WORD_RE.fullmatch(left) and space_join(left, m.group("r")):
            out.append((gap, gap + 1, ZWNJ))
    for m in _MI_GAP_RE.finditer(t1):  # «می کند»: the word after the space
        s = m.start()
        if s >= 1 and t1[s - 1] == "ن":
            s -= 1
        if s and _is_word_char(t1[s - 1]):
            continue  # «اسلامی کشور»: می ends another word
        right = _WORD_RE.match(t1, m.end())
        if right is not None and space_join(t1[s : m.end() - 1], right.group()):
            out.append((m.end() - 1, m.end(), ZWNJ))
    return out


# The memo of _zwnj_edits, in two generations (as the officials' chunk memo): the white-space
# chunks examined lately and the (word, fixed) pairs of those that change. A generation holds
# at most _SEEN_MAX chunks; when it is full it becomes the old one, consulted before a chunk is
# examined again (the frequent chunks come back at a set lookup). Sized to be full within the
# first thousand or so articles, so a batch's memory stays flat however much distinct text it
# reads (issue 16: at 500,000 it grew with the vocabulary, ~10 MB a worker from 5,000 to
# 25,000 distinct corpus articles).
_SEEN: set[str] = set()
_CHUNK_CHANGES: dict[str, tuple[tuple[str, str], ...]] = {}  # chunk -> its (word, fixed) pairs
_SEEN_OLD: set[str] = set()
_CHANGES_OLD: dict[str, tuple[tuple[str, str], ...]] = {}
_SEEN_MAX = 50_000


def _new_generation() -> None:
    """The memo's current generation becomes the old one; the new one starts empty."""
    _SEEN_OLD.clear()
    _SEEN_OLD.update(_SEEN)
    _SEEN.clear()
    _CHANGES_OLD.clear()
    _CHANGES_OLD.update(_CHUNK_CHANGES)
    _CHUNK_CHANGES.clear()


def _learn_chunks(new: set[str]) -> None:
    """Put the chunks ``new`` into the memo's current generation: from the old one where it
    has them, else examined word by word."""
    _SEEN.update(new)
    for chunk in new & _CHANGES_OLD.keys():
        _CHUNK_CHANGES[chunk] = _CHANGES_OLD[chunk]
    for chunk in new - _SEEN_OLD:
        fixes = tuple((w, f) for w in _WORD_RE.findall(chunk) if (f := restore_token(w)) != w)
        if fixes:
            _CHUNK_CHANGES[chunk] = fixes


_WORD_CHAR_RE = re.compile(rf"[{_L}{ZWNJ}]")


def _is_word_char(ch: str) -> bool:
    return _WORD_CHAR_RE.match(ch) is not None


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
