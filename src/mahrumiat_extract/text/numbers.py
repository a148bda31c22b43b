"""Persian numbers in normalized text, with their spans.

``find_numbers(text)`` reads digits with separators («2,838», «2٬838», «2838»), decimals
(«1٫5», «2.5», «2/5»), number words and mixes («یک هزار و 807» → 1807, «2 هزار و 838» →
2838, «386 هزار», «یکصد و بیست» → 120, «دو و نیم میلیون» → 2500000), scale words up to
«هزار میلیارد». Run it on normalized text (:func:`~.normalize.normalize`): digits are ASCII
there and the separators are kept.

Rules (the grammar of Persian numerals):

- «و» joins two parts only when the right part's first element is smaller than the last
  place on the left (a scale word, or the hundred/ten of a word), so «1401 و 1402» are two
  numbers while «سیصد و بیست هزار» is 320000;
- ordinals are not numbers: «دومین», «یکصد و نهمین», «5مین»;
- a lone «یک» is the indefinite article («یک ظرفیت», «یک پروژه ملی»), not a count;
- «ده» (ten / village) and «نه» (nine / no) alone are numbers only before a counter noun;
- a number word fused with the next word is no number («پنج شنبه», «چهار راه»);
- times («21:19»), dates («1401/02/01»), dash-joined digits (phones, ranges) and long
  zero-led digit strings are skipped.

Lexical data (the words, the counters, the compounds) lives in ``resources/numbers/``; the
number words and the pieces of the grammar are in :mod:`.number_words`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from .chars import ZWNJ
from .number_words import (
    NumberLexicon,
    Value,
    _adjacent,
    _atom,
    _Chain,
    _digits,
    _plain,
    _Tok,
    _Tokens,
    _Word,
    parse_digits,
)

__all__ = ["NumberLexicon", "NumberMatch", "find_numbers", "parse_digits", "parse_number"]


_ORDINAL_SUFFIXES = ("مین", "امین", "ام", "م", "ین")
_DIGIT_RUN_RE = re.compile(r"\d\d*")  # «\d+», found faster (sre skips to a first digit)
# the token after a digit token: whitespace, then a digit run, a word or another character
_NEXT_RE = re.compile(r"(\s*)(?:(\d+(?:[٫٬,.:/\-]\d+)*)|([^\W\d_]+(?:\u200c[^\W\d_]+)*)|\S)")
# a digit token, and when a word comes next (after whitespace only): the gap and the word
_DIGITS_WORD_RE = re.compile(r"(\d+(?:[٫٬,.:/\-]\d+)*)(?:(\s*)([^\W\d_]+(?:\u200c[^\W\d_]+)*))?")


@dataclass(slots=True, unsafe_hash=True)
class NumberMatch:
    """A number found in a text: ``text[start:end]`` reads as ``value``. Never assigned to
    (hashable as if frozen; a frozen dataclass's ``__init__`` costs five times as much in pure
    Python, and a text has one per number)."""

    start: int
    end: int
    value: Value
    text: str
    has_words: bool = False
    has_digits: bool = False


def _starts(text: str, lex: NumberLexicon) -> tuple[list[int], list[int]]:
    """The starts of ``lex.start_re.finditer(text)``, found faster: (starts, ends of the
    number words, 0 for digit runs). Digit runs by a plain regex; number words by the
    automaton, counted when no letter is right before them (ZWNJ may be) and no letter or
    ZWNJ right after them («[^\\W\\d_]» is ``isalnum`` and not ``isdecimal``); of words
    ending together («یک‌صد», «صد») the first one wins, as in a left-to-right regex scan."""
    n = len(text)
    words: list[tuple[int, int]] = []
    for end, length in lex.word_auto.iter(text):
        p, q = end - length + 1, end + 1
        if p > 0:
            c = text[p - 1]
            if c.isalnum() and not c.isdecimal():
                continue
        if q < n:
            c = text[q]
            if c == ZWNJ or (c.isalnum() and not c.isdecimal()):
                continue
        words.append((p, q))
    starts = [m.start() for m in _DIGIT_RUN_RE.finditer(text)]
    ends = [0] * len(starts)
    if words:
        words.sort()
        found = list(zip(starts, ends))
        last = -1
        for p, q in words:
            if p >= last:
                found.append((p, q))
                last = q
        found.sort()
        starts = [x for x, _ in found]
        ends = [y for _, y in found]
    return starts, ends


def _is_ordinal_word(tok: _Tok, lex: NumberLexicon) -> bool:
    return tok.kind == "word" and tok.key in lex.ordinals


def _ordinal_suffix(text: str, tok: _Tok, nxt: _Tok | None) -> bool:
    """Digits glued to an ordinal suffix: «5مین», «10ام»."""
    return (
        nxt is not None
        and nxt.start == tok.end
        and nxt.kind == "word"
        and nxt.key in _ORDINAL_SUFFIXES
    )


def _read(
    text: str, toks: _Tokens, i: int, lex: NumberLexicon, *, context: bool = True
) -> tuple[int, NumberMatch | None]:
    """Read the number starting at token ``i``: (index after it, the match or None)."""
    if _atom(toks[i], lex) is None:
        return i + 1, None
    chain = _Chain()
    j = i
    last_tok = i
    ordinal = False
    while (tok := toks.get(j)) is not None:
        if j > i and not _adjacent(text, toks[j - 1], tok):
            break
        if tok.kind == "word" and tok.key == "و" and j > i:
            if toks.get(j + 1) is None or not _adjacent(text, tok, toks[j + 1]):
                break
            if _is_ordinal_word(toks[j + 1], lex):
                ordinal = True  # «یکصد و نهمین»
                last_tok = j + 1
                break
            atom = _atom(toks[j + 1], lex)
            if atom is None or atom[1] == "scale" or atom[0] >= chain.last:
                break
            chain.prev_kind = "and"
            j += 1
            continue
        atom = _atom(tok, lex)
        if atom is None:
            if _is_ordinal_word(tok, lex) and j > i:
                ordinal = True  # «بیست دومین»? rare, but never a count
                last_tok = j
            break
        if atom[1] == "fraction" and chain.prev_kind != "and":
            break
        if not chain.add(*atom):
            break
        last_tok = j
        j += 1
    end_tok = toks[last_tok]
    nxt = toks.get(last_tok + 1)
    if ordinal or (end_tok.kind == "num" and _ordinal_suffix(text, end_tok, nxt)):
        return last_tok + 1, None
    used = [toks[k] for k in range(i, last_tok + 1)]
    words = [t for t in used if t.kind == "word" and t.key != "و"]
    if context and not _keep(used, nxt, text, lex):
        return last_tok + 1, None
    start, end = toks[i].start, end_tok.end
    m = NumberMatch(
        start,
        end,
        chain.value,
        text[start:end],
        has_words=bool(words),
        has_digits=any(t.kind == "num" for t in used),
    )
    return last_tok + 1, m


def _keep(used: list[_Tok], nxt: _Tok | None, text: str, lex: NumberLexicon) -> bool:
    """:func:`_context_keeps` for the tokens ``used`` by a number and the token after it."""
    last = used[-1]
    nxt_key = (
        nxt.key if nxt is not None and nxt.kind == "word" and _adjacent(text, last, nxt) else ""
    )
    key = last.key if last.kind == "word" else ""
    return _context_keeps(key, nxt_key, lex, alone=len(used) == 1)


def _context_keeps(key: str, nxt_key: str, lex: NumberLexicon, *, alone: bool) -> bool:
    """The contextual filters (the one copy): is a number kept whose last word is ``key``
    ("" when it ends in digits) and whose next word (adjacent) is ``nxt_key`` ("" if none)?
    A number word fused with the next word is no number («پنج شنبه»); a number of one word
    (``alone``) that is «یک» is the indefinite article; «ده»/«نه» alone are numbers only
    before a counter noun."""
    if key and nxt_key and (nxt_key in lex.fused_any or (key, nxt_key) in lex.fused):
        return False
    if alone:
        if key == "یک":
            return False
        if key in ("ده", "نه"):
            return nxt_key in lex.counters
    return True


def _read_digits(
    text: str, start: int, lex: NumberLexicon, context: bool
) -> tuple[int, NumberMatch | None] | None:
    """:func:`_read` for a digit token that no number word, «و» or digit group follows:
    (position after what was read, the match or None); None for the other cases."""
    t = _DIGITS_WORD_RE.match(text, start)
    assert t is not None
    digits, gap, word = t.groups()
    end = start + len(digits)
    v = _digits(digits)
    if v is None:
        return end, None
    # the next token is a word, adjacent (the gap is whitespace)
    if word is not None and len(gap) <= 3 and "\n" not in gap:
        key = word.replace(ZWNJ, "")
        info = lex.words.get(key)
        if info is not None and info.kind == "scale":
            return _read_digits_scale(text, start, t.end(), v, key, info, lex, context)
        if key == "و" or info is not None:
            return None  # «5 و 6», «2 نیم»: the full reader
        if key in lex.ordinals:
            return t.end(), None  # «5 مین»? an ordinal, never a count
        if not gap and key in _ORDINAL_SUFFIXES:
            return end, None  # «5مین»
    value = v if isinstance(v, int) else _plain(v)
    return end, NumberMatch(start, end, value, digits, False, True)


def _read_digits_scale(
    text: str,
    start: int,
    end: int,
    v: Fraction | int,
    key: str,
    info: _Word,
    lex: NumberLexicon,
    context: bool,
) -> tuple[int, NumberMatch | None] | None:
    """:func:`_read` for digits and one scale word («2 هزار», «830 میلیارد») that no number
    word or «و» follows; None for the other cases."""
    nxt_key = ""
    nxt = _NEXT_RE.match(text, end)
    if nxt is not None:
        gap = nxt.group(1)
        if len(gap) <= 3 and "\n" not in gap:
            word = nxt.group(3)
            if word:
                nxt_key = word.replace(ZWNJ, "")
                if nxt_key == "و" or nxt_key in lex.words:
                    return None  # «2 هزار و 838», «33 هزار میلیارد»
                if nxt_key in lex.ordinals:
                    return nxt.end(), None
    if context and not _context_keeps(key, nxt_key, lex, alone=False):
        return end, None
    value = _plain((v or 1) * info.value)
    return end, NumberMatch(start, end, value, text[start:end], True, True)


def _read_word(
    text: str, start: int, end: int, lex: NumberLexicon, context: bool
) -> tuple[int, NumberMatch | None] | None:
    """:func:`_read` (with :func:`_keep`) for a number word that no number word, «و» or
    digits follow; None for the other cases."""
    word = text[start:end]
    key = word.replace(ZWNJ, "")
    info = lex.words[key]
    if info.kind == "fraction":
        return end, None  # «نیم» alone: no number
    nxt_key = ""
    nxt = _NEXT_RE.match(text, end)
    if nxt is not None:
        gap = nxt.group(1)
        if len(gap) <= 3 and "\n" not in gap:  # adjacent (the gap is whitespace)
            if nxt.group(2):
                return None  # «دو 3»: the full reader
            nword = nxt.group(3)
            if nword:
                nxt_key = nword.replace(ZWNJ, "")
                if nxt_key == "و" or nxt_key in lex.words:
                    return None  # «سه هزار», «بیست و پنج»
                if nxt_key in lex.ordinals:
                    return nxt.end(), None
    if context and not _context_keeps(key, nxt_key, lex, alone=True):
        return end, None  # «پنج شنبه», the indefinite «یک», «ده» before no counter
    return end, NumberMatch(start, end, _plain(info.value), word, True, False)


def find_numbers(
    text: str, *, context: bool = True, lex: NumberLexicon | None = None
) -> list[NumberMatch]:
    """Every number in ``text`` (normalized), left to right, with its span and value.

    With ``context=False`` the contextual filters (indefinite «یک», «ده»/«نه», fused
    compounds) are off: for reading a text that is known to be a number. ``lex``: the number
    words (``Resources.numbers``; the shipped ones by default)."""
    if lex is None:
        lex = _shipped()
    out: list[NumberMatch] = []
    pos = 0
    starts, ends = _starts(text, lex)
    for start, word_end in zip(starts, ends):
        if start < pos:
            continue
        if start > 0 and text[start - 1].isdigit():
            continue  # inside a digit run already read or skipped
        if not word_end and start > 0 and text[start - 1] in "-/:":
            continue  # the tail of «021-1234» or «12/05/1401»
        # most numbers are one digit token or one word: read without a token stream
        if word_end:
            fast = _read_word(text, start, word_end, lex, context)
        else:
            fast = _read_digits(text, start, lex, context)
        if fast is not None:
            pos, m = fast
            if m is not None:
                out.append(m)
            continue
        toks = _Tokens(text, start)
        first = toks.get(0)
        if first is None:
            break
        if first.kind == "word" and lex.words[first.key].kind == "fraction":
            pos = first.end
            continue
        n, m = _read(text, toks, 0, lex, context=context)
        if m is not None:
            out.append(m)
        pos = toks[max(n - 1, 0)].end
    return out


@lru_cache(maxsize=1)
def _shipped() -> NumberLexicon:
    """The shipped number words, for callers outside a pipeline (``parse_number``, dates)."""
    return NumberLexicon.load()


def parse_number(text: str) -> Value | None:
    """The value of ``text`` when all of it is one number, else None."""
    found = find_numbers(text.strip(), context=False)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text.strip()):
        return found[0].value
    return None
