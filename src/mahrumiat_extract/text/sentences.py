"""Sentence ends: the one splitter every stage uses.

A sentence ends at «.», «!», «?», «؟» or a line break; a «.» between a digit and a digit is a
decimal point («1.5»), not an end. ``clauses=True`` also ends at «؛» (the Persian semicolon
closes a clause: the figures stage reads a count's verb within its clause).
"""

from __future__ import annotations

import re
from bisect import bisect_right

__all__ = ["SENTENCE_END_CHARS", "sentence_at", "sentence_ends"]

#: The characters that end a sentence (a token of one of them is a sentence end).
SENTENCE_END_CHARS = frozenset(".!?؟\n")

_END_RE = re.compile(r"[.!?؟\n]")
_CLAUSE_END_RE = re.compile(r"[.!?؟\n؛]")


def sentence_ends(text: str, *, clauses: bool = False) -> list[int]:
    """The offsets just after each sentence end of ``text``, in order."""
    n = len(text)
    rx = _CLAUSE_END_RE if clauses else _END_RE
    return [
        m.end()
        for m in rx.finditer(text)
        if not (
            m.group() == "."
            and 0 < m.start()
            and m.end() < n
            and text[m.end()].isdecimal()
            and text[m.start() - 1].isdecimal()
        )
    ]


def sentence_at(ends: list[int], pos: int, length: int) -> tuple[int, int]:
    """``(start, end)`` of the sentence holding ``pos``, given :func:`sentence_ends` of a text
    of ``length`` characters."""
    i = bisect_right(ends, pos)
    return (ends[i - 1] if i > 0 else 0), (ends[i] if i < len(ends) else length)
