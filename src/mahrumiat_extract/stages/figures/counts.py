"""Which numbers count something, and the whole of a number the reader split.

- references count nothing: law articles and numbered things («ماده ۱۶», «سال ۱۴۰۱»), a
  decimal cut by tokenization whose value is unknown («2. 4» with no scale word), a year in a
  range of years («1932 تا 1939»), list numbering, scores («۵ بر سه»), a number glued to the
  word before it («غفوری۶پروژه»);
- a number is read whole when the reader started inside it: «2. 4 میلیون» (2.4 million),
  «یک‌میلیون و ۶۰۰ هزار» (the reader starts at «میلیون»): a span never starts inside a number.
"""

from __future__ import annotations

import re
from fractions import Fraction

from ...text.chars import ZWNJ
from ...text.numbers import NumberLexicon, NumberMatch
from .lexicon import Unit
from .window import Window

__all__ = ["count_of", "is_reference", "whole"]

_LIST_MARKS = ("-", ")", ".", "–", "ـ")
_SPLIT_DECIMAL_RE = re.compile(r"\d\. ?$")
# «2. 4 میلیون»: the integer part of a decimal cut by tokenization, right before the number
_CUT_INTEGER_RE = re.compile(r"(?<![\d.,٫٬])(\d{1,3})\. ?$")
_LEAD_DIGITS_RE = re.compile(r"\d{1,2}(?= )")
_YEAR = r"(?:1[34]\d\d|19\d\d|20\d\d)"
# «1932 تا 1939»: a range of years (the second one is no count of what follows it)
_YEAR_RANGE_RE = re.compile(rf"(?<!\d){_YEAR} *(?:تا|-|–) *$")
_YEAR_RE = re.compile(rf"{_YEAR}$")


def is_reference(win: Window, first: int, after: int) -> bool:
    """Law articles, years, list numbering, scores: numbers that count nothing."""
    lex = win.lex
    if lex.cue("not_before", win.key(first - 1)) and win.gap_ok(first - 1, first):
        return True
    start = win.starts[first]
    if start > 0 and win.text[start - 1].isalpha():
        return True  # «غفوری۶پروژه»: glued to the word before it (a list run together)
    if _SPLIT_DECIMAL_RE.search(win.text, max(0, start - 4), start):
        return True  # «2. 4»: a decimal cut by tokenization, its value unknown
    if _YEAR_RE.match(win.texts[first]) and _YEAR_RANGE_RE.search(
        win.text, max(0, start - 12), start
    ):
        return True  # «1932 تا 1939»: years
    if win.key(after) == "بر" and win.is_number(after + 1):
        return True  # «۵ بر سه»
    line_start = first == 0 or not win.gap_ok(first - 1, first)
    if line_start and win.has(after) and win.texts[after] in _LIST_MARKS:
        return True
    return win.key(first - 1) == "(" and win.key(after) == ")"


def count_of(m: NumberMatch, unit: Unit) -> int | None:
    value = m.value * unit.factor
    if isinstance(value, float):
        if not value.is_integer():
            return None
        value = int(value)
    return value if value > 0 else None


def whole(text: str, m: NumberMatch, lex: NumberLexicon) -> NumberMatch:
    """The whole number when ``m`` starts inside one: a decimal cut by tokenization before a
    scale word («2. 4 میلیون» → 2.4 million), or a number word joined by ZWNJ to its scale
    word («یک‌میلیون و ۶۰۰ هزار», where the reader starts at «میلیون»)."""
    start = m.start
    if start > 0 and text[start - 1] == ZWNJ and m.has_words:
        j = start - 1
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        word = lex.words.get(text[j : start - 1])
        first = text[start : start + 12].split(" ", 1)[0]
        scale = lex.words.get(first.replace(ZWNJ, ""))
        if (
            word is not None
            and scale is not None
            and scale.kind == "scale"
            and word.kind != "scale"
        ):
            value = m.value + (word.value - 1) * scale.value
            return NumberMatch(j, m.end, _plain(value), text[j : m.end], True, m.has_digits)
    if (
        isinstance(m.value, int)
        and m.has_words
        and m.has_digits
        and text[max(0, start - 1)] in ". "
    ):
        cut = _CUT_INTEGER_RE.search(text, max(0, start - 6), start)
        lead = _LEAD_DIGITS_RE.match(m.text)
        if cut and lead and m.value % int(lead.group()) == 0 and int(lead.group()):
            frac = Fraction(int(lead.group()), 10 ** len(lead.group()))
            value = (int(cut.group(1)) + frac) * (m.value // int(lead.group()))
            if value.denominator == 1:
                s0 = cut.start(1)
                return NumberMatch(s0, m.end, int(value), text[s0 : m.end], True, True)
    return m


def _plain(value: float | int | Fraction) -> int | float:
    if isinstance(value, Fraction):
        return int(value) if value.denominator == 1 else float(value)
    return value
