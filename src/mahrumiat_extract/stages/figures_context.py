"""Tokens, sentences and the context of a figure: category, status, period, place, jobs.

Everything works on ``doc.work`` (normalized offsets); the rules are the ones a linguist
would write down for Persian news about projects:

- category: «N پروژه در عرصه/حوزه/بخش X» → X; «N پروژه عمرانی، خدماتی و تولیدی» → the
  adjectives; «N پروژه مهم مدیریت شهری» → noun + adjective; «N پروژه دیگر» → the previous
  figure's category; «این N پروژه» → the activity that governed the same N earlier;
- status: the first status verb phrase after the counted noun in its sentence, else a
  governing noun right before the number («کلنگ‌زنی ۳ هزار واحد»);
- period: the nearest period phrase in the sentence; place: the nearest geo hit in it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import re

from ..doc import Doc, GeoHit
from .figures_lexicon import FiguresLexicon, status_of, word_key

__all__ = ["Context", "Tok", "tokenize"]

_TOKEN_RE = re.compile(r"(?P<num>\d+(?:[٫٬,.:/\-]\d+)*)|(?P<word>[^\W\d_]+(?:\u200c[^\W\d_]+)*)|(?P<punct>\S)")
_NEXT_WORDS_RE = re.compile(r"(?:[ \u200c]*([^\W\d_]+(?:\u200c[^\W\d_]+)*|%))(?:[ \u200c]+([^\W\d_]+(?:\u200c[^\W\d_]+)*))?(?:[ \u200c]+([^\W\d_]+))?(?:[ \u200c]+([^\W\d_]+(?:\u200c[^\W\d_]+)*))?")
_SENTENCE_END_RE = re.compile(r"[!?؟؛\n]|\.(?!\d)")
_PLURAL = ("های", "ها")
_ADJ_ENDINGS = ("زا", "ساز", "محور")


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    key: str
    kind: str  # num, word, punct


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    out = []
    for m in _TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        t = m.group()
        out.append(Tok(m.start(), m.end(), t, word_key(t), m.lastgroup or "punct"))
    return out


class Context:
    """Token and sentence indexes over one document, and the context rules."""

    def __init__(self, doc: Doc, lex: FiguresLexicon) -> None:
        self.doc = doc
        self.text = doc.work
        self.lex = lex
        self.toks: list[Tok] = []
        self.starts: list[int] = []
        self.ends = [m.end() for m in _SENTENCE_END_RE.finditer(self.text)]
        self.geo = sorted(doc.geo, key=lambda h: h.start)
        self.num_starts: set[int] = set()

    # -- indexes -------------------------------------------------------------------------
    def focus(self, start: int, end: int) -> None:
        """Tokenize the part of the sentence around ``[start, end)`` (the only tokens the
        rules look at: a whole-text tokenization would cost more than the stage)."""
        s, e = self.sentence(start)
        lo, hi = max(s, start - 120), min(max(e, end), end + 250)
        if lo > s:
            sp = self.text.rfind(" ", s, lo)
            lo = sp if sp >= 0 else s
        self.toks = tokenize(self.text, lo, hi)
        self.starts = [t.start for t in self.toks]

    def next_words(self, pos: int) -> list[str]:
        """Keys of up to four words right after ``pos`` (the quick test for a counted noun)."""
        m = _NEXT_WORDS_RE.match(self.text, pos)
        return [word_key(w) for w in m.groups() if w] if m else []

    def tok_at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect.bisect_left(self.starts, pos)

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.ends, pos)
        start = self.ends[i - 1] if i > 0 else 0
        end = self.ends[i] if i < len(self.ends) else len(self.text)
        return start, end

    def key(self, i: int) -> str:
        return self.toks[i].key if 0 <= i < len(self.toks) else ""

    def gap_ok(self, i: int, j: int) -> bool:
        """Tokens ``i`` and ``j`` (j = i + 1) are on one line with only spaces between."""
        if not (0 <= i < len(self.toks) and 0 <= j < len(self.toks)):
            return False
        return "\n" not in self.text[self.toks[i].end : self.toks[j].start]

    # -- cues ----------------------------------------------------------------------------
    def window_has(self, kind: str, lo: int, hi: int, *, stop_at_punct: bool = True) -> bool:
        """A ``kind`` cue among tokens ``lo..hi-1`` (stopping at punctuation if asked)."""
        rng = range(max(lo, 0), min(hi, len(self.toks)))
        toks = self.toks
        for i in rng:
            t = toks[i]
            if t.kind == "punct" and stop_at_punct and t.text not in "«»\"'()":
                continue
            if t.kind == "word" and self.lex.cue(kind, t.key):
                return True
        return False

    def window_before(self, kind: str, first: int, n: int) -> bool:
        """A cue among the ``n`` tokens before ``first``, not crossing punctuation."""
        i = first - 1
        while i >= 0 and first - i <= n:
            t = self.toks[i]
            if t.kind == "punct" and t.text not in "«»\"'()":
                return False
            if t.kind == "word" and self.lex.cue(kind, t.key):
                return True
            i -= 1
        return False

    def window_after(self, kind: str, first: int, n: int) -> bool:
        i = first
        while i < len(self.toks) and i - first < n:
            t = self.toks[i]
            if t.kind == "punct" and t.text not in "«»\"'()":
                return False
            if t.kind == "word" and self.lex.cue(kind, t.key):
                return True
            i += 1
        return False

    # -- category ------------------------------------------------------------------------
    def _is_intro(self, key: str) -> bool:
        if self.lex.cue("intro", key):
            return True
        return any(key.endswith(p) and self.lex.cue("intro", key[: -len(p)]) for p in _PLURAL)

    def _plain_word(self, i: int) -> bool:
        t = self.toks[i] if 0 <= i < len(self.toks) else None
        return (
            t is not None
            and t.kind == "word"
            and t.key not in ("و", "یا")
            and t.start not in self.num_starts
            and not self.lex.cue("stop", t.key)
            and not self.lex.cue("skip", t.key)
        )

    def _is_adj(self, i: int) -> bool:
        if not self._plain_word(i):
            return False
        t = self.toks[i]
        k = t.key
        if k.endswith(_PLURAL) or t.text.endswith("\u200cی") or k.endswith("ای"):
            return False
        return k.endswith("ی") or k.endswith(_ADJ_ENDINGS)

    def _phrase(self, i: int, *, nouns: bool, limit: int = 7) -> tuple[int, int] | None:
        """The category phrase from token ``i``: words (or adjectives only) joined by «و»/«،»."""
        ok = self._plain_word if nouns else self._is_adj
        j, last, n = i, -1, 0
        while j < len(self.toks) and n < limit and self.gap_ok(j - 1, j):
            if ok(j):
                last, n = j, n + 1
                j += 1
            elif self.toks[j].key in ("و", "،", ",") and last == j - 1 and ok(j + 1):
                j += 1
            else:
                break
        if last < 0:
            return None
        return self.toks[i].start, self.toks[last].end

    def category(self, after: int, head: str | None) -> str | None:
        """The category stated after the counted noun (token index ``after``)."""
        j = after
        while self.lex.cue("skip", self.key(j)) and self.gap_ok(j - 1, j):
            j += 1
        if head is not None:
            if self._plain_word(j) and self.gap_ok(j - 1, j):
                return f"{head} {self.toks[j].text}"
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
        return (self.toks[j].start, adj[1]) if adj else None

    def governing_word(self, pos: int) -> str | None:
        """The activity noun before the number at ``pos`` («آبرسانی به ۳۷۲ روستا» → «آبرسانی»).
        Refocuses the context on it."""
        self.focus(pos, pos + 1)
        i = self.tok_at(pos) - 1
        while i >= 0 and self.key(i) in ("به", "در", "برای", "از", "تعداد"):
            i -= 1
        return self.toks[i].text if self._plain_word(i) and self.toks[i].kind == "word" else None

    # -- status, period, place -------------------------------------------------------------
    def status(self, num_start: int, unit_end: int) -> str | None:
        s, e = self.sentence(num_start)
        m = self.lex.status_after.search(self.text, unit_end, e)
        if m:
            return status_of(self.lex, m.group())
        lo = max(s, num_start - 40)
        best = None
        for m in self.lex.status_before.finditer(self.text, lo, num_start):
            between = self.tok_at(num_start) - self.tok_at(m.end())
            if between <= 3:
                best = m
        return status_of(self.lex, best.group()) if best else None

    def period(self, num_start: int, num_end: int) -> str | None:
        s, e = self.sentence(num_start)
        best: tuple[int, int, int] | None = None
        for m in self.lex.periods.finditer(self.text, max(s, num_start - 300), min(e, num_end + 300)):
            if m.start() < num_end and m.end() > num_start:
                continue
            dist = num_start - m.end() if m.end() <= num_start else m.start() - num_end
            if best is None or dist < best[0]:
                best = (dist, m.start(), m.end())
        if best is None:
            return None
        return self.doc.norm.original_text(best[1], best[2]).strip() or None

    def place(self, num_start: int, num_end: int) -> str | None:
        s, e = self.sentence(num_start)
        best: tuple[int, GeoHit] | None = None
        for h in self.geo:
            if h.end <= s or h.start >= e or (h.start < num_end and h.end > num_start):
                continue
            dist = num_start - h.end if h.end <= num_start else h.start - num_end
            if best is None or dist < best[0]:
                best = (dist, h)
        return best[1].name if best else None
