"""Sentence ends: the one splitter every stage uses.

A sentence ends at «.», «!», «?», «؟» or a line break; a «.» between a digit and a digit is a
decimal point («1.5»), not an end. ``clauses=True`` also ends at «؛» (the Persian semicolon
closes a clause: the figures stage reads a count's verb within its clause).
"""

from __future__ import annotations

from bisect import bisect_right

__all__ = ["SENTENCE_END_CHARS", "sentence_at", "sentence_ends"]

#: The characters that end a sentence (a token of one of them is a sentence end).
SENTENCE_END_CHARS = frozenset(".!?؟\n")

_CLAUSE_END_CHARS = (*sorted(SENTENCE_END_CHARS), "؛")


def sentence_ends(text: str, *, clauses: bool = False) -> list[int]:
    """The offsets just after each sentence end of ``text``, in order. Found by a
    ``str.find`` per end character (a regex scan for a character class costs more per
    character of Persian text); the runs of each character come sorted, so the sort merges
    a few runs."""
    n = len(text)
    found = []
    for ch in _CLAUSE_END_CHARS if clauses else _CLAUSE_END_CHARS[:-1]:
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    found.sort()
    # a «.» between two digits is a decimal point («1.5»), no end
    return [
        i + 1
        for i in found
        if text[i] != "."
        or not (0 < i < n - 1 and text[i + 1].isdecimal() and text[i - 1].isdecimal())
    ]


def sentence_at(ends: list[int], pos: int, length: int) -> tuple[int, int]:
    """``(start, end)`` of the sentence holding ``pos``, given :func:`sentence_ends` of a text
    of ``length`` characters."""
    i = bisect_right(ends, pos)
    return (ends[i - 1] if i > 0 else 0), (ends[i] if i < len(ends) else length)
