"""The article a figure is read in, and the window of tokens around one number.

:class:`Article` holds what is found once per article (the numbers' starts, the sentence
ends, the places in text order) or once per clause of a figure (the anchor words, the status
and period matches: most of an article's clauses hold no figure): the rules read it and keep
their memo tables on it, so nothing outlives the call.

:class:`Window` is the tokens of the sentence around one number, as parallel lists built by
one ``findall`` (no object per token): ``starts``, ``ends``, ``texts``, ``keys`` (ZWNJ
removed), ``kinds`` (num, word, punct) and ``gaps`` (the whitespace before each token, with
the token: only its line breaks are read, and a token holds none). A window is made for one
number by :func:`window_around` and never moves; the only thing that changes in it is that
the part of its sentence past the first cut is tokenized when a rule first reads there
(:meth:`Window.has`, which only appends to the lists), which no rule can see.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate
from operator import sub
from typing import Any

from ...doc import Doc, GeoHit
from ...text.chars import ZWNJ
from ...text.numbers import NumberMatch
from ...text.sentences import sentence_at, sentence_ends
from .lexicon import FiguresLexicon

__all__ = ["MI_KEYS", "Article", "Window", "tense", "window_around"]

# whitespace and a token (a word or a digit run; else one character), as one string: no
# group (findall builds no tuple per token); the token is the string without its leading
# whitespace, and its first character says its kind. Possessive: no part of a token is ever
# given back (the tests' plain pattern gives the same)
_TOKEN_WS_RE = re.compile(
    r"\s*+(?:[^\W\d_]++(?:\u200c[^\W\d_]++)*+|\d++(?:[٫٬,.:/\-]\d++)*+|\S)"
)
# up to four words after a number: the first, then the rest (all optional: the first word
# of the whole pattern is never given back, so reading it alone first changes nothing)
_FIRST_WORD = r"(?:[ \u200c]*([^\W\d_]+(?:\u200c[^\W\d_]+)*|%))"
_MORE_WORDS = (
    r"(?:[ \u200c]+([^\W\d_]+(?:\u200c[^\W\d_]+)*))?"
    r"(?:[ \u200c]+([^\W\d_]+))?(?:[ \u200c]+([^\W\d_]+(?:\u200c[^\W\d_]+)*))?"
)
_FIRST_WORD_RE = re.compile(_FIRST_WORD)
_MORE_WORDS_RE = re.compile(_MORE_WORDS)
_QUOTES = "«»\"'()"
_PRESENT = "می\u200c"
_NEGATIVE = "نمی\u200c"
MI_KEYS = ("می", "نمی")  # the keys of «می‌X», «نمی‌X» (ZWNJ removed): a verb may start so
_FIRST_PART = 60  # characters after the number tokenized at once (most rules look closer)
_NEXT_PART = 40  # characters tokenized at once when a rule reads past what is read
_BACK = 70  # characters before the number tokenized first (the full window reaches 120)
_LOOK_BACK = 9  # tokens before a number the rules read (window_has from first - 8)


class Article:
    """One article's text and the indexes the figure rules share, found on first use.

    The ``memo`` dict is the rules' per-article memo table (status and period matches, by
    clause)."""

    def __init__(self, doc: Doc, lex: FiguresLexicon, numbers: list[NumberMatch]) -> None:
        self.doc = doc
        self.text = doc.work
        self.lex = lex
        self.num_starts = {m.start for m in numbers}
        self.num_at_end = {m.end: m.start for m in numbers}  # a number's end -> its start
        self.memo: dict[str, Any] = {}
        self._ends: list[int] | None = None
        self._sentences: dict[int, tuple[int, int]] = {}
        self._geo: list[GeoHit] | None = None
        self.geo_starts: list[int] = []
        self.geo_len = 0
        self._anchors: dict[tuple[int, int], tuple[list[int], list[tuple[int, int]]]] = {}

    def sentence(self, pos: int) -> tuple[int, int]:
        """The clause (``sentence_ends(clauses=True)``) around ``pos``."""
        found = self._sentences.get(pos)
        if found is None:
            ends = self._ends
            if ends is None:
                ends = self._ends = sentence_ends(self.text, clauses=True)
            found = self._sentences[pos] = sentence_at(ends, pos, len(self.text))
        return found

    def clause_of(self, start: int, end: int) -> tuple[int, int]:
        """The clause holding ``[start, end)``: from its start's clause to its end's (a number
        cut by a sentence end, «2. 4 میلیون», is read whole)."""
        s, e = self.sentence(start)
        return (s, e) if end <= e else (s, self.sentence(end - 1)[1])

    def anchored(self, bit: int, lo: int, hi: int, sent: tuple[int, int]) -> bool:
        """A word of the anchor list ``bit`` (``lex.anchor_bits``) lies whole in ``[lo, hi)``
        (a range of the clause ``sent``): without one no phrase of that list matches there."""
        return bool(self.anchor_mask(lo, hi, sent) & bit)

    def anchor_mask(self, lo: int, hi: int, sent: tuple[int, int]) -> int:
        """The bits (``lex.anchor_bits``) of the anchor lists that have a word lying whole in
        ``[lo, hi)``, a range of the clause ``sent``. The words are found once per clause
        (the clauses of figures only, not the article): those lying whole in the clause are
        all that can lie whole in a range of it."""
        found = self._anchors.get(sent)
        if found is None:
            # the clause's slice: the automaton's iter over (text, start, end) costs as much
            # as the whole text (quadratic on a long article)
            s = sent[0]
            hits = list(self.lex.anchor_auto.iter(self.text[s : sent[1]]))  # (last, (len, mask))
            found = self._anchors[sent] = ([h[0] + s for h in hits], [h[1] for h in hits])
        ends, vals = found
        mask = 0
        k = bisect.bisect_left(ends, hi) - 1  # the last hit ending at or before hi
        while k >= 0 and ends[k] >= lo:
            length, bits = vals[k]
            if ends[k] - length + 1 >= lo:
                mask |= bits
            k -= 1
        return mask

    def geo(self) -> list[GeoHit]:
        """The geo hits in text order (``geo_starts``, ``geo_len``: their starts, longest)."""
        if self._geo is None:
            self._geo = sorted(self.doc.geo, key=lambda h: h.start)
            self.geo_starts = [h.start for h in self._geo]
            self.geo_len = max((h.end - h.start for h in self._geo), default=0)
        return self._geo

    def first_word_raw(self, pos: int) -> tuple[str, int] | None:
        """The first word (or «%») after ``pos`` and where it ends (None: no word)."""
        m = _FIRST_WORD_RE.match(self.text, pos)
        return None if m is None else (m.group(1), m.end())

    def more_words_raw(self, end: int) -> tuple[str | None, ...]:
        """The up to three words after the first one (ending at ``end``), None for each
        missing."""
        m = _MORE_WORDS_RE.match(self.text, end)
        assert m is not None  # every part is optional
        return m.groups()


class Window:
    """The tokens of ``[lo, hi)`` of one sentence; ``n`` is their number. Tokens up to
    ``done`` are read; ``[done, hi)`` is read by :meth:`has` when a rule reaches there."""

    def __init__(self, art: Article, lo: int, hi: int) -> None:
        self.art = art
        self.text = art.text
        self.lex = art.lex
        self.lo = lo
        self.hi = hi
        self.done = lo
        self.n = 0
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.texts: list[str] = []
        self.keys: list[str] = []
        self.kinds: list[str] = []
        self.gaps: list[str] = []
        self._rest: tuple[int, int] | None = None
        self.sent = (lo, hi)  # the clause of the number (``Article.clause_of``), when known

    # -- reading ---------------------------------------------------------------------------
    def _tokenize(self, lo: int, cut: int, *, append: bool) -> None:
        """Tokens of ``[lo, cut)``; ``[cut, hi)`` is left for :meth:`has`. ``cut`` is ``hi``
        or a space: no token crosses it."""
        hi = self.hi
        rows = _TOKEN_WS_RE.findall(self.text, lo, cut)  # trailing whitespace makes no row
        self.done = cut
        if rows:
            # \s is what str.lstrip strips; a token holds no whitespace
            texts = list(map(str.lstrip, rows))
            ends = list(accumulate(map(len, rows), initial=lo))
            del ends[0]
            starts = list(map(sub, ends, map(len, texts)))
            keys = [t.replace(ZWNJ, "") if ZWNJ in t else t for t in texts]
            kind_of = self.lex.char_kinds
            kinds = [kind_of.get(t[0]) or _char_kind(kind_of, t[0]) for t in texts]
            if append:
                self.starts += starts
                self.ends += ends
                self.texts += texts
                self.gaps += rows
                self.keys += keys
                self.kinds += kinds
            else:
                self.starts, self.ends = starts, ends
                self.texts, self.gaps, self.keys, self.kinds = texts, rows, keys, kinds
        self.n = len(self.starts)
        if cut < hi:  # the rest resumes after the last token (its gap then starts there)
            self._rest = (self.ends[-1] if self.n else lo, hi)

    def has(self, i: int) -> bool:
        """Token ``i`` exists (reading more of the window, a part at a time, if needed)."""
        if 0 <= i < self.n:
            return True
        if i < 0:
            return False
        while i >= self.n:
            # read the attribute afresh each turn: _tokenize sets it again (a narrowed
            # local would be wrong, and mypyc checks the narrowed type at run time)
            rest = self._rest
            if rest is None:
                break
            self._rest = None
            resume, hi = rest
            self._tokenize(resume, _cut(self.text, resume, hi, _NEXT_PART), append=True)
        return i < self.n

    def key(self, i: int) -> str:
        return self.keys[i] if 0 <= i < self.n or self.has(i) else ""

    def tok_at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect.bisect_left(self.starts, pos)

    def is_number(self, i: int) -> bool:
        """Token ``i`` starts a number of the article."""
        return self.has(i) and self.starts[i] in self.art.num_starts

    def gap_ok(self, i: int, j: int) -> bool:
        """Tokens ``i`` and ``j`` (j = i + 1) are on one line with only spaces between."""
        if j == i + 1:
            return i >= 0 and (j < self.n or self.has(j)) and "\n" not in self.gaps[j]
        last = j if j > i else i
        if i < 0 or j < 0 or not (last < self.n or self.has(last)):
            return False
        return "\n" not in self.text[self.ends[i] : self.starts[j]]

    # -- cue words -------------------------------------------------------------------------
    def has_cue(self, kind: str, lo: int, hi: int) -> bool:
        """A ``kind`` cue among tokens ``lo..hi-1``, across punctuation."""
        exact, prefixes = self.lex.cue_sets[kind]
        if hi > self.n:
            self.has(hi - 1)
        keys, kinds = self.keys, self.kinds
        for i in range(max(lo, 0), min(hi, self.n)):
            if kinds[i] == "word":
                k = keys[i]
                if k in exact or k.startswith(prefixes):
                    return True
        return False

    def cue_before(self, kind: str, first: int, n: int) -> bool:
        """A cue among the ``n`` tokens before ``first``, not crossing punctuation."""
        return self._cue_in(kind, range(first - 1, max(first - n, 0) - 1, -1))

    def cue_after(self, kind: str, first: int, n: int, *, to_verb: bool = False) -> bool:
        """A cue among the ``n`` tokens from ``first``, not crossing punctuation (nor, with
        ``to_verb``, the clause's first finite verb: what follows it is another clause)."""
        if first + n > self.n:
            self.has(first + n - 1)
        return self._cue_in(kind, range(first, min(self.n, first + n)), to_verb=to_verb)

    def _cue_in(self, kind: str, indices: range, *, to_verb: bool = False) -> bool:
        """A cue word of ``kind`` at one of ``indices``, walked in order until punctuation."""
        exact, prefixes = self.lex.cue_sets[kind]
        keys, kinds, texts = self.keys, self.kinds, self.texts
        for i in indices:
            kd = kinds[i]
            if kd == "punct" and texts[i] not in _QUOTES:
                return False
            if to_verb and tense(self, i) is not None:
                return False
            if kd == "word":
                k = keys[i]
                if k in exact or k.startswith(prefixes):
                    return True
        return False


def _char_kind(memo: dict[str, str], ch: str) -> str:
    """The kind of a token starting with ``ch`` (remembered in ``memo``): a digit run
    («\\d» is ``isdecimal``), a word («[^\\W\\d_]»: ``isalnum`` and no digit; «_» is none) or
    punct (one other character)."""
    kind = memo[ch] = "num" if ch.isdecimal() else "word" if ch.isalnum() else "punct"
    return kind


def tense(win: Window, i: int) -> str | None:
    """The tense of token ``i`` when it is a finite verb (past, future, present, stop),
    else None; a compound verb's nominal part may decide instead («بررسی شد»: stop,
    «تصویب شد»: planned, ``verbs.tsv``)."""
    if not win.has(i) or win.kinds[i] != "word":
        return None
    lex = win.lex
    k = win.keys[i]
    if k not in lex.verb_words and not k.startswith(MI_KEYS):
        return None
    prev = win.keys[i - 1] if i > 0 else ""
    pair = lex.verb_pairs.get((prev, k))
    if pair is not None:
        return pair
    found = lex.verbs.get(k)
    if found is None:
        t = win.texts[i]
        if t.startswith(_PRESENT) or t == "می":
            found = "present"
        elif t.startswith(_NEGATIVE) or t == "نمی":
            return "stop"
        else:
            return None
    return lex.verb_pairs.get((prev, "*"), found)


def _cut(text: str, end: int, hi: int, part: int = _FIRST_PART) -> int:
    """Where a part of a window read at once ends: a space ``part`` characters or more after
    ``end`` (the number's end for the first part), or ``hi``."""
    cut = text.find(" ", end + part, hi)
    return hi if cut < 0 else cut


def _read(art: Article, lo: int, end: int, hi: int, prev: Window | None) -> Window:
    """The window ``[lo, hi)`` for a number ending at ``end``; the tokens of ``prev`` (the
    window of the previous number) that lie in it are kept, not read again."""
    win = Window(art, lo, hi)
    cut = _cut(art.text, end, hi)
    if prev is not None and prev.n and prev.lo <= lo <= prev.done <= hi:
        # tokens ending two characters before the old end cannot grow in the new window
        a = bisect.bisect_left(prev.starts, lo)
        b = bisect.bisect_left(prev.ends, prev.done - 1)
        if b > a:
            win.starts, win.ends = prev.starts[a:b], prev.ends[a:b]
            win.texts, win.keys = prev.texts[a:b], prev.keys[a:b]
            win.kinds, win.gaps = prev.kinds[a:b], prev.gaps[a:b]
            win.n = b - a
            win._tokenize(prev.ends[b - 1], cut, append=True)
            return win
    win._tokenize(lo, cut, append=False)
    return win


def window_around(
    art: Article, start: int, end: int, *, full: bool = False, prev: Window | None = None
) -> Window:
    """The window of the number ``[start, end)``: its sentence from up to 120 characters
    before it (from a space) to 250 after it (the only tokens the rules look at: a
    whole-text tokenization would cost more than the stage). Unless ``full``, it starts
    nearer when the tokens the rules read back (``_LOOK_BACK``) are there anyway. ``prev``:
    the previous number's window, whose tokens are kept (the next number of a sentence)."""
    text = art.text
    sent = art.clause_of(start, end)
    s, e = sent
    lo, hi = max(s, start - 120), min(max(e, end), end + 250)
    if lo > s:
        sp = text.rfind(" ", s, lo)
        lo = sp if sp >= 0 else s
    win = None
    if not full and start - _BACK > lo:
        # the rules look back at most _LOOK_BACK tokens (and 40 characters): tokens from a
        # nearer space are the same (no token holds a space); else the full window
        sp = text.rfind(" ", lo, start - _BACK)
        if sp > lo:
            win = _read(art, sp, end, hi, prev)
            if bisect.bisect_left(win.starts, start) < _LOOK_BACK:
                win = _read(art, lo, end, hi, None)
    if win is None:
        win = _read(art, lo, end, hi, prev)
    win.sent = sent
    return win
