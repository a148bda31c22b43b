"""The building blocks of the Persian number grammar (:mod:`.numbers` reads numbers with
them): the number words and their values (:class:`NumberLexicon`, ``resources/numbers/``),
digit tokens and their values, the token stream after a position, and the chain that adds
the parts of one number up by place («سیصد و بیست هزار» → 320000)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from itertools import product
from typing import Any

import ahocorasick

from .. import resources
from .chars import ZWNJ

__all__ = ["NumberLexicon", "Value", "parse_digits"]

Value = int | float

_TOKEN_RE = re.compile(
    r"(?P<num>\d+(?:[٫٬,.:/\-]\d+)*)"
    r"|(?P<word>[^\W\d_]+(?:\u200c[^\W\d_]+)*)"
    r"|(?P<other>\S)"
)

@dataclass(frozen=True, slots=True)
class _Word:
    value: Fraction | int
    kind: str  # unit, teen, ten, hundred, scale, fraction


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    kind: str  # num, word, other
    key: str  # word without ZWNJ


@dataclass(frozen=True, slots=True)
class NumberLexicon:
    """Number words and their values, ordinals, counter nouns and the compounds that are no
    numbers («پنج شنبه»): ``resources/numbers/`` (counters also from ``figures/units.tsv``)."""

    words: dict[str, _Word]
    ordinals: frozenset[str]
    counters: frozenset[str]
    fused_any: frozenset[str]
    fused: frozenset[tuple[str, str]]
    start_re: re.Pattern[str]
    word_auto: Any  # every spelling of every number word (ZWNJ or not between letters)

    @classmethod
    def load(cls) -> NumberLexicon:
        return _load()


def _num(s: str) -> Fraction | int:
    if s.isdigit():
        return int(s)
    f = Fraction(s)  # «0.5», «2.3»: exact, so «2.3 میلیون» is 2300000
    return int(f) if f.denominator == 1 else f


def _plain(v: Fraction | int) -> Value:
    if isinstance(v, int):
        return v
    return int(v) if v.denominator == 1 else float(v)


def _load() -> NumberLexicon:
    words = {
        row[0].replace(ZWNJ, ""): _Word(_num(row[1]), row[2])
        for row in resources.read_tsv("numbers/words.tsv")
    }
    ordinals: set[str] = {"سوم", "سومین", "سی‌ام", "سی‌امین", "سیام", "سیامین"}
    for w, info in words.items():
        if info.kind == "fraction" or info.value == 0:
            continue
        ordinals.update({w + "م", w + "مین"})
    ordinals = {o.replace(ZWNJ, "") for o in ordinals}
    counters = set(resources.read_lines("numbers/counters.txt"))
    for row in resources.read_tsv("figures/units.tsv"):
        counters.add(row[0].split()[0].replace(ZWNJ, ""))
    fused_any: set[str] = set()
    fused: set[tuple[str, str]] = set()
    for rule, word, nxt in resources.read_tsv("numbers/not_numbers.tsv"):
        if rule != "next":
            continue
        if word == "*":
            fused_any.add(nxt.replace(ZWNJ, ""))
        else:
            fused.add((word, nxt.replace(ZWNJ, "")))
    alts = "|".join(
        f"{ZWNJ}?".join(re.escape(c) for c in w) for w in sorted(words, key=len, reverse=True)
    )
    first = "".join(sorted({w[0] for w in words}))
    # where a number can start: the definition; find_numbers gets the same hits from
    # word_auto (see _starts)
    start_re = re.compile(rf"\d+|(?=[{first}])(?<![^\W\d_{ZWNJ}])(?:{alts})(?![^\W\d_]|{ZWNJ})")
    auto = ahocorasick.Automaton()
    for w in words:
        for joins in product(("", ZWNJ), repeat=len(w) - 1):
            spelled = w[0] + "".join(j + c for j, c in zip(joins, w[1:]))
            auto.add_word(spelled, len(spelled))
    auto.make_automaton()
    return NumberLexicon(
        words,
        frozenset(ordinals),
        frozenset(counters),
        frozenset(fused_any),
        frozenset(fused),
        start_re,
        auto,
    )


def parse_digits(s: str) -> Value | None:
    """The value of one digit token (ASCII digits with separators), or None when the token
    is not a plain number (time, date, phone, range)."""
    v = _digits(s)
    return None if v is None else _plain(v)


@lru_cache(maxsize=4096)
def _digits(s: str) -> Fraction | int | None:
    if ":" in s or "-" in s:
        return None
    if "/" in s:
        parts = s.split("/")
        if len(parts) != 2 or len(parts[0]) > 3 or len(parts[1]) > 2:
            return None  # a date or a code; a single short slash is the Persian decimal point
        return _num(f"{parts[0]}.{parts[1]}")
    s = s.replace("٬", "")
    if "," in s:
        groups = s.split(",")
        if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
            return None
        s = "".join(groups)
    if "٫" in s:
        if s.count("٫") > 1 or "." in s:
            return None
        s = s.replace("٫", ".")
    if s.count(".") > 1:
        groups = s.split(".")
        if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
            return None
        s = "".join(groups)
    digits = s.replace(".", "")
    if len(digits) > 15 or (len(digits) >= 4 and digits.startswith("0") and "." not in s):
        return None
    return _num(s)


class _Tokens:
    """Tokens of ``text`` from a position on, read lazily (a number needs only a few)."""

    def __init__(self, text: str, pos: int) -> None:
        self._it = _TOKEN_RE.finditer(text, pos)
        self._toks: list[_Tok] = []

    def get(self, i: int) -> _Tok | None:
        while len(self._toks) <= i:
            m = next(self._it, None)
            if m is None:
                return None
            t = m.group()
            self._toks.append(
                _Tok(m.start(), m.end(), t, m.lastgroup or "other", t.replace(ZWNJ, ""))
            )
        return self._toks[i]

    def __getitem__(self, i: int) -> _Tok:
        tok = self.get(i)
        assert tok is not None
        return tok


def _adjacent(text: str, a: _Tok, b: _Tok) -> bool:
    gap = text[a.end : b.start]
    return len(gap) <= 3 and (gap == "" or gap.isspace() or gap == ZWNJ) and "\n" not in gap


def _atom(tok: _Tok, lex: NumberLexicon) -> tuple[Fraction | int, str] | None:
    """Value and kind of a token that can start a number part."""
    if tok.kind == "num":
        v = _digits(tok.text)
        return None if v is None else (v, "digits")
    w = lex.words.get(tok.key) if tok.kind == "word" else None
    return (w.value, w.kind) if w else None


_PLACE = {"unit": 1, "teen": 1, "ten": 10, "fraction": 1, "digits": 1}


class _Chain:
    """Accumulates one number: ``total`` of finished scale groups plus the open ``group``."""

    def __init__(self) -> None:
        self.total: Fraction | int = 0
        self.group: Fraction | int = 0
        self.last: Fraction | int = (
            10**18
        )  # place of the last element: «و» joins smaller parts only
        self.prev_kind = ""

    def add(self, value: Fraction | int, kind: str) -> bool:
        """Add one element; False when it cannot continue this number."""
        if kind == "scale":
            if self.prev_kind == "scale" and self.group == 0:
                if value <= self.total:
                    return False
                self.total *= value  # «هزار میلیارد»
            elif self.total and value > self.total:
                self.total = (self.total + (self.group or 1)) * value
            else:
                self.total += (self.group or 1) * value
            self.group = 0
            self.last = value
        elif kind == "hundred" and value == 100 and self.prev_kind == "unit":
            self.group = self.group * 100  # «دو صد»
            self.last = 100
        else:
            if self.prev_kind and self.prev_kind != "and":
                return False  # two values with no «و» between: two numbers
            self.group += value
            self.last = 100 if kind == "hundred" else _PLACE.get(kind, 1)
        self.prev_kind = kind
        return True

    @property
    def value(self) -> Value:
        return _plain(self.total + self.group)
