"""A piecewise map from normalized-text offsets back to original-text offsets.

The normalized text is built from the original by copying runs of characters unchanged
(1:1, possibly with per-character substitutions such as ي → ی) and by a few edits that
replace ``k`` original characters with ``m`` normalized ones (deleting a diacritic,
collapsing a run of spaces, inserting a ZWNJ). Only edits are stored, so the map of an
article with no edits is one segment, whatever its length.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

__all__ = ["OffsetMap", "OffsetMapBuilder"]


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Segments ``(norm_start, orig_start, norm_len, orig_len, copy)`` covering the text.

    A copy segment has ``norm_len == orig_len`` and maps linearly; an edit segment maps
    every offset inside it to its whole original range.
    """

    norm_starts: tuple[int, ...]
    orig_starts: tuple[int, ...]
    norm_lens: tuple[int, ...]
    orig_lens: tuple[int, ...]
    copies: tuple[bool, ...]
    norm_length: int
    orig_length: int

    def _segment(self, i: int) -> int:
        return bisect_right(self.norm_starts, i) - 1

    def start(self, i: int) -> int:
        """Original offset where normalized character ``i`` begins."""
        if i >= self.norm_length:
            return self.orig_length
        s = self._segment(i)
        if self.copies[s]:
            return self.orig_starts[s] + (i - self.norm_starts[s])
        return self.orig_starts[s]

    def end(self, j: int) -> int:
        """Original offset just after normalized character ``j - 1`` (an exclusive end)."""
        if j <= 0:
            return 0
        s = self._segment(j - 1)
        if self.copies[s]:
            return self.orig_starts[s] + (j - self.norm_starts[s])
        return self.orig_starts[s] + self.orig_lens[s]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalized half-open range ``[start, end)`` to the original text."""
        if end <= start:
            o = self.start(start)
            return o, o
        return self.start(start), self.end(end)


@dataclass(slots=True)
class OffsetMapBuilder:
    """Builds a normalized string and its :class:`OffsetMap` piece by piece."""

    _parts: list[str] = field(default_factory=list)
    _segs: list[tuple[int, int, int, int, bool]] = field(default_factory=list)
    _norm_pos: int = 0
    _orig_pos: int = 0

    def copy(self, text: str) -> None:
        """Append ``text``, which stands for the same number of original characters."""
        if not text:
            return
        n = len(text)
        if self._segs and self._segs[-1][4]:
            ns, os_, nl, ol, _ = self._segs[-1]
            self._segs[-1] = (ns, os_, nl + n, ol + n, True)
        else:
            self._segs.append((self._norm_pos, self._orig_pos, n, n, True))
        self._parts.append(text)
        self._norm_pos += n
        self._orig_pos += n

    def edit(self, text: str, orig_len: int) -> None:
        """Append ``text`` standing for the next ``orig_len`` original characters."""
        if not text and not orig_len:
            return
        self._segs.append((self._norm_pos, self._orig_pos, len(text), orig_len, False))
        self._parts.append(text)
        self._norm_pos += len(text)
        self._orig_pos += orig_len

    def build(self) -> tuple[str, OffsetMap]:
        segs = [s for s in self._segs if s[2] > 0] or [(0, 0, 0, 0, True)]
        omap = OffsetMap(
            norm_starts=tuple(s[0] for s in segs),
            orig_starts=tuple(s[1] for s in segs),
            norm_lens=tuple(s[2] for s in segs),
            orig_lens=tuple(s[3] for s in segs),
            copies=tuple(s[4] for s in segs),
            norm_length=self._norm_pos,
            orig_length=self._orig_pos,
        )
        return "".join(self._parts), omap
