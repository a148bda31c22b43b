"""Tokens, sentences and the context of a figure: category, status, period, place, jobs.

Everything works on ``doc.work`` (normalized offsets); the rules are the ones a linguist
would write down for Persian news about projects:

- category: «N پروژه در عرصه/حوزه/بخش X» → X; «N پروژه عمرانی، خدماتی و تولیدی» → the
  adjectives; «N پروژه مهم مدیریت شهری» → noun + adjective; «N پروژه دیگر» → the previous
  figure's category; «این N پروژه» → the activity that governed the same N earlier;
- status: the first status verb phrase after the counted noun in its sentence, else a
  governing noun right before the number («کلنگ‌زنی ۳ هزار واحد»);
- period: the nearest period phrase in the sentence; place: the nearest geo hit in it.

Speed (the results are those of the plain rules): the focused window's tokens are
parallel lists built by one ``findall`` (no object per token), tokenized a little past the
number and further only on demand, and kept for the next number of the sentence; status
phrases are found once per document on the shared key stream
(:meth:`~..doc.Doc.key_stream`) and checked with the exact pattern there; the period pattern
is tried only where one of its matches can start, and status-before only when one of its
words is in the window.
"""

from __future__ import annotations

import bisect
import re
from typing import Any
from itertools import accumulate, chain, repeat

from ...doc import Doc, GeoHit
from ...text.sentences import sentence_at, sentence_ends
from .lexicon import FiguresLexicon, status_of
from ...text.chars import ZWNJ

__all__ = ["Context"]

# whitespace before a token, the token, and its kind (a digit run or a word; else punct)
_TOKEN_WS_RE = re.compile(r"(\s*)((\d+(?:[٫٬,.:/\-]\d+)*)|([^\W\d_]+(?:\u200c[^\W\d_]+)*)|\S)")
_NEXT_WORDS_RE = re.compile(r"(?:[ \u200c]*([^\W\d_]+(?:\u200c[^\W\d_]+)*|%))(?:[ \u200c]+([^\W\d_]+(?:\u200c[^\W\d_]+)*))?(?:[ \u200c]+([^\W\d_]+))?(?:[ \u200c]+([^\W\d_]+(?:\u200c[^\W\d_]+)*))?")
# a sentence ends after one of these; a «.» before a digit is a decimal point (filtered:
# a plain class is scanned faster than «[!?؟؛\n]|\.(?!\d)»)
_PLURAL = ("های", "ها")
_ADJ_ENDINGS = ("زا", "ساز", "محور")
_QUOTES = "«»\"'()"
_FIRST_PART = 60  # characters after the number tokenized at once (most rules look closer)
_BACK = 70  # characters before the number tokenized first (the full window reaches 120)
_LOOK_BACK = 9  # tokens before a number the rules read (window_has from first - 8)


def _skip_spaces_back(text: str, i: int) -> int:
    while i > 0 and text[i - 1] == " ":
        i -= 1
    return i


class Context:
    """Token and sentence indexes over one document, and the context rules.

    The focused window's tokens are the parallel lists ``starts``, ``ends``, ``texts``,
    ``keys`` (ZWNJ removed), ``kinds`` (num, word, punct) and ``gaps`` (the whitespace
    before each token); ``n`` is their length."""

    def __init__(self, doc: Doc, lex: FiguresLexicon) -> None:
        self.doc = doc
        self.text = doc.work
        self.lex = lex
        self.n = 0
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.texts: list[str] = []
        self.keys: list[str] = []
        self.kinds: list[str] = []
        self.gaps: list[str] = []
        self._ends: list[int] | None = None  # sentence ends, found on first use
        self._sentences: dict[int, tuple[int, int]] = {}
        self._geo: list[GeoHit] | None = None
        self._geo_starts: list[int] = []
        self._geo_len = 0
        self.num_starts: set[int] = set()
        self._window = (-1, -1)  # (start, end of the tokenized part) of the focused window
        self._rest: tuple[int, int] | None = None  # the window's part not tokenized yet
        self._status_hits: list[int] | None = None
        self._periods: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._pstarts: list[int] | None = None
        self._pmatches: dict[tuple[int, int], tuple[int, int] | None] = {}
        self._after_matches: dict[tuple[int, int], Any] = {}

    # -- indexes -------------------------------------------------------------------------
    def focus(self, start: int, end: int, *, full: bool = False) -> None:
        """Tokenize the part of the sentence around ``[start, end)`` (the only tokens the
        rules look at: a whole-text tokenization would cost more than the stage).

        Two savings, neither visible to the rules: the window is tokenized up to a space a
        little after the number and the rest only when a rule reaches past it (:meth:`has`);
        a window that overlaps the previous one (the next number of a sentence) keeps its
        tokens."""
        text = self.text
        s, e = self.sentence(start)
        lo, hi = max(s, start - 120), min(max(e, end), end + 250)
        if lo > s:
            sp = text.rfind(" ", s, lo)
            lo = sp if sp >= 0 else s
        if not full and start - _BACK > lo:
            # the rules look back at most _LOOK_BACK tokens (and 40 characters): tokens
            # from a nearer space are the same (no token holds a space); else the full window
            sp = text.rfind(" ", lo, start - _BACK)
            if sp > lo:
                self._focus_from(sp, end, hi)
                if bisect.bisect_left(self.starts, start) >= _LOOK_BACK:
                    return
        self._focus_from(lo, end, hi)

    def _focus_from(self, lo: int, end: int, hi: int) -> None:
        plo, done = self._window
        self._window = (lo, lo)
        self._rest = None
        if plo <= lo <= done <= hi and self.n:
            # tokens ending two characters before the old end cannot grow in the new window
            a = bisect.bisect_left(self.starts, lo)
            b = bisect.bisect_left(self.ends, done - 1)
            if b > a:
                resume = self.ends[b - 1]
                self.starts, self.ends = self.starts[a:b], self.ends[a:b]
                self.texts, self.keys = self.texts[a:b], self.keys[a:b]
                self.kinds, self.gaps = self.kinds[a:b], self.gaps[a:b]
                self._tokenize(resume, self._cut(end, hi), hi, append=True)
                return
        self._tokenize(lo, self._cut(end, hi), hi, append=False)

    def _cut(self, end: int, hi: int) -> int:
        """Where the first part of a window ends: a space some words after the number."""
        cut = self.text.find(" ", end + _FIRST_PART, hi)
        return hi if cut < 0 else cut

    def has(self, i: int) -> bool:
        """Token ``i`` exists (tokenizing the rest of the window if needed)."""
        if 0 <= i < self.n:
            return True
        if i < 0 or self._rest is None:
            return False
        resume, hi = self._rest
        self._rest = None
        self._tokenize(resume, hi, hi, append=True)
        return i < self.n

    def _tokenize(self, lo: int, cut: int, hi: int, *, append: bool) -> None:
        """Tokens of ``[lo, cut)``; ``[cut, hi)`` is left for :meth:`has`. ``cut`` is ``hi``
        or a space: no token crosses it."""
        rows = _TOKEN_WS_RE.findall(self.text, lo, cut)  # trailing whitespace makes no row
        self._window = (self._window[0], cut)
        if rows:
            gaps, texts, nums, words = zip(*rows)
            offs = list(accumulate(map(len, chain.from_iterable(zip(gaps, texts))), initial=lo))
            keys = list(map(str.replace, texts, repeat(ZWNJ), repeat("")))
            kinds = ["num" if x else "word" if y else "punct" for x, y in zip(nums, words)]
            if append:
                self.starts += offs[1::2]
                self.ends += offs[2::2]
                self.texts += texts
                self.gaps += gaps
                self.keys += keys
                self.kinds += kinds
            else:
                self.starts, self.ends = offs[1::2], offs[2::2]
                self.texts, self.gaps, self.keys, self.kinds = list(texts), list(gaps), keys, kinds
        elif not append:
            self.starts, self.ends, self.texts, self.keys, self.kinds, self.gaps = [], [], [], [], [], []
        self.n = len(self.starts)
        if cut < hi:  # the rest resumes after the last token (its gap then starts there)
            self._rest = (self.ends[-1] if self.n else lo, hi)

    def next_words_raw(self, pos: int) -> tuple[str | None, ...]:
        """Up to four words right after ``pos`` as written (None for the missing ones)."""
        m = _NEXT_WORDS_RE.match(self.text, pos)
        return () if m is None else m.groups()

    def next_words(self, pos: int) -> list[str]:
        """Keys of up to four words right after ``pos`` (the quick test for a counted noun)."""
        m = _NEXT_WORDS_RE.match(self.text, pos)
        if m is None:
            return []
        return [w.replace(ZWNJ, "") for w in m.groups() if w]

    def tok_at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect.bisect_left(self.starts, pos)

    def sentence(self, pos: int) -> tuple[int, int]:
        found = self._sentences.get(pos)
        if found is None:
            found = self._sentences[pos] = self._sentence(pos)
        return found

    def _sentence(self, pos: int) -> tuple[int, int]:
        ends = self._ends
        if ends is None:
            ends = self._ends = sentence_ends(self.text, clauses=True)
        return sentence_at(ends, pos, len(self.text))

    def key(self, i: int) -> str:
        return self.keys[i] if 0 <= i < self.n or self.has(i) else ""

    def gap_ok(self, i: int, j: int) -> bool:
        """Tokens ``i`` and ``j`` (j = i + 1) are on one line with only spaces between."""
        if i < 0 or j < 0 or not (max(i, j) < self.n or self.has(max(i, j))):
            return False
        if j == i + 1:
            return "\n" not in self.gaps[j]
        return "\n" not in self.text[self.ends[i] : self.starts[j]]

    # -- cues ----------------------------------------------------------------------------
    def window_has(self, kind: str, lo: int, hi: int, *, stop_at_punct: bool = True) -> bool:
        """A ``kind`` cue among tokens ``lo..hi-1`` (punctuation is never a cue)."""
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

    def window_before(self, kind: str, first: int, n: int) -> bool:
        """A cue among the ``n`` tokens before ``first``, not crossing punctuation."""
        return self._cue_in(kind, range(first - 1, max(first - n, 0) - 1, -1))

    def window_after(self, kind: str, first: int, n: int) -> bool:
        if first + n > self.n:
            self.has(first + n - 1)
        return self._cue_in(kind, range(first, min(self.n, first + n)))

    def _cue_in(self, kind: str, indices: range) -> bool:
        """A cue word of ``kind`` at one of ``indices``, walked in order until punctuation."""
        exact, prefixes = self.lex.cue_sets[kind]
        keys, kinds, texts = self.keys, self.kinds, self.texts
        for i in indices:
            kd = kinds[i]
            if kd == "punct" and texts[i] not in _QUOTES:
                return False
            if kd == "word":
                k = keys[i]
                if k in exact or k.startswith(prefixes):
                    return True
        return False

    # -- category ------------------------------------------------------------------------
    def _is_intro(self, key: str) -> bool:
        if self.lex.cue("intro", key):
            return True
        return any(key.endswith(p) and self.lex.cue("intro", key[: -len(p)]) for p in _PLURAL)

    def _plain_word(self, i: int) -> bool:
        if not (0 <= i < self.n or self.has(i)) or self.kinds[i] != "word":
            return False
        k = self.keys[i]
        return (
            k not in ("و", "یا")
            and self.starts[i] not in self.num_starts
            and not self.lex.cue("stop", k)
            and not self.lex.cue("skip", k)
        )

    def _is_adj(self, i: int) -> bool:
        if not self._plain_word(i):
            return False
        k = self.keys[i]
        if k.endswith(_PLURAL) or self.texts[i].endswith("\u200cی") or k.endswith("ای"):
            return False
        return k.endswith("ی") or k.endswith(_ADJ_ENDINGS)

    def _phrase(self, i: int, *, nouns: bool, limit: int = 7) -> tuple[int, int] | None:
        """The category phrase from token ``i``: words (or adjectives only) joined by «و»/«،»."""
        ok = self._plain_word if nouns else self._is_adj
        j, last, n = i, -1, 0
        while (j < self.n or self.has(j)) and n < limit and self.gap_ok(j - 1, j):
            if ok(j):
                last, n = j, n + 1
                j += 1
            elif self.keys[j] in ("و", "،", ",") and last == j - 1 and ok(j + 1):
                j += 1
            else:
                break
        if last < 0:
            return None
        return self.starts[i], self.ends[last]

    def category(self, after: int, head: str | None) -> str | None:
        """The category stated after the counted noun (token index ``after``)."""
        j = after
        while self.lex.cue("skip", self.key(j)) and self.gap_ok(j - 1, j):
            j += 1
        if head is not None:
            if self._plain_word(j) and self.gap_ok(j - 1, j):
                return f"{head} {self.texts[j]}"
            return head
        if self.key(j) == "در" and self._is_intro(self.key(j + 1)):
            span = self._phrase(j + 2, nouns=True)
        else:
            span = self._phrase(j, nouns=False)
            if span is None and self._plain_word(j) and self._is_adj(j + 1):
                span = self._noun_adj(j)
        return self.text[span[0] : span[1]] if span else None

    def _noun_adj(self, j: int) -> tuple[int, int] | None:
        adj = self._phrase(j + 1, nouns=False)
        return (self.starts[j], adj[1]) if adj else None

    def governing_word(self, pos: int) -> str | None:
        """The activity noun before the number at ``pos`` («آبرسانی به ۳۷۲ روستا» → «آبرسانی»).
        Refocuses the context on it."""
        self.focus(pos, pos + 1, full=True)  # looks back over any number of prepositions
        i = self.tok_at(pos) - 1
        while i >= 0 and self.key(i) in ("به", "در", "برای", "از", "تعداد"):
            i -= 1
        return self.texts[i] if self._plain_word(i) else None

    # -- status, period, place -------------------------------------------------------------
    def _status_after_hits(self) -> list[int]:
        """Sorted positions where a status-after phrase matches (once per document): the
        phrases' keys found in the key stream, each checked with the exact pattern there."""
        if self._status_hits is None:
            kstr, index = self.doc.key_stream()
            pat = self.lex.status_after
            text = self.text
            hits = set()
            for k_end, k_len in self.lex.status_keys.iter(kstr):
                p = index[k_end - k_len + 1]
                if p not in hits and pat.match(text, p):
                    hits.add(p)
            self._status_hits = sorted(hits)
        return self._status_hits

    def status(self, num_start: int, unit_end: int, sent: tuple[int, int] | None = None) -> str | None:
        s, e = sent or self.sentence(num_start)
        hits = self._status_after_hits()
        i = bisect.bisect_left(hits, unit_end)
        if i < len(hits) and hits[i] < e:
            key = (hits[i], e)  # the same for the figures of a sentence
            if key in self._after_matches:
                m = self._after_matches[key]
            else:
                m = self._after_matches[key] = self.lex.status_after.match(self.text, hits[i], e)
            m = m or self.lex.status_after.search(self.text, unit_end, e)  # never needed
            if m:
                return status_of(self.lex, m.group())
        lo = max(s, num_start - 40)
        text = self.text
        for a in self.lex.status_before_anchors:
            if text.find(a, lo, num_start) >= 0:
                break
        else:
            return None
        best = None
        for m in self.lex.status_before.finditer(text, lo, num_start):
            between = self.tok_at(num_start) - self.tok_at(m.end())
            if between <= 3:
                best = m
        return status_of(self.lex, best.group()) if best else None

    def _period_starts(self) -> list[int]:
        """Sorted positions where a period match can start (once per document): a phrase's
        first word, «سال», «از» + spaces before «سال», the year after «سال» + spaces, «تا» +
        spaces before «پایان»."""
        if self._pstarts is None:
            text = self.text
            cands: set[int] = set()
            for word in self.lex.period_firsts:
                # a phrase starts after no letter or ZWNJ (its lookbehind); only the grammar,
                # from «سال» (kept everywhere), «از», «تا» or a year, starts inside a word
                inside_ok = word == "سال"
                i = text.find(word)
                while i >= 0:
                    if inside_ok or not i or not (text[i - 1].isalpha() or text[i - 1] == ZWNJ):
                        cands.add(i)
                    i = text.find(word, i + 1)
            i = text.find("سال")
            while i >= 0:
                j = _skip_spaces_back(text, i)
                if j < i and j >= 2 and text[j - 2 : j] == "از":
                    cands.add(j - 2)
                d = i + 3
                while d < len(text) and text[d] == " ":
                    d += 1
                if d > i + 3:
                    cands.add(d)
                i = text.find("سال", i + 1)
            i = text.find("پایان")
            while i >= 0:
                j = _skip_spaces_back(text, i)
                if j < i and j >= 2 and text[j - 2 : j] == "تا":
                    cands.add(j - 2)
                i = text.find("پایان", i + 1)
            self._pstarts = sorted(cands)
        return self._pstarts

    def _period_matches(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """``lex.periods.finditer(text, lo, hi)`` as spans, cached: the pattern is tried only
        where a match can start, which skips the positions a regex scan tries one by one."""
        found = self._periods.get((lo, hi))
        if found is None:
            starts = self._period_starts()
            pat = self.lex.periods
            found = []
            pos = lo
            for k in range(bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)):
                c = starts[k]
                if c < pos:
                    continue
                key = (c, hi)
                if key in self._pmatches:
                    span = self._pmatches[key]
                else:
                    m = pat.match(self.text, c, hi)
                    span = self._pmatches[key] = m.span() if m else None
                if span:
                    found.append(span)
                    pos = span[1]
            self._periods[(lo, hi)] = found
        return found

    def period(self, num_start: int, num_end: int, sent: tuple[int, int] | None = None) -> str | None:
        s, e = sent or self.sentence(num_start)
        best: tuple[int, int, int] | None = None
        for ms, me in self._period_matches(max(s, num_start - 300), min(e, num_end + 300)):
            if ms < num_end and me > num_start:
                continue
            dist = num_start - me if me <= num_start else ms - num_end
            if best is None or dist < best[0]:
                best = (dist, ms, me)
        if best is None:
            return None
        return self.doc.norm.original_text(best[1], best[2]).strip() or None

    def place(self, num_start: int, num_end: int, sent: tuple[int, int] | None = None) -> str | None:
        s, e = sent or self.sentence(num_start)
        best: tuple[int, GeoHit] | None = None
        if self._geo is None:
            self._geo = sorted(self.doc.geo, key=lambda h: h.start)
            self._geo_starts = [h.start for h in self._geo]
            self._geo_len = max((h.end - h.start for h in self._geo), default=0)
        geo = self._geo
        # the hits that can reach into the sentence: from a start one name length before it
        lo = bisect.bisect_left(self._geo_starts, s - self._geo_len)
        for k in range(lo, bisect.bisect_left(self._geo_starts, e)):
            h = geo[k]
            if h.end <= s or (h.start < num_end and h.end > num_start):
                continue
            dist = num_start - h.end if h.end <= num_start else h.start - num_end
            if best is None or dist < best[0]:
                best = (dist, h)
        return best[1].name if best else None
