"""Locating items in the article text for error listings: the first mention of a predicted
item in context, and a gold name or number found in the text (``evaluate --errors``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import regex

from ..text.keys import key_stream, match_key

__all__ = ["Finder", "Mentions", "context", "dedupe"]

#: Characters of context shown either side of a mention in error listings.
CONTEXT = 30


class Mentions:
    """The first mention of an item, in context when the article text is known."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __call__(self, mentions: Sequence[Any]) -> tuple[str | None, int | None]:
        if not mentions:
            return None, None
        span = min(mentions, key=lambda s: s.start)
        if self.text[span.start : span.end] != span.text:
            return span.text, span.start
        return context(self.text, span.start, span.end), span.start


def context(text: str, start: int, end: int) -> str:
    left = text[max(0, start - CONTEXT) : start]
    right = text[end : end + CONTEXT]
    return " ".join(f"…{left}[{text[start:end]}]{right}…".split())


def dedupe(items: list[Any]) -> list[Any]:
    seen: set[str] = set()
    out: list[Any] = []
    for it in items:
        if it.key and it.key not in seen:
            seen.add(it.key)
            out.append(it)
    return out


class Finder:
    """Locates a gold name or number in the article to show it in ``--errors``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._stream: tuple[str, Any] | None = None

    def _ks(self) -> tuple[str, Any]:
        if self._stream is None:
            self._stream = key_stream(self.text)
        return self._stream

    def _snippet(self, pos: int, length: int) -> tuple[str | None, int | None]:
        idx = self._ks()[1]
        start, end = idx[pos], idx[pos + length - 1] + 1
        return context(self.text, start, end), start

    def name(self, name: str) -> tuple[str | None, int | None]:
        if not self.text:
            return None, None
        needle = match_key(name)
        pos = self._ks()[0].find(needle) if needle else -1
        return self._snippet(pos, len(needle)) if pos >= 0 else (None, None)

    def number(self, count: int) -> tuple[str | None, int | None]:
        if not self.text:
            return None, None
        m = regex.search(_number_pattern(count), self._ks()[0])
        return self._snippet(m.start(), m.end() - m.start()) if m else (None, None)


def _number_pattern(count: int) -> str:
    digits = str(abs(count))
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    alts = ["[,٬.]?".join(groups)]
    for scale, word in ((1_000_000_000, "میلیارد"), (1_000_000, "میلیون"), (1000, "هزار")):
        if count >= scale and count % scale == 0:
            alts.append(f"{count // scale}{word}")
            break
    return r"(?<![\d.,٬])(?:" + "|".join(alts) + r")(?![\d])"
